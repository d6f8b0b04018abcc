/** Save a URL (data: or blob:) under a file name, the way a download link would. */
export function download(name: string, href: string) {
	const a = document.createElement('a');
	a.href = href;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
}

/** Save text as a CSV file; the object URL is released once the browser has taken it. */
export function downloadCsv(name: string, text: string) {
	const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
	download(name, url);
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
