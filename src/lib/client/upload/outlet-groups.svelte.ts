import { UNGROUPED } from '$lib/domain/import/local-dataset';
import {
	applyGroupMapping,
	type AppliedMapping,
	type Assignment,
	type GroupChoice,
	type GroupMappingRow
} from '$lib/domain/import/outlet-groups';
import { groupId, type UploadedOutlet } from '$lib/domain/import/outlets';

/** What a change did, for the undo button to name. */
export type GroupChange =
	| { kind: 'assign'; outlets: number; group: string }
	| { kind: 'mapping'; outlets: number; file: string }
	| { kind: 'group'; group: string };

interface Undoable {
	change: GroupChange;
	assignment: Assignment;
	customGroups: GroupChoice[];
}

/** The most changes kept to undo; each holds only references to earlier, unchanged objects. */
const HISTORY = 50;

/**
 * The group of every outlet of an upload and the groups the researcher made, with undo. Every
 * change replaces the assignment object instead of writing into it, so a change to 3,000
 * outlets is one update, and an earlier state is kept for undo by reference.
 */
export class OutletGroups {
	assignment: Assignment = $state.raw({});
	customGroups: GroupChoice[] = $state.raw([]);
	history: Undoable[] = $state.raw([]);

	constructor(
		readonly bundled: GroupChoice[],
		assignment: Assignment,
		customGroups: GroupChoice[]
	) {
		this.assignment = assignment;
		this.customGroups = customGroups;
	}

	get all(): GroupChoice[] {
		return [...this.bundled, ...this.customGroups];
	}

	label(id: string): string {
		return this.all.find((g) => g.id === id)?.label ?? id;
	}

	/** The last change, which undo() reverts. */
	get last(): GroupChange | null {
		return this.history.at(-1)?.change ?? null;
	}

	#remember(change: GroupChange) {
		this.history = [...this.history.slice(-(HISTORY - 1)), { change, assignment: this.assignment, customGroups: this.customGroups }];
	}

	/** Puts the outlets in a group (UNGROUPED takes them out of any); returns how many changed. */
	assign(keys: Iterable<string>, group: string): number {
		const changed = [...keys].filter((k) => (this.assignment[k] ?? UNGROUPED) !== group);
		if (changed.length === 0) return 0;
		this.#remember({ kind: 'assign', outlets: changed.length, group });
		const next = { ...this.assignment };
		for (const key of changed) next[key] = group;
		this.assignment = next;
		return changed.length;
	}

	/** Makes a group of the researcher's; the id of the group with that label if there is one. */
	addGroup(label: string): string {
		const text = label.trim();
		const existing = this.all.find((g) => g.label.toLocaleLowerCase() === text.toLocaleLowerCase());
		if (existing) return existing.id;
		const id = groupId(
			text,
			this.all.map((g) => g.id)
		);
		this.#remember({ kind: 'group', group: id });
		this.customGroups = [...this.customGroups, { id, label: text }];
		return id;
	}

	/** Applies a mapping file's rows to the outlets; one undo step reverts all of it. */
	applyMapping(rows: GroupMappingRow[], outlets: UploadedOutlet[], file: string): AppliedMapping {
		const applied = applyGroupMapping(rows, outlets, this.all, this.assignment);
		if (applied.assigned > 0) {
			this.#remember({ kind: 'mapping', outlets: applied.assigned, file });
			this.customGroups = [...this.customGroups, ...applied.added];
			this.assignment = applied.assignment;
		}
		return applied;
	}

	undo(): GroupChange | null {
		const step = this.history.at(-1);
		if (!step) return null;
		this.history = this.history.slice(0, -1);
		this.assignment = step.assignment;
		this.customGroups = step.customGroups;
		return step.change;
	}
}
