/**
 * How a dispute names its label, and the link to dispute one. Apart from disputes.ts, whose form
 * schemas bring zod along: every claim card on the compare view links here.
 */
export const DISPUTE_KINDS = ['outlet-group', 'claim-frame'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];

export function disputeKey(kind: DisputeKind, subject: string, label: string): string {
	return `${kind}:${subject}:${label}`;
}

export function disputeHref(kind: DisputeKind, subject: string, label: string): string {
	return `/disputes/new?${new URLSearchParams({ kind, subject, label })}`;
}
