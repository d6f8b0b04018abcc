import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/lib/server/ledger';
import { bundledEvaluation } from '../../src/lib/server/suggest/report';

describe('the cross-validated report on /method/suggestions', () => {
	// Ten trainings take seconds, so the page reads a file made from the bundled data instead of
	// computing at run time. This test remakes it: a change to the data, the tokeniser or the model
	// fails here until the file is rewritten with `npx vitest run tests/unit/suggest-report.test.ts -u`.
	it('is the one the bundled ledger gives today', async () => {
		const report = bundledEvaluation(readLedger());
		// Twelve significant digits keep the file the same on any machine's floating point.
		const text = JSON.stringify(report, (_, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v), '\t');
		await expect(`${text}\n`).toMatchFileSnapshot('../../src/lib/server/suggest/bundled-report.json');
	}, 120_000);
});
