import { z } from 'zod';
import { ARTICLES, COMBINES, type Measure } from './measure';

/** The one schema of a dataset's measure, for the browser's copy, the saved dataset and the save request. */
export const MeasureSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('articles') }),
	z.object({
		kind: z.literal('value'),
		unit: z.string().trim().max(60).default(''),
		combine: z.enum(COMBINES),
		series: z.string().trim().max(60).default('')
	})
]);

/** A stored measure as it was written, or articles when there is none or it no longer reads. */
export function readMeasure(value: unknown): Measure {
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return ARTICLES;
		}
	}
	const parsed = MeasureSchema.safeParse(value);
	return parsed.success ? parsed.data : ARTICLES;
}
