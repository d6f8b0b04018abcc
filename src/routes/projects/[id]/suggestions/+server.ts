import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { finalCodes } from '$lib/domain/projects/project';
import { itemText, projectTrainingItems } from '$lib/domain/projects/suggestions';
import { bundledItems, memberProject, projectFrames, projects } from '$lib/server/projects';

/**
 * What the browser trains on and suggests for: the bundled items, this project's settled codes,
 * the codebook's cues for the keyword baseline and every article's text. The model is trained in
 * the coder's browser; the server only hands out the material and keeps what came of it.
 */
export async function GET({ params, locals }) {
	const project = await memberProject(params.id, locals.user);
	const db = await projects();
	const [items, codes, adjudications] = await Promise.all([db.items(project.id), db.codes(project.id), db.adjudications(project.id)]);
	return json(
		{
			bundled: bundledItems(),
			own: projectTrainingItems(items, finalCodes(codes, adjudications)),
			codebook: projectFrames().map(({ id, cues }) => ({ id, cues })),
			articles: items.map((i) => ({ position: i.position, text: itemText(i) }))
		},
		{ headers: { 'cache-control': 'private, no-store' } }
	);
}

const score = z.number().min(0).max(1).nullable();
const summary = z.object({ precision: score, recall: score, f1: score });
const frameScores = z.object({
	support: z.number().int().min(0),
	predicted: z.number().int().min(0),
	truePositives: z.number().int().min(0),
	precision: score,
	recall: score,
	f1: score
});
const alpha = z.number().min(-1).max(1).nullable();
const SuggestionsSchema = z.object({
	trainingItems: z.number().int().min(1),
	projectItems: z.number().int().min(0),
	frames: z.array(z.string()).min(1).max(50),
	report: z.object({
		k: z.number().int().min(2).max(20),
		seed: z.number().int(),
		frames: z
			.array(z.object({ frame: z.string(), model: frameScores, baseline: frameScores, modelAlpha: alpha, baselineAlpha: alpha }))
			.max(50),
		model: z.object({ micro: summary, macro: summary, alpha }),
		baseline: z.object({ micro: summary, macro: summary, alpha })
	}),
	rows: z.array(z.object({ position: z.number().int().min(1), probabilities: z.array(z.number().min(0).max(1)).max(50) }))
});

/** Keeps a model's suggestions for every article, replacing the last model's; who trained it and when are the server's to say. */
export async function POST({ params, locals, request }) {
	const project = await memberProject(params.id, locals.user);
	const parsed = SuggestionsSchema.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, 'Not a set of suggestions.');
	const { frames, rows, report, trainingItems, projectItems } = parsed.data;
	const known = new Set(projectFrames().map((f) => f.id));
	const db = await projects();
	const positions = new Set((await db.items(project.id)).map((i) => i.position));
	if (
		!frames.every((f) => known.has(f)) ||
		!rows.every((r) => positions.has(r.position) && r.probabilities.length === frames.length) ||
		new Set(rows.map((r) => r.position)).size !== rows.length
	)
		error(400, 'Not suggestions for this project and codebook.');
	await db.saveSuggestions(
		project.id,
		{
			trainedAt: Date.now(),
			trainedBy: locals.user!.id,
			trainingItems,
			projectItems,
			microF1: report.model.micro.f1,
			macroF1: report.model.macro.f1,
			codebookId: project.codebookId,
			codebookVersion: project.codebookVersion,
			frames,
			report
		},
		rows
	);
	return json({ saved: rows.length });
}
