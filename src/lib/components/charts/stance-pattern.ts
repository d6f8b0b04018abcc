import type { FrameStance } from '$lib/domain/charts/aggregate';

/**
 * How a stance is drawn, so that it is told apart by shape and not only by shade: adopted codes
 * are solid in their frame's colour; reported ones are diagonal stripes, contested ones a
 * cross-hatch and codes without a stance dots, each in the frame's colour on a pale tint of it.
 */
export const STANCE_MARKS: Record<Exclude<FrameStance, 'adopts'>, 'stripes' | 'hatch' | 'dots'> = {
	reports: 'stripes',
	contests: 'hatch',
	'': 'dots'
};

const TILE = 8;

/** The stance's pattern in `colour` for a canvas, or the plain colour for adopted codes. */
export function stancePattern(colour: string, stance: FrameStance): string | CanvasPattern {
	if (stance === 'adopts' || typeof document === 'undefined') return colour;
	const tile = document.createElement('canvas');
	tile.width = tile.height = TILE;
	const context = tile.getContext('2d');
	if (!context) return colour;
	context.fillStyle = colour;
	context.globalAlpha = 0.28;
	context.fillRect(0, 0, TILE, TILE);
	context.globalAlpha = 1;
	context.strokeStyle = colour;
	context.lineWidth = 2;
	const mark = STANCE_MARKS[stance];
	if (mark === 'dots') {
		context.beginPath();
		context.arc(TILE / 2, TILE / 2, 1.8, 0, Math.PI * 2);
		context.fill();
		return context.createPattern(tile, 'repeat') ?? colour;
	}
	context.beginPath();
	// Drawn past the tile's corners so the stripes join across tiles.
	for (const offset of [-TILE, 0, TILE]) {
		context.moveTo(offset, TILE);
		context.lineTo(offset + TILE, 0);
		if (mark === 'hatch') {
			context.moveTo(offset, 0);
			context.lineTo(offset + TILE, TILE);
		}
	}
	context.stroke();
	return context.createPattern(tile, 'repeat') ?? colour;
}

/** The same marks as CSS backgrounds, for the legend's key. */
export function stanceSwatch(colour: string, stance: FrameStance): string {
	if (stance === 'adopts') return colour;
	const tint = `color-mix(in srgb, ${colour} 28%, transparent)`;
	const mark = STANCE_MARKS[stance];
	if (mark === 'dots') return `radial-gradient(circle, ${colour} 1.6px, transparent 2px) 0 0 / 5px 5px, ${tint}`;
	const stripes = (angle: number) => `repeating-linear-gradient(${angle}deg, ${colour} 0 1.5px, transparent 1.5px 4.5px)`;
	return mark === 'hatch' ? `${stripes(45)}, ${stripes(-45)}, ${tint}` : `${stripes(-45)}, ${tint}`;
}
