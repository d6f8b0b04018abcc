import qrcode from 'qrcode-generator';

/**
 * QR modules as an SVG path, so the code is drawn from plain elements (no generated markup).
 * Level M survives a smudged projector screen or a phone held at an angle better than L, and
 * deck links stay well inside the capacity of the versions it picks.
 */
export interface QrSvg {
	/** Modules per side, quiet zone included. */
	size: number;
	path: string;
}

export const QUIET_ZONE = 4;

export function qrMatrix(text: string): boolean[][] {
	const qr = qrcode(0, 'M');
	// The library's byte mode takes one character per byte, so UTF-8 is spelled out first.
	qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
	qr.make();
	const count = qr.getModuleCount();
	return Array.from({ length: count }, (_, row) => Array.from({ length: count }, (_, col) => qr.isDark(row, col)));
}

/** Longest text drawn; beyond this a phone camera struggles even if the code would fit (version 40 tops out near 2.3 kB). */
export const MAX_QR_BYTES = 1200;

/** undefined when the text is too long to scan reliably, so callers can say so instead of drawing noise. */
export function qrSvg(text: string): QrSvg | undefined {
	if (new TextEncoder().encode(text).length > MAX_QR_BYTES) return undefined;
	const matrix = qrMatrix(text);
	let path = '';
	matrix.forEach((row, y) => {
		// Runs of dark modules become one rectangle each, which keeps the path short.
		let x = 0;
		while (x < row.length) {
			if (!row[x]) {
				x += 1;
				continue;
			}
			const start = x;
			while (x < row.length && row[x]) x += 1;
			path += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`;
		}
	});
	return { size: matrix.length + 2 * QUIET_ZONE, path };
}
