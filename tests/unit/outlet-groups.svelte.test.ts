import { describe, expect, it } from 'vitest';
import { OutletGroups } from '../../src/lib/client/upload/outlet-groups.svelte';
import { readGroupMapping } from '../../src/lib/domain/import/outlet-groups';

const bundled = [{ id: 'international-media', label: 'International media' }];
const outlets = ['A', 'B', 'C'].map((key) => ({ key, domain: '', rows: 1 }));

function fresh() {
	return new OutletGroups(bundled, { A: 'ungrouped', B: 'ungrouped', C: 'international-media' }, []);
}

describe('outlet groups with undo', () => {
	it('assigns many at once and undoes it in one step', () => {
		const groups = fresh();
		expect(groups.assign(['A', 'B', 'C'], 'international-media')).toBe(2);
		expect(groups.last).toEqual({ kind: 'assign', outlets: 2, group: 'international-media' });
		expect(groups.assignment).toEqual({ A: 'international-media', B: 'international-media', C: 'international-media' });
		expect(groups.undo()).toEqual({ kind: 'assign', outlets: 2, group: 'international-media' });
		expect(groups.assignment).toEqual({ A: 'ungrouped', B: 'ungrouped', C: 'international-media' });
		expect(groups.last).toBeNull();
		expect(groups.undo()).toBeNull();
	});

	it('records nothing when nothing changes', () => {
		const groups = fresh();
		expect(groups.assign(['C'], 'international-media')).toBe(0);
		expect(groups.last).toBeNull();
	});

	it('adds a group once per label, and undoes a mapping file with the groups it made', () => {
		const groups = fresh();
		const id = groups.addGroup('Wires');
		expect(groups.addGroup(' wires ')).toBe(id);
		expect(groups.customGroups).toEqual([{ id: 'custom-wires', label: 'Wires' }]);
		const applied = groups.applyMapping(readGroupMapping('outlet,group\nA,Wires\nB,Regional\n').rows, outlets, 'map.csv');
		expect(applied.assigned).toBe(2);
		expect(groups.label(groups.assignment.B!)).toBe('Regional');
		expect(groups.last).toEqual({ kind: 'mapping', outlets: 2, file: 'map.csv' });
		groups.undo();
		expect(groups.customGroups).toEqual([{ id: 'custom-wires', label: 'Wires' }]);
		expect(groups.assignment.A).toBe('ungrouped');
		groups.undo();
		expect(groups.customGroups).toEqual([]);
	});
});
