import { codingChoices, reveal, sessionItems, summary, teacherOnly, teacherPageSession } from '$lib/server/coding';

export async function load({ params, cookies, url, locals }) {
	const session = await teacherPageSession(params.id, cookies, teacherOnly(locals, url));
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
	reveal: async ({ params, cookies, url, locals }) => {
		await reveal(await teacherPageSession(params.id, cookies, teacherOnly(locals, url)));
	}
};
