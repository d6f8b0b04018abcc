import { z } from 'zod';
import type { Ledger } from './ledger';
import { id, isHttpsUrl } from './schemas';
import { codingNoteText, frameIndex, outletHref } from './views';
import { disputeKey, DISPUTE_KINDS, type DisputeKind } from './dispute-links';

export { disputeHref, disputeKey, DISPUTE_KINDS, type DisputeKind } from './dispute-links';

/**
 * Reader disputes of a label: an outlet's group, or one frame coded on a claim. A dispute
 * names its label by (kind, subject, label), so it stays attached to that label in the data.
 */
export const RESOLUTIONS = ['accepted', 'rejected'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export type DisputeStatus = 'open' | Resolution;

export interface Dispute {
	id: string;
	kind: DisputeKind;
	/** Outlet id or claim id. */
	subject: string;
	/** Outlet group id or frame id. */
	label: string;
	reason: string;
	sourceUrl: string;
	/** Private: shown only to the owner. */
	contactEmail: string;
	createdAt: string;
	status: DisputeStatus;
	resolutionNote: string;
	resolvedAt: string | null;
}

/**
 * What anyone may see of an open dispute: that it exists and when it was sent. Its reason and
 * source come from anonymous readers, so they are shown only once the project has reviewed them
 * (on the changelog); the contact address never is.
 */
export type PublicDispute = Pick<Dispute, 'id' | 'kind' | 'subject' | 'label' | 'createdAt'>;

export function publicDispute({ id, kind, subject, label, createdAt }: Dispute): PublicDispute {
	return { id, kind, subject, label, createdAt };
}

/** A decided dispute, reviewed by the project: everything but the contact address. */
export type DecidedDispute = Omit<Dispute, 'contactEmail'>;

export function decidedDispute({ contactEmail: _private, ...rest }: Dispute): DecidedDispute {
	return rest;
}

export const MAX_REASON = 2000;

/**
 * The form's own checks give catalogue keys as messages; the form's answer says them in the
 * reader's language, with the field as entered for `{value}` and MAX_REASON for `{max}`.
 */
export const DISPUTE_FORM_KEYS = [
	'dispute.error.reasonShort',
	'dispute.error.reasonLong',
	'dispute.error.sourceUrl',
	'dispute.error.email',
	'dispute.error.noTarget'
] as const;
type Key = (typeof DISPUTE_FORM_KEYS)[number];

export const DisputeFormSchema = z.object({
	kind: z.enum(DISPUTE_KINDS),
	subject: id,
	label: id,
	reason: z
		.string()
		.trim()
		.min(10, 'dispute.error.reasonShort' satisfies Key)
		.max(MAX_REASON, 'dispute.error.reasonLong' satisfies Key),
	source_url: z
		.string()
		.trim()
		.refine((value) => value === '' || isHttpsUrl(value), 'dispute.error.sourceUrl' satisfies Key)
		.default(''),
	email: z.union([z.literal(''), z.email('dispute.error.email' satisfies Key)]).default('')
});
export type DisputeForm = z.infer<typeof DisputeFormSchema>;

export const ResolutionSchema = z.object({
	id: z.string().trim().min(1),
	status: z.enum(RESOLUTIONS, 'choose accepted or rejected'),
	note: z.string().trim().min(1, 'say why, for the public changelog').max(MAX_REASON)
});

/** Open disputes grouped by the label they dispute, oldest first. */
export function disputesByLabel(disputes: PublicDispute[]): Record<string, PublicDispute[]> {
	const out: Record<string, PublicDispute[]> = {};
	for (const d of [...disputes].sort((a, b) => a.createdAt.localeCompare(b.createdAt)))
		(out[disputeKey(d.kind, d.subject, d.label)] ??= []).push(d);
	return out;
}

export interface DisputeTarget {
	/** "The group “Russian state media” of TASS". */
	title: string;
	/** The label's current basis, and its source. */
	basis: string;
	basisUrl: string;
	/** Where the label is shown. */
	href: string;
}

/** The label a dispute is about, as the bundled data has it now; undefined if no such label. */
export function disputeTarget(ledger: Ledger, kind: DisputeKind, subject: string, label: string): DisputeTarget | undefined {
	if (kind === 'outlet-group') {
		const outlet = ledger.outlets.find((o) => o.id === subject);
		const group = ledger.outletGroups.find((g) => g.id === label);
		if (!outlet || !group || outlet.group !== group.id) return undefined;
		return {
			title: `The outlet group “${group.label}” of ${outlet.name}`,
			basis: outlet.group_basis,
			basisUrl: outlet.group_basis_url,
			href: outletHref(ledger, outlet.id) ?? '/method#outlets'
		};
	}
	const claim = ledger.claims.find((c) => c.id === subject);
	const frame = ledger.frames.find((f) => f.id === label);
	if (!claim || !frame || !claim.frame_codes.includes(frame.id)) return undefined;
	return {
		title: `The frame “${frame.label}” on the claim by ${claim.speaker} (${claim.date})`,
		basis: `${codingNoteText(claim.coding_note, frameIndex(ledger.frames))} Codebook: ${frame.definition}`,
		basisUrl: claim.url,
		href: `/claims/${claim.id}`
	};
}
