import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth';
import { store } from '$lib/server/storage';

export function load() {
	redirect(303, '/');
}

export const actions = {
	default: async ({ cookies }) => {
		await endSession(await store(), cookies);
		redirect(303, '/');
	}
};
