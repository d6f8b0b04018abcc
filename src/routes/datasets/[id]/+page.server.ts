import { fail, redirect } from '@sveltejs/kit';
import { DatasetMetaSchema } from '$lib/domain/import/dataset';
import { ownedDataset, readableDataset } from '$lib/server/access';
import { store } from '$lib/server/storage';
import { translate } from '$lib/i18n/catalogue';
import { datasetJsonLd, jsonLdText } from '$lib/domain/ledger/jsonld';
import { newSeed } from '$lib/domain/projects/sample';
import { createProject, MAX_PROJECT_ITEMS, MAX_SAMPLED_ROWS, NewProjectSchema, projects } from '$lib/server/projects';

/** Only articles can be coded, and only as many as a sample can be drawn from. */
const codable = (d: { measure: { kind: string }; rowCount: number }) => d.measure.kind === 'articles' && d.rowCount <= MAX_SAMPLED_ROWS;

export async function load({ params, locals, url }) {
	const token = url.searchParams.get('token');
	const dataset = await readableDataset(params.id, locals.user, token);
	const jsonLd = jsonLdText(datasetJsonLd(dataset, `${url.origin}/datasets/${dataset.id}`, url.origin));
	const owner = locals.user?.id === dataset.ownerId;
	const db = await projects();
	const coding = locals.user ? await db.onDataset(dataset.id, locals.user.id) : [];
	return {
		dataset,
		token,
		owner,
		jsonLd,
		coding,
		// Deleting the dataset deletes these too, so its owner is shown what they hold first.
		deletes: owner ? await db.holdingsOnDataset(dataset.id) : [],
		canCode: owner && codable(dataset),
		seed: newSeed(),
		maxItems: MAX_PROJECT_ITEMS,
		maxRows: MAX_SAMPLED_ROWS
	};
}

export const actions = {
	update: async ({ params, locals, request }) => {
		const dataset = await ownedDataset(params.id, locals.user);
		const parsed = DatasetMetaSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { errors: parsed.error.issues.map((i) => i.message) });
		await (await store()).updateDataset(dataset.id, parsed.data);
		return { updated: true };
	},
	code: async ({ params, locals, request }) => {
		const dataset = await ownedDataset(params.id, locals.user);
		const form = Object.fromEntries(await request.formData());
		const parsed = NewProjectSchema.safeParse(form);
		if (!codable(dataset)) return fail(400, { codeError: translate(locals.locale, 'project.new.notCodable', { max: MAX_SAMPLED_ROWS }) });
		if (!parsed.success) return fail(400, { codeError: translate(locals.locale, 'project.new.invalid', { max: MAX_PROJECT_ITEMS }) });
		if (parsed.data.kind === 'all' && dataset.rowCount > MAX_PROJECT_ITEMS) {
			return fail(400, { codeError: translate(locals.locale, 'project.new.tooMany', { max: MAX_PROJECT_ITEMS }) });
		}
		redirect(303, `/projects/${await createProject(dataset, dataset.ownerId, parsed.data)}`);
	},
	delete: async ({ params, locals, request }) => {
		const dataset = await ownedDataset(params.id, locals.user);
		const form = await request.formData();
		if (String(form.get('confirm') ?? '').trim() !== dataset.title) {
			return fail(400, { deleteError: translate(locals.locale, 'dataset.deleteError') });
		}
		await (await store()).deleteDataset(dataset.id);
		await (await projects()).removeForDataset(dataset.id);
		redirect(303, '/datasets');
	}
};
