import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { PARALLAX_CODEBOOK } from '$lib/domain/ledger/codebook';
import type { Dataset } from '$lib/domain/import/dataset';
import type { Frame } from '$lib/domain/ledger/schemas';
import type { CodingProject, ProjectItem } from '$lib/domain/projects/project';
import { drawSample, SAMPLE_KINDS } from '$lib/domain/projects/sample';
import { bundledTrainingItems } from '$lib/domain/suggest/ledger';
import type { TrainingItem } from '$lib/domain/suggest/model';
import { translate, type Locale } from '$lib/i18n/catalogue';
import { hashToken, newId } from './auth';
import { dataDir, ledger } from './ledger';
import { chartData } from './charts';
import { sendMail } from './mail';
import { store } from './storage';
import { ProjectStore } from './storage/projects';
import type { ImportedCoverageRow } from '$lib/domain/ledger/schemas';

/**
 * Coding projects over saved datasets. A project copies the articles it drew, so its sample
 * stays what it was when the dataset is edited; only its coders (the owner, and the accounts
 * the owner invited or who opened its invite link while signed in) can reach it, and everyone
 * else gets the same 404 as for an id that does not exist.
 */

/** The most articles one project holds: a coder's whole sample travels to the coding screen at once. */
export const MAX_PROJECT_ITEMS = 5000;
/** The most rows a dataset may have to be sampled from: drawing reads every row's group and month. */
export const MAX_SAMPLED_ROWS = 100_000;
const PAGE = 10_000;
const NOT_FOUND = 'There is no coding project here, or you do not code in it.';

export async function projects(): Promise<ProjectStore> {
	return new ProjectStore(await store());
}

let version: string | undefined;

/** The bundled codebook's version: a digest of data/frames.csv, so codes name exactly the definitions they were made with. */
export function codebookVersion(): string {
	version ??= createHash('sha256')
		.update(readFileSync(join(dataDir(), 'frames.csv')))
		.digest('hex')
		.slice(0, 12);
	return version;
}

/** Every Parallax frame, in codebook order: articles carry alliance frames as well as Russian-state ones. */
export function projectFrames(): Frame[] {
	return ledger().frames;
}

export async function memberProject(id: string, user: App.Locals['user']): Promise<CodingProject> {
	const project = user ? await (await projects()).forMember(id, user.id) : undefined;
	if (!project) error(404, NOT_FOUND);
	return project;
}

/** A project's coders, drawn articles, every coder's codes and the decisions on them, read at once. */
export async function projectCodes(projectId: string) {
	const db = await projects();
	const [coders, items, codes, adjudications] = await Promise.all([
		db.coders(projectId),
		db.items(projectId),
		db.codes(projectId),
		db.adjudications(projectId)
	]);
	return { coders, items, codes, adjudications };
}

/**
 * Everything the project page and the codes export read: the codes with the suggestion model and
 * its suggestions. The agreement page reads only the codes, so it is spared the suggestions.
 */
export async function projectSnapshot(projectId: string) {
	const db = await projects();
	const [codes, model, suggestions] = await Promise.all([
		projectCodes(projectId),
		db.suggestionModel(projectId),
		db.suggestions(projectId)
	]);
	return { ...codes, model, suggestions };
}

export const NewProjectSchema = z.object({
	kind: z.enum(SAMPLE_KINDS),
	size: z.coerce.number().int().min(1).max(MAX_PROJECT_ITEMS),
	seed: z.coerce
		.number()
		.int()
		.min(0)
		.max(2 ** 31 - 1)
});
export type NewProject = z.infer<typeof NewProjectSchema>;

async function allRows(datasetId: string): Promise<ImportedCoverageRow[]> {
	const db = await store();
	const rows: ImportedCoverageRow[] = [];
	for (let offset = 0; ; offset += PAGE) {
		const page = await db.rows(datasetId, {}, PAGE, offset);
		rows.push(...page);
		if (page.length < PAGE) return rows;
	}
}

/**
 * Draws the sample and stores the project. Rows are read in the store's fixed order, so the
 * same dataset, kind, size and seed draw the same articles.
 */
export async function createProject(dataset: Dataset, ownerId: string, choice: NewProject): Promise<string> {
	const rows = await allRows(dataset.id);
	const drawn = drawSample(rows, choice.kind, choice.kind === 'all' ? rows.length : choice.size, choice.seed);
	const items: ProjectItem[] = drawn.map((index, i) => {
		const row = rows[index]!;
		return { position: i + 1, date: row.date, outlet: row.outlet, group: row.group, title: row.title, url: row.url, text: row.text ?? '' };
	});
	const project: CodingProject = {
		id: newId(),
		datasetId: dataset.id,
		ownerId,
		title: dataset.title,
		sampleKind: choice.kind,
		sampleSize: choice.kind === 'all' ? rows.length : choice.size,
		seed: choice.seed,
		codebookId: PARALLAX_CODEBOOK,
		codebookVersion: codebookVersion(),
		createdAt: Date.now()
	};
	await (await projects()).create(project, hashToken(newInvite()), items);
	return project.id;
}

/** A fresh invite token; only its hash is stored, so the link is shown once, to the owner who made it. */
export function newInvite(): string {
	return randomBytes(24).toString('base64url');
}

/**
 * Mails a coder just added by email a link to the project, since nothing in their own account
 * would lead them to it. Their language is not known, so the mail is in the inviter's.
 */
export async function mailInvite(to: string, project: CodingProject, inviter: string, origin: string, locale: Locale) {
	const params = { name: inviter, title: project.title };
	await sendMail({
		to,
		subject: translate(locale, 'project.mail.subject', params),
		text: translate(locale, 'project.mail.text', { ...params, link: `${origin}/projects/${project.id}`, projects: `${origin}/projects` })
	});
}

/**
 * Bundled outlet groups' names by id: an article's group is a bundled group's id, or the name a
 * researcher gave a group of their own, shown as it is (see `labelOf`).
 */
export const groupLabels = (): Record<string, string> => chartData().labels.groups;

let bundled: TrainingItem[] | undefined;

/** The bundled claims and coverage as training items, the same for every project. */
export function bundledItems(): TrainingItem[] {
	bundled ??= bundledTrainingItems(ledger());
	return bundled;
}
