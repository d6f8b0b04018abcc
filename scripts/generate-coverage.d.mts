export function generate(options?: {
	rows?: number;
	shape?: 'upload' | 'dataset';
	seed?: number;
	out?: string;
}): Promise<{ path: string; bytes: number; rows: number }>;
/** The frame codes the synthetic rows draw from. */
export const FRAMES: string[];
