import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { STANCES } from '$lib/domain/ledger/checks';
import { memberProject, projectFrames, projects } from '$lib/server/projects';

const CodeSchema = z
	.object({
		position: z.number().int().min(1),
		frames: z.array(z.string()).max(50),
		stances: z.array(z.enum(STANCES)).max(50)
	})
	.refine((c) => c.frames.length === c.stances.length && new Set(c.frames).size === c.frames.length);

/** Saves the signed-in coder's code of one article, replacing their earlier one. */
export async function POST({ params, locals, request }) {
	const project = await memberProject(params.id, locals.user);
	const parsed = CodeSchema.safeParse(await request.json().catch(() => null));
	const known = new Set(projectFrames().map((f) => f.id));
	if (!parsed.success || !parsed.data.frames.every((f) => known.has(f))) error(400, 'Not a code of this codebook.');
	const db = await projects();
	const items = await db.items(project.id);
	if (!items.some((i) => i.position === parsed.data.position)) error(400, 'No such article in this project.');
	await db.saveCode(project.id, {
		...parsed.data,
		coderId: locals.user!.id,
		codedAt: Date.now(),
		codebookId: project.codebookId,
		codebookVersion: project.codebookVersion
	});
	return json({ saved: true });
}
