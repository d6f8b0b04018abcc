import { fail, redirect } from '@sveltejs/kit';
import { DatasetMetaSchema } from '$lib/domain/import/dataset';
import { ownedDataset, readableDataset } from '$lib/server/access';
import { store } from '$lib/server/storage';
import { translate } from '$lib/i18n/catalogue';
import { datasetJsonLd, jsonLdText } from '$lib/domain/ledger/jsonld';

export async function load({ params, locals, url }) {
	const token = url.searchParams.get('token');
	const dataset = await readableDataset(params.id, locals.user, token);
	const jsonLd = jsonLdText(datasetJsonLd(dataset, `${url.origin}/datasets/${dataset.id}`, url.origin));
	return { dataset, token, owner: locals.user?.id === dataset.ownerId, jsonLd };
}

export const actions = {
	update: async ({ params, locals, request }) => {
		const dataset = await ownedDataset(params.id, locals.user);
		const parsed = DatasetMetaSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { errors: parsed.error.issues.map((i) => i.message) });
		await (await store()).updateDataset(dataset.id, parsed.data);
		return { updated: true };
	},
	delete: async ({ params, locals, request }) => {
		const dataset = await ownedDataset(params.id, locals.user);
		const form = await request.formData();
		if (String(form.get('confirm') ?? '').trim() !== dataset.title) {
			return fail(400, { deleteError: translate(locals.locale, 'dataset.deleteError') });
		}
		await (await store()).deleteDataset(dataset.id);
		redirect(303, '/datasets');
	}
};
