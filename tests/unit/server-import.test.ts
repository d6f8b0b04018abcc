import { describe, expect, it } from 'vitest';
import { problemMessage } from '../../src/lib/domain/import/report';
import { datasetBatches, ImportRejected } from '../../src/lib/server/import';
import { english } from '../fixtures/bad/harness';
import { partsText } from './dataset-parts';

const HEADER = 'date,outlet,group,event,language,frames,count,title,url';

function body(text: string, chunk = 7): ReadableStream<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	let offset = 0;
	// Small chunks so rows and multi-byte characters straddle chunk boundaries.
	return new ReadableStream({
		pull(controller) {
			if (offset >= bytes.length) return controller.close();
			controller.enqueue(bytes.slice(offset, offset + chunk));
			offset += chunk;
		}
	});
}

/** The checked rows as the store is given them: CSV lines in coverage_rows' column order. */
const collect = async (text: string, limits = { bytes: 1_000_000, rows: 1000 }) =>
	(await partsText(datasetBatches(body(text), limits))).csv;

/** The refusal, its problems said in English as the API says them. */
const rejection = (text: string, limits = { bytes: 1_000_000, rows: 1000 }) => rejectionOf(datasetBatches(body(text), limits));

async function rejectionOf(parts: ReturnType<typeof datasetBatches>) {
	try {
		await partsText(parts);
	} catch (error) {
		if (error instanceof ImportRejected) return { status: error.status, problems: error.problems.map((p) => english(problemMessage(p))) };
		throw error;
	}
	throw new Error('expected the import to be refused');
}

