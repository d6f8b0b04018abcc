import type { Handle, ServerInit } from '@sveltejs/kit';
import { ledger } from '$lib/server/ledger';

// Fail at start-up, with every file:row:column problem listed, rather than on first request.
export const init: ServerInit = () => {
	ledger();
};

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};
