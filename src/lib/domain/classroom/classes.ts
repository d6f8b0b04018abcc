import { z } from 'zod';

/**
 * Classes that last a term: a class, its students (nickname only) and their answers are kept
 * until a retention date the teacher sees, then deleted with everything in them.
 */

/** Days a class is kept after its term ends, so that the teacher can still grade and export. */
export const RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export const MAX_CLASS_NAME = 80;
export const MAX_ASSIGNMENT_TITLE = 120;
/** Resume codes are typed on a phone: 10 characters of the join alphabet (about 50 bits). */
export const RESUME_CODE_LENGTH = 10;

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));

export const ClassFormSchema = z.object({
	name: z.string().trim().min(1).max(MAX_CLASS_NAME),
	termEnd: isoDate
});

export const dueDateSchema = isoDate;

/**
 * The day a class is deleted: the term's end plus the retention period. It is deleted at the
 * start of that day (UTC), so the last whole day it is kept is the day before.
 */
export function retentionDate(termEnd: string, days = RETENTION_DAYS): string {
	return new Date(Date.parse(`${termEnd}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch milliseconds at which a class whose term ends on `termEnd` is purged. */
export function deleteAfter(termEnd: string, days = RETENTION_DAYS): number {
	return Date.parse(`${retentionDate(termEnd, days)}T00:00:00Z`);
}

/** Shown in groups of five, typed with or without the dash, in any case. */
export function formatResumeCode(code: string): string {
	return code.match(/.{1,5}/g)?.join('-') ?? code;
}

export function normaliseResumeCode(raw: string): string {
	return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