describe('server import of a dataset CSV', () => {
	it('reads rows, with quoted commas, line breaks and non-ASCII text, into checked rows', async () => {
		const parts = [];
		for await (const part of datasetBatches(
			body(
				`\uFEFF${HEADER}\r\n2025-06-25,ТАСС,russian-state-media,hague,ru,nato-threat;escalation-arms-race,1,"Заголовок, с ""кавычками""\r\nи переносом",https://tass.ru/x\r\n2025-06-26, Example ,,,,,12.5,,\r\n`
			),
			{ bytes: 1_000_000, rows: 1000 }
		))
			parts.push(part);
		expect(parts.map(({ csv, ...stats }) => ({ csv: new TextDecoder().decode(csv), ...stats }))).toEqual([
			{
				csv:
					'2025-06-25,ТАСС,russian-state-media,hague,ru,nato-threat;escalation-arms-race,1,"Заголовок, с ""кавычками""\r\nи переносом",https://tass.ru/x,,\n' +
					'2025-06-26,Example,,,,,12.5,,,,\n',
				rows: 2,
				articles: 13.5,
				start: '2025-06-25',
				end: '2025-06-26'
			}
		]);
	});

	it('keeps a character whose bytes fall on both sides of a piece that papaparse reads', async () => {
		// One chunk far larger than a piece, with a two-byte letter across byte 65,536.
		let text = `${HEADER}\n`;
		while (text.length < 65_500) text += '2025-06-25,A,,,,,1,,\n';
		const outlet = `${(65_536 - text.length - 11) % 2 === 0 ? 'x' : 'xy'}${'Ж'.repeat(40)}`;
		text += `2025-06-26,${outlet},,,,,1,,\n`;
		const { csv } = await partsText(datasetBatches(body(text, 200_000), { bytes: 1_000_000, rows: 10_000 }));
		expect(csv.endsWith(`2025-06-26,${outlet},,,,,1,,,,\n`)).toBe(true);
	});

	it('skips empty and blank lines as the browser does, numbering rows without them', async () => {
		const text = `${HEADER}\n\n2025-06-25,A,,,,,1,,\n , ,\t\n\r\n,,,,,,,,\n2025-06-26,B,,,,,x,,\n\n`;
		expect((await rejection(text)).problems).toEqual(['row 3, column count: "x" is not a number']);
		expect(await collect(text.replace(',x,', ',2,'))).toBe('2025-06-25,A,,,,,1,,,,\n2025-06-26,B,,,,,2,,,,\n');
	});

	it('stores a measured value below 0, and refuses a negative count of articles by row and column', async () => {
		const text = `${HEADER}\n2025-06-25,Estonia,,,,,-1.5,,\n`;
		expect((await partsText(datasetBatches(body(text), { bytes: 1_000_000, rows: 1000 }, true))).csv).toBe(
			'2025-06-25,Estonia,,,,,-1.5,,,,\n'
		);
		expect((await rejection(text)).problems).toEqual([
			'row 2, column count: "-1.5" is negative; a count of articles is 0 or more. If these numbers can be below 0, as a % change can, choose “A measured value with a unit” and check again'
		]);
	});

	it('refuses the whole file when any row is invalid, naming row and column', async () => {
		const error = await rejection(`${HEADER}\n2025-06-25,A,,,,,1,,\n2025-02-30,B,,,,,1,,\n2025-06-27,,,,,,x,,\n2025-06-28,C,,,,,1\n`);
		expect(error.status).toBe(422);
		expect(error.problems).toEqual([
			'row 3, column date: "2025-02-30" read as yyyy-mm-dd (ISO) is a day that does not exist',
			'row 4, column count: "x" is not a number',
			'row 4, column outlet: is empty',
			'row 5: has 7 fields; the header has 9'
		]);
	});

	it('refuses a file without the expected columns, an empty file and a header-only file', async () => {
		expect((await rejection('date,outlet\n2025-01-01,A\n')).problems[0]).toBe(
			"The file's header must have the columns date, outlet, group, event, language, frames, count, title, url; missing: group, event, language, frames, count, title, url."
		);
		expect((await rejection('')).problems).toEqual(['The file is empty.']);
		expect((await rejection(`${HEADER}\n`)).problems).toEqual(['The file has a header but no rows.']);
	});

	it('stops reading as soon as the body is larger than the limit', async () => {
		const row = '2025-06-25,A,,,,,1,,\n';
		const error = await rejection(HEADER + '\n' + row.repeat(100), { bytes: 200, rows: 1000 });
		expect(error.status).toBe(413);
		expect(error.problems).toEqual(['The upload is larger than 200 bytes, the most this server accepts.']);
	});

	it('refuses a row that never ends (a quote left open) once it passes ten million characters, naming the row', async () => {
		const text = `${HEADER}\n2025-06-25,A,,,,,1,,\n2025-06-26,"B${'x'.repeat(12_000_000)}`;
		const error = await rejectionOf(datasetBatches(body(text, 65_536), { bytes: 20_000_000, rows: 1000 }));
		expect(error.status).toBe(422);
		expect(error.problems).toEqual([
			'Row 3 goes on for more than ten million characters without ending, so the file was not read further. A quote mark (") left open makes the rest of a file one cell: close it, or save the file again as CSV.'
		]);
	});

	it('cuts long rows into parts of about 16 MB, not 50,000 rows, and keeps every row', async () => {
		const title = 'T'.repeat(1_990);
		const rows = 9_000; // about 18 MB of titles
		const text = HEADER + '\n' + Array.from({ length: rows }, (_, i) => `2025-06-25,Outlet ${i % 7},,,,,1,${title},\n`).join('');
		const parts = [];
		for await (const part of datasetBatches(body(text, 1 << 20), { bytes: 100_000_000, rows: 100_000 })) parts.push(part);
		expect(parts.length).toBe(2);
		expect(parts.every((part) => part.csv.length <= (16 << 20) + 4096)).toBe(true);
		expect(parts.reduce((sum, part) => sum + part.rows, 0)).toBe(rows);
	});

	it('refuses more rows than a dataset may hold', async () => {
		const error = await rejection(HEADER + '\n' + '2025-06-25,A,,,,,1,,\n'.repeat(4), { bytes: 1_000_000, rows: 3 });
		expect(error.status).toBe(413);
		expect(error.problems[0]).toBe('The file has more than 3 rows, the most one dataset may hold.');
	});
});
