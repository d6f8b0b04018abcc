import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FileText } from '../../src/lib/client/upload/file-text';
import { RowTooLong } from '../../src/lib/domain/import/papa-source';

/** A blob whose stream gives exactly these byte chunks, then fails if `failure` is given. */
function chunkedBlob(chunks: Uint8Array[], failure?: Error): Blob & { pulled: number; cancelled: boolean } {
	const blob = {
		pulled: 0,
		cancelled: false,
		stream() {
			let i = 0;
			return new ReadableStream<Uint8Array>({
				pull(controller) {
					blob.pulled++;
					if (i < chunks.length) controller.enqueue(chunks[i++]!);
					else if (failure) controller.error(failure);
					else controller.close();
				},
				cancel() {
					blob.cancelled = true;
				}
			});
		}
	};
	return blob as unknown as Blob & { pulled: number; cancelled: boolean };
}

/** Every piece of text the source hands on, and whether it ended. */
async function pieces(source: FileText): Promise<{ texts: string[]; ended: boolean }> {
	const texts: string[] = [];
	let ended = false;
	source.on('data', (text) => texts.push(text as string));
	source.on('end', () => (ended = true));
	await source.start();
	return { texts, ended };
}

function parseAll(source: FileText | string): Promise<{ data: string[][]; errors: string[] }> {
	return new Promise((resolve, reject) => {
		const data: string[][] = [];
		const errors: string[] = [];
		Papa.parse<string[]>(source as unknown as NodeJS.ReadableStream, {
			delimiter: ',',
			skipEmptyLines: 'greedy',
			chunk(results) {
				if (source instanceof FileText) source.parsed(results.data.length);
				data.push(...results.data);
				errors.push(...results.errors.map((e) => e.code));
			},
			complete: () => resolve({ data, errors }),
			error: reject
		});
		if (source instanceof FileText) void source.start();
	});
}

const encoder = new TextEncoder();

/** Bytes in reads of 64 KB, as a browser reads a file. */
const inPieces = (bytes: Uint8Array) =>
	Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536));

describe('FileText', () => {
	it('stops at a row that never ends (a quote left open) once it passes ten million characters, naming the row', async () => {
		const text = `date,outlet\n2024-01-01,A\n2024-01-02,"B${'x'.repeat(12_000_000)}\n2024-01-03,C\n`;
		const failure = await parseAll(new FileText(chunkedBlob(inPieces(encoder.encode(text))), 'utf-8')).then(
			() => null,
			(error: unknown) => error
		);
		expect(failure).toBeInstanceOf(RowTooLong);
		expect((failure as RowTooLong).refusal).toEqual({ key: 'import.refusal.rowTooLong', params: { row: 3 } });
	});

	it('reads rows far longer than one piece, well below ten million characters', async () => {
		const long = 'y'.repeat(900_000);
		const text = `date,outlet\n2024-01-01,"${long}"\n2024-01-02,"${long}"\n2024-01-03,C\n`;
		const { data } = await parseAll(new FileText(chunkedBlob(inPieces(encoder.encode(text))), 'utf-8'));
		expect(data.map((row) => row[1]!.length)).toEqual([6, 900_000, 900_000, 1]);
	});

	it('keeps a character whose bytes arrive in two reads', async () => {
		const bytes = encoder.encode('date,outlet\n2024-01-01,Коммерсантъ\n');
		// Split inside the two bytes of "К".
		const at = bytes.indexOf(0xd0);
		const source = new FileText(chunkedBlob([bytes.slice(0, at + 1), bytes.slice(at + 1)]), 'utf-8', 1);
		const { texts, ended } = await pieces(source);
		expect(texts.join('')).toBe('date,outlet\n2024-01-01,Коммерсантъ\n');
		expect(texts.join('')).not.toContain('\uFFFD');
		expect(ended).toBe(true);
		expect(source.bytes).toBe(bytes.length);
	});

	it('decodes the encoding it is given', async () => {
		// "Киев" in windows-1251.
		const source = new FileText(chunkedBlob([new Uint8Array([0xca, 0xe8, 0xe5, 0xe2])]), 'windows-1251');
		expect((await pieces(source)).texts).toEqual(['Киев']);
	});

	it('hands on pieces of at least the length asked for, and the rest at the end', async () => {
		const chunks = ['ab', 'cd', 'ef', 'g'].map((s) => encoder.encode(s));
		expect((await pieces(new FileText(chunkedBlob(chunks), 'utf-8', 3))).texts).toEqual(['abcd', 'efg']);
	});

	it('gives papaparse the same rows as the whole text, quoted line breaks and broken quotes included', async () => {
		const text =
			'date,title\r\n2024-01-01,"two\r\nlines"\r\n\r\n2024-01-02,"a ""quoted"" word"\r\n2024-01-03,plain\r\n2024-01-04,"never closed\r\n';
		const bytes = encoder.encode(text);
		// Reads of eight bytes, handed on in pieces of sixteen characters: the first holds a line
		// end for papaparse to tell the file's from, and later ones cut the quoted line break and the
		// doubled quotes. (Some other cuts make papaparse itself report a stray InvalidQuotes,
		// whatever feeds it.)
		const chunks = Array.from({ length: Math.ceil(bytes.length / 8) }, (_, i) => bytes.slice(i * 8, i * 8 + 8));
		const streamed = await parseAll(new FileText(chunkedBlob(chunks), 'utf-8', 16));
		const whole = await parseAll(text);
		expect(streamed.data).toEqual(whole.data);
		expect(streamed.data).toHaveLength(5);
		expect(streamed.errors).toEqual(whole.errors);
		expect(streamed.errors).toEqual(['MissingQuotes']);
	});

	it('stops reading when stopped', async () => {
		const blob = chunkedBlob(['a', 'b', 'c', 'd'].map((s) => encoder.encode(s)));
		const source = new FileText(blob, 'utf-8', 1);
		const texts: string[] = [];
		source.on('data', (text) => {
			texts.push(text as string);
			source.stop();
		});
		await source.start();
		expect(texts).toEqual(['a']);
		expect(blob.cancelled).toBe(true);
	});

	it('passes a failed read to papaparse', async () => {
		const source = new FileText(chunkedBlob([encoder.encode('a,b\n')], new Error('the file went away')), 'utf-8');
		await expect(parseAll(source)).rejects.toThrow('the file went away');
	});
});
