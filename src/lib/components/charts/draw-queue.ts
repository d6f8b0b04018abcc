/**
 * Charts are built one per task, the highest on the page first. Building a Chart.js chart
 * (context, scales, first draw) is the longest piece of work a chart does: several charts coming
 * near the screen together (a tall screen, a jump down the page) would otherwise make one long
 * task that keeps the page from answering a tap.
 */
/** What the queue needs of a canvas: where it is on the page. */
interface Placed {
	compareDocumentPosition(other: Placed): number;
}

interface Job {
	canvas: Placed;
	build: () => void;
}

// Node.DOCUMENT_POSITION_FOLLOWING, named here so the queue does not need the DOM's globals.
const FOLLOWING = 4;

const queue: Job[] = [];
let waiting = false;

function first(a: Job, b: Job): number {
	return a.canvas.compareDocumentPosition(b.canvas) & FOLLOWING ? -1 : 1;
}

function next() {
	waiting = false;
	const job = queue.sort(first).shift();
	job?.build();
	if (queue.length > 0) later();
}

function later() {
	if (waiting) return;
	waiting = true;
	setTimeout(next, 0);
}

/** Builds a chart in a task of its own; the returned function withdraws it if it has not been built yet. */
export function buildSoon(canvas: Placed, build: () => void): () => void {
	const job = { canvas, build };
	queue.push(job);
	later();
	return () => {
		const at = queue.indexOf(job);
		if (at >= 0) queue.splice(at, 1);
	};
}
