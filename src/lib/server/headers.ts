/**
 * Sent with every answer: pages SvelteKit rendered, the micro-cache's copies and static files.
 * HSTS only when the site is served over https (ORIGIN), where a browser should never fall back.
 */
export const SECURITY_HEADERS: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
	...(process.env.ORIGIN?.startsWith('https://') ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {})
};
