import type { ClientInit } from '@sveltejs/kit';

// Hydrating a long page is the longest task of its load on a phone. Started after the next frame
// (a task queued from an animation frame callback runs once that frame is painted), it lets the
// browser paint the server's HTML first (the reader's first screen is already there) instead of
// loading the modules and hydrating before the first paint. A hidden tab paints no frames, so it
// only yields.
export const init: ClientInit = () =>
	new Promise((resolve) => {
		if (document.visibilityState === 'hidden') setTimeout(resolve, 0);
		else requestAnimationFrame(() => setTimeout(resolve, 0));
	});
