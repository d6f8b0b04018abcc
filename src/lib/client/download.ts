/** Save a URL (data: or blob:) under a file name, the way a download link would. */
export function download(name: string, href: string) {
	const a = document.createElement('a');
	a.href = href;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
}

/** Save text as a file; the object URL is released once the browser has taken it. */
export function downloadText(name: string, text: string, type: string) {
	const url = URL.createObjectURL(new Blob([text], { type }));
	download(name, url);
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(name: string, text: string) {
	downloadText(name, text, 'text/csv;charset=utf-8');
}
