import { codingChoices, reveal, sessionItems, summary, teacherSession } from '$lib/server/coding';

export async function load({ params, cookies, url }) {
	const session = await teacherSession(params.id, cookies);
	return {
		id: session.id,
		title: session.title,
		origin: session.origin,
		joinCode: session.joinCode,
		joinUrl: new URL(`/coding/${session.id}`, url.origin).href,
		joinPage: new URL('/coding', url.origin).href,
		revealed: session.revealed,
		items: sessionItems(session),
		summary: await summary(session),
		...codingChoices()
	};
}

export const actions = {
	reveal: async ({ params, cookies }) => {
		await reveal(await teacherSession(params.id, cookies));
	}
};
