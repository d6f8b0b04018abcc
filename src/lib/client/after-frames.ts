/**
 * Calls `step` once after each of the next frames is painted, for as long as it returns true:
 * a large view drawn in parts over a few frames never holds the page's thread for long. Returns
 * a function that stops it (for a component's teardown).
 */
export function afterFrames(step: () => boolean): () => void {
	let stopped = false;
	const next = () =>
		requestAnimationFrame(() =>
			// The frame callback runs before the paint; the timeout runs once it is on screen.
			setTimeout(() => {
				if (!stopped && step()) next();
			})
		);
	next();
	return () => {
		stopped = true;
	};
}
