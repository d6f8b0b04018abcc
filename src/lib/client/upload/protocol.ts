import type { ColumnMapping } from '$lib/domain/import/formats';
import type { FrameBook } from '$lib/domain/import/frame-codes';
import type { ImportResult } from '$lib/domain/import/importer';
import type { Inspection } from '$lib/domain/import/inspect';
import type { ImportMessage } from '$lib/domain/import/messages';

/** Messages between the upload page and the import worker. */
export type ToWorker =
	| { type: 'inspect'; file: File; maxBytes: number }
	| {
			type: 'import';
			file: File;
			encoding: string;
			delimiter: string;
			hasHeader: boolean;
			columns: string[];
			mapping: ColumnMapping;
			codebook: FrameBook;
	  }
	| { type: 'cancel' };

export interface Progress {
	rows: number;
	bytes: number;
	total: number;
	rowsPerSecond: number;
}

export type FromWorker =
	| { type: 'inspected'; inspection: Inspection; encoding: string; bom: boolean }
	/** The file cannot be imported at all; `message` says why, for the researcher. */
	| { type: 'refused'; message: ImportMessage }
	| ({ type: 'progress' } & Progress)
	| { type: 'done'; result: ImportResult; seconds: number }
	| { type: 'cancelled'; rows: number }
	| { type: 'failed'; message: string };
