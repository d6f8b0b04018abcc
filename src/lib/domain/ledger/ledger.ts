import {
	ArticleSentenceSchema,
	ChangelogEntrySchema,
	ClaimSchema,
	CodebookFrameSchema,
	CoverageRowSchema,
	EventSchema,
	FrameSchema,
	ManifestSchema,
	OutletGroupSchema,
	OutletSchema,
	PerspectiveSchema,
	type ArticleSentence,
	type ChangelogEntry,
	type Claim,
	type CodebookFrame,
	type CoverageRow,
	type DataKind,
	type Event,
	type Frame,
	type Manifest,
	type Outlet,
	type OutletGroup,
	type Perspective
} from './schemas';
import { DataError, parseTable, type ParsedTable, type TableIssue } from './table';

/** The curated, cross-checked dataset: everything the pages read. */
export interface Ledger {
	manifest: Manifest;
	frames: Frame[];
	/** The Policy Frames Codebook, reached from each frame through its policy_frame crosswalk. */
	policyFrames: CodebookFrame[];
	events: Event[];
	claims: Claim[];
	perspectives: Perspective[];
	outletGroups: OutletGroup[];
	outlets: Outlet[];
	coverage: CoverageRow[];
	article: ArticleSentence[];
	changelog: ChangelogEntry[];
}

export const FILES: Record<DataKind, string> = {
	frames: 'frames.csv',
	policy_frames: 'policy_frames.csv',
	events: 'events.csv',
	claims: 'claims.csv',
	perspectives: 'perspectives.csv',
	outlet_groups: 'outlet_groups.csv',
	outlets: 'outlets.csv',
	coverage: 'coverage.csv',
	article: 'article.csv',
	changelog: 'changelog.csv'
};

export const MANIFEST_FILE = 'manifest.json';

/**
 * Build the ledger from file contents (name → text). Collects every problem across all files
 * before failing, so one run of the loader reports the whole list.
 */
