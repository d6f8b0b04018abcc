import type { CoverageRecord, DateWindow } from './aggregate';
import type { Ledger } from '../ledger/ledger';

export const BUNDLED_DATASET = 'bundled';

/**
 * The event or language of records that sum every event or language together, when a stored
 * dataset is too large to send to the charts page per event or language.
 */
export const SUMMED = '*';

/** What the charts page says about how a stored dataset's records were summed, when not per day and outlet. */
export interface Coarsened {
	period: 'day' | 'week' | 'month';
	outlets: boolean;
	events: boolean;
	languages: boolean;
}

/** Coverage rows joined to their outlet's group, in the shape the aggregation reads. */
export function coverageRecords(ledger: Ledger): CoverageRecord[] {
	const groupOf = new Map(ledger.outlets.map((o) => [o.id, o.group]));
	return ledger.coverage.map((row) => ({
		date: row.date,
		outlet: row.outlet_id,
		group: groupOf.get(row.outlet_id) ?? 'unknown',
		event: row.event_id,
		language: row.language,
		frames: row.frame_codes,
		stances: row.frame_stances,
		count: 1
	}));
}

/**
 * The period the bundled articles were searched for: from the first to the last month that
 * has coded articles. Months inside it without an article are real zeros of what was found.
 */
export function collectionWindow(records: CoverageRecord[]): DateWindow {
	if (records.length === 0) return { start: '1970-01-01', end: '1970-01-01' };
	let start = records[0]?.date ?? '';
	let end = start;
	for (const r of records) {
		if (r.date < start) start = r.date;
		if (r.date > end) end = r.date;
	}
	return { start, end };
}
