import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/lib/server/ledger';
import {
	DisputeFormSchema,
	disputeHref,
	disputesByLabel,
	disputeTarget,
	publicDispute,
	ResolutionSchema,
	type Dispute
} from '../../src/lib/domain/ledger/disputes';
import { claimJsonLd, jsonLdText } from '../../src/lib/domain/ledger/jsonld';

const ledger = readLedger('data');

describe('disputes', () => {
	const form = {
		kind: 'outlet-group',
		subject: 'afp-com',
		label: 'international-media',
		reason: 'State members sit on its board.',
		source_url: '',
		email: ''
	};

	it('needs a reason, an https source if any, and a real email if any', () => {
		expect(DisputeFormSchema.safeParse(form).success).toBe(true);
		const issues = (patch: Record<string, string>) =>
			DisputeFormSchema.safeParse({ ...form, ...patch }).error?.issues.map((i) => i.path[0]) ?? [];
		expect(issues({ reason: '  short ' })).toEqual(['reason']);
		expect(issues({ source_url: 'http://example.org/x' })).toEqual(['source_url']);
		expect(issues({ source_url: 'javascript:alert(1)' })).toEqual(['source_url']);
		expect(issues({ email: 'nobody' })).toEqual(['email']);
		expect(issues({ kind: 'event-title' })).toEqual(['kind']);
		expect(ResolutionSchema.safeParse({ id: 'x', status: 'accepted', note: '' }).success).toBe(false);
		expect(ResolutionSchema.safeParse({ id: 'x', status: 'open', note: 'n' }).success).toBe(false);
	});

	it('finds the label as the data has it now, and nothing for a label the data does not have', () => {
		const outlet = disputeTarget(ledger, 'outlet-group', 'afp-com', 'international-media');
		expect(outlet?.title).toBe('The outlet group “International media” of Agence France-Presse');
		expect(outlet?.href).toBe('/method/outlets/international-media#outlet-afp-com');
		expect(disputeTarget(ledger, 'outlet-group', 'afp-com', 'russian-state-media')).toBeUndefined();
		const frame = disputeTarget(ledger, 'claim-frame', 'c01', 'nato-threat');
		// The note as readers see it everywhere else: frames by their labels.
		expect(frame?.basis).toContain('“NATO as threat and encirclement”');
		expect(frame?.basis).not.toContain('nato-threat');
		expect(disputeTarget(ledger, 'claim-frame', 'c01', 'burden-sharing')).toBeUndefined();
		expect(disputeHref('claim-frame', 'c01', 'nato-threat')).toBe('/disputes/new?kind=claim-frame&subject=c01&label=nato-threat');
	});

	it('groups open disputes by label without contact addresses', () => {
		const d = (id: string, createdAt: string, subject = 'afp-com'): Dispute => ({
			id,
			kind: 'outlet-group',
			subject,
			label: 'international-media',
			reason: 'r',
			sourceUrl: '',
			contactEmail: 'me@example.org',
			createdAt,
			status: 'open',
			resolutionNote: '',
			resolvedAt: null
		});
		const grouped = disputesByLabel([d('b', '2026-02-01'), d('a', '2026-01-01'), d('c', '2026-01-01', 'bbc-com')].map(publicDispute));
		expect(grouped['outlet-group:afp-com:international-media']?.map((x) => x.id)).toEqual(['a', 'b']);
		expect(Object.keys(grouped)).toHaveLength(2);
		expect(JSON.stringify(grouped)).not.toContain('me@example.org');
	});
});

describe('Claim JSON-LD', () => {
	const claim = ledger.claims.find((c) => c.id === 'c01')!;
	const event = ledger.events.find((e) => e.id === claim.event_id)!;

	it('names the author with a job title, the date and where it appeared', () => {
		const ld = claimJsonLd(claim, event, 'https://parallax.example/claims/c01');
		expect(ld).toMatchObject({
			'@type': 'Claim',
			author: { '@type': 'Person', name: 'Valery Gerasimov', jobTitle: claim.speaker_role },
			datePublished: '2025-12-18',
			appearance: { '@type': 'CreativeWork', url: claim.url },
			firstAppearance: { url: claim.url },
			text: claim.quote,
			inLanguage: 'en'
		});
		const agency = ledger.claims.find((c) => c.speaker === 'Sputnik')!;
		expect(claimJsonLd(agency, event, 'https://x.example/').author).toMatchObject({ '@type': 'Organization', name: 'Sputnik' });
	});

	it('escapes what could end the script element, and still parses to the same value', () => {
		const value = { text: '</script><script>alert(1)</script> & more' };
		const text = jsonLdText(value);
		expect(text).not.toMatch(/[<>&]/);
		expect(JSON.parse(text)).toEqual(value);
	});
});
