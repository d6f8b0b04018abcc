import { z } from 'zod';
import type { Measure } from '../charts/measure';
import { emptyMapping, type ColumnMapping } from './formats';
import type { FrameStance } from '../charts/aggregate';

/**
 * Stored datasets: coverage that researchers upload. The browser maps whatever file it was
 * given onto these columns and sends them as CSV; the server checks every row again with
 * ImportedCoverageRowSchema, the same schema the browser used, before storing anything.
 */
export const DATASET_COLUMNS = ['date', 'outlet', 'group', 'event', 'language', 'frames', 'count', 'title', 'url'] as const;

/**
 * The optional column of stances, one per frame in `frames` (`adopts;reports`, '' where none is
 * recorded; see stances.ts): uploads written before it existed are still read.
 */
export const STANCES_COLUMN = 'stances';

/** The columns written out (downloads, the browser's upload), stances beside their frames. */
/** Stances as a `stances` cell writes them: one per frame, '' for none recorded. */
export function stanceCell(stances: readonly FrameStance[] | undefined): string {
	return stances && stances.some((s) => s !== '') ? stances.join(';') : '';
}

export const DATASET_EXPORT_COLUMNS = [
	'date',
	'outlet',
	'group',
	'event',
	'language',
	'frames',
	STANCES_COLUMN,
	'count',
	'title',
	'url'
] as const;

/** What the browser sends to save a dataset: the export's columns and each article's text. */
export const DATASET_UPLOAD_COLUMNS = [...DATASET_EXPORT_COLUMNS, 'text'] as const;

/** How the server reads the CSV the browser sends: the same mapping step, with fixed columns. */
export const DATASET_MAPPING: ColumnMapping = {
	...emptyMapping(),
	date: 'date',
	dateFormat: 'iso',
	outlet: 'outlet',
	group: 'group',
	event: 'event',
	language: 'language',
	title: 'title',
	url: 'url',
	text: 'text',
	frames: 'frames',
	count: 'count'
};

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
	/** What its numbers are; `articleCount` is their sum whatever they are. */
	measure: Measure;
	/** Present only for the owner: the secret that makes a "link" dataset readable. */
	shareToken?: string;
}
