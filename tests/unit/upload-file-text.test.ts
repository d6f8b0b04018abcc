import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FileText } from '../../src/lib/client/upload/file-text';

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

describe('FileText', () => {
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