export function buildLedger(files: Record<string, string | undefined>): Ledger {
	const issues: TableIssue[] = [];

	let manifest: Manifest | undefined;
	const manifestText = files[MANIFEST_FILE];
	if (manifestText === undefined) {
		issues.push({ file: MANIFEST_FILE, row: 1, column: '', reason: 'file is missing' });
	} else {
		try {
			const result = ManifestSchema.safeParse(JSON.parse(manifestText));
			if (result.success) manifest = result.data;
			else
				for (const problem of result.error.issues)
					issues.push({
						file: MANIFEST_FILE,
						row: 1,
						column: problem.path.join('.'),
						reason: problem.message
					});
		} catch (error) {
			issues.push({ file: MANIFEST_FILE, row: 1, column: '', reason: `not valid JSON: ${String(error)}` });
		}
	}

	function table<S extends Parameters<typeof parseTable>[2]>(kind: DataKind, schema: S) {
		const file = FILES[kind];
		const text = files[file];
		if (text === undefined) {
			issues.push({ file, row: 1, column: '', reason: 'file is missing' });
			return { rows: [], rowNumbers: [], ids: new Set<string>(), issues: [] } as ParsedTable<ReturnType<S['parse']>>;
		}
		const parsed = parseTable(file, text, schema);
		issues.push(...parsed.issues);
		return parsed as ParsedTable<ReturnType<S['parse']>>;
	}

	const frames = table('frames', FrameSchema);
	const policyFrames = table('policy_frames', CodebookFrameSchema);
	const events = table('events', EventSchema);
	const claims = table('claims', ClaimSchema);
	const perspectives = table('perspectives', PerspectiveSchema);
	const outletGroups = table('outlet_groups', OutletGroupSchema);
	const outlets = table('outlets', OutletSchema);
	const coverage = table('coverage', CoverageRowSchema);
	const article = table('article', ArticleSentenceSchema);
	const changelog = table('changelog', ChangelogEntrySchema);

	function unique<T>(kind: DataKind, parsed: ParsedTable<T>, key: (row: T) => string, column: string) {
		const seen = new Map<string, number>();
		parsed.rows.forEach((row, i) => {
			const value = key(row);
			const row1 = parsed.rowNumbers[i] ?? 0;
			const first = seen.get(value);
			if (first !== undefined)
				issues.push({
					file: FILES[kind],
					row: row1,
					column,
					reason: `duplicate ${column} "${value}" (first on row ${first})`
				});
			else seen.set(value, row1);
		});
		return seen;
	}

	unique('frames', frames, (f) => f.id, 'id');
	unique('policy_frames', policyFrames, (f) => f.id, 'id');
	unique('events', events, (e) => e.id, 'id');
	unique('claims', claims, (c) => c.id, 'id');
	unique('perspectives', perspectives, (p) => p.id, 'id');
	unique('outlet_groups', outletGroups, (g) => g.id, 'id');
	unique('outlets', outlets, (o) => o.id, 'id');
	const frameIds = frames.ids;
	const eventIds = events.ids;
	const claimIds = claims.ids;
	const groupIds = outletGroups.ids;
	const outletIds = outlets.ids;
	unique('coverage', coverage, (c) => c.url, 'url');
	unique('article', article, (s) => String(s.n), 'n');

	function refs<T>(
		kind: DataKind,
		parsed: ParsedTable<T>,
		column: string,
		values: (row: T) => string[],
		target: Set<string>,
		targetName: string
	) {
		parsed.rows.forEach((row, i) => {
			for (const value of values(row)) {
				if (!target.has(value))
					issues.push({
						file: FILES[kind],
						row: parsed.rowNumbers[i] ?? 0,
						column,
						reason: `"${value}" is not a known ${targetName}`
					});
			}
		});
	}

	refs('frames', frames, 'policy_frame', (f) => [f.policy_frame], policyFrames.ids, 'Policy Frames Codebook id');
	refs('claims', claims, 'event_id', (c) => [c.event_id], eventIds, 'event id');
	refs('claims', claims, 'frame_codes', (c) => c.frame_codes, frameIds, 'frame id');
	refs('perspectives', perspectives, 'event_id', (p) => [p.event_id], eventIds, 'event id');
	refs('perspectives', perspectives, 'claim_ids', (p) => p.claim_ids, claimIds, 'claim id');
	refs('outlets', outlets, 'group', (o) => [o.group], groupIds, 'outlet group id');
	refs('coverage', coverage, 'outlet_id', (c) => [c.outlet_id], outletIds, 'outlet id');
	refs('coverage', coverage, 'event_id', (c) => [c.event_id], eventIds, 'event id');
	refs('coverage', coverage, 'frame_codes', (c) => c.frame_codes, frameIds, 'frame id');
	refs('article', article, 'frame_codes', (s) => s.frame_codes, frameIds, 'frame id');
	refs('article', article, 'claim_ids', (s) => s.claim_ids, claimIds, 'claim id');
	const changeable = new Set([...Object.values(FILES), MANIFEST_FILE]);
	refs('changelog', changelog, 'file', (c) => [c.file], changeable, 'data file');

	// A perspective that answers a claim must be about that claim's event.
	const claimEvent = new Map(claims.rows.map((c) => [c.id, c.event_id]));
	perspectives.rows.forEach((p, i) => {
		for (const claimId of p.claim_ids) {
			const event = claimEvent.get(claimId);
			if (event !== undefined && event !== p.event_id)
				issues.push({
					file: FILES.perspectives,
					row: perspectives.rowNumbers[i] ?? 0,
					column: 'claim_ids',
					reason: `claim "${claimId}" belongs to event "${event}", not "${p.event_id}"`
				});
		}
	});

	// Corroboration means independent support; a Russian official or state source saying the
	// claim again is no evidence for it, however often it is said.
	perspectives.rows.forEach((p, i) => {
		if (p.source_type === 'russian-official-or-state-media' && p.relation === 'corroborates')
			issues.push({
				file: FILES.perspectives,
				row: perspectives.rowNumbers[i] ?? 0,
				column: 'relation',
				reason: 'a Russian official or state source cannot corroborate a claim; it repeats it (relation "repeats")'
			});
	});

	if (manifest) {
		const listed = new Set(manifest.files.map((f) => f.file));
		for (const file of Object.values(FILES))
			if (!listed.has(file))
				issues.push({
					file: MANIFEST_FILE,
					row: 1,
					column: 'files',
					reason: `${file} has no provenance entry`
				});
	}

	if (issues.length > 0 || !manifest) throw new DataError(issues);

	return {
		manifest,
		frames: frames.rows,
		policyFrames: policyFrames.rows,
		events: [...events.rows].sort((a, b) => a.start_date.localeCompare(b.start_date)),
		claims: claims.rows,
		perspectives: perspectives.rows,
		outletGroups: outletGroups.rows,
		outlets: outlets.rows,
		coverage: coverage.rows,
		article: [...article.rows].sort((a, b) => a.n - b.n),
		// Newest first: the changelog page and the zip both read it that way.
		changelog: [...changelog.rows].sort((a, b) => b.date.localeCompare(a.date))
	};
}
