import type { ClientInit } from '@sveltejs/kit';

// Hydrating a long page is the longest task of its load on a phone. Started in a task of its own,
// it lets the browser paint the server's HTML first (the reader's first screen is already there)
// instead of loading the modules and hydrating in one task.
export const init: ClientInit = () => new Promise((resolve) => setTimeout(resolve, 0));
