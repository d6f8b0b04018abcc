/**
 * Numbers as spreadsheets export them: "1234.5", "1,234.5", "-1,701.20" (quoted, with a
 * thousands separator), or with a decimal comma "1,34652" / "1.234,5" in European files.
 */
export type DecimalMark = '.' | ',';

// Spaces of every width are used as thousands separators (and pasted in by accident).
const SPACES = /[\s\u00a0\u202f\u2009]/g;

export function parseNumber(value: string, decimal: DecimalMark = '.'): number | null {
	let text = value.replace(SPACES, '').replace(/\u2212/g, '-');
	if (text === '') return null;
	if (decimal === '.') {
		if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
	} else {
		if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '');
		text = text.replace(',', '.');
	}
	if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
	const n = Number(text);
	return Number.isFinite(n) ? n : null;
}

/**
 * Which decimal mark a column uses. "1,234" alone could be either; a comma followed by other
 * than three digits, or a dot and a comma in "1.234,5" order, settles it. Undecided columns
 * follow the file: semicolon-separated files come from locales that write a decimal comma.
 */
export function detectDecimalMark(values: string[], delimiter: string): DecimalMark {
	let comma = 0;
	let dot = 0;
	for (const raw of values) {
		const v = raw.replace(SPACES, '');
		if (/^[-+]?\d+,\d+$/.test(v) && !/^[-+]?\d{1,3}(,\d{3})+$/.test(v)) comma++;
		else if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(v)) comma++;
		else if (/^[-+]?\d*\.\d+$/.test(v) && !/^[-+]?\d{1,3}(\.\d{3})+$/.test(v)) dot++;
		else if (/^[-+]?\d{1,3}(,\d{3})+\.\d+$/.test(v)) dot++;
	}
	if (comma > dot) return ',';
	if (dot > comma) return '.';
	return delimiter === ';' ? ',' : '.';
}

/**
 * Cells statistics offices write for "no value": ".." (World Bank, OECD), ":" (Eurostat), "…",
 * "n/a". In a wide table they are missing values like empty cells, never numbers or zeros.
 */
export function isMissingMark(value: string): boolean {
	return /^(\.\.|…|:|n\/a|na)$/i.test(value.trim());
}
