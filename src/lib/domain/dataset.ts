import { z } from 'zod';

/**
 * Stored datasets: coverage that researchers upload. The browser maps whatever file it was
 * given onto these columns and sends them as CSV; the server checks every row again with
 * ImportedCoverageRowSchema, the same schema the browser used, before storing anything.
 */
export const DATASET_COLUMNS = ['date', 'outlet', 'group', 'event', 'language', 'frames', 'count', 'title', 'url'] as const;

/** A CSV record in DATASET_COLUMNS, turned into the candidate object the row schema checks. */
export function datasetRowCandidate(cells: Record<string, string | undefined>): Record<string, unknown> {
	const frames = (cells.frames ?? '').trim();
	const count = (cells.count ?? '').trim();
	return {
		date: cells.date ?? '',
		outlet: cells.outlet ?? '',
		group: cells.group ?? '',
		event: cells.event ?? '',
		language: cells.language ?? '',
		title: cells.title ?? '',
		url: cells.url ?? '',
		frames: frames === '' ? [] : frames.split(';').map((f) => f.trim()).filter(Boolean),
		// An empty count means one article; anything else must be a plain number.
		count: count === '' ? 1 : /^-?\d+(\.\d+)?$/.test(count) ? Number(count) : count
	};
}

export const VISIBILITIES = ['private', 'link', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const DatasetMetaSchema = z.object({
	title: z.string().trim().min(1, 'Give the dataset a title.').max(200, 'The title is longer than 200 characters.'),
	description: z.string().trim().max(5000).default(''),
	source: z.string().trim().max(500).default(''),
	licence: z.string().trim().max(200).default(''),
	citation: z.string().trim().max(1000).default(''),
	visibility: z.enum(VISIBILITIES).default('private')
});
export type DatasetMeta = z.infer<typeof DatasetMetaSchema>;

export interface Dataset extends DatasetMeta {
	id: string;
	ownerId: string;
	ownerName: string;
	createdAt: string;
	rowCount: number;
	articleCount: number;
	windowStart: string | null;
	windowEnd: string | null;
	/** Present only for the owner: the secret that makes a "link" dataset readable. */
	shareToken?: string;
}
