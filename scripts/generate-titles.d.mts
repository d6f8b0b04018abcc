export const SYNTHETIC_FRAMES: string[];
export function syntheticTitles(options?: { items?: number; titles?: number; seed?: number }): {
	frames: string[];
	items: { text: string; frames: string[] }[];
	titles: string[];
};
