import { error } from '@sveltejs/kit';
import { OUTLETS_PER_PAGE, outletsOfGroup } from '$lib/domain/ledger/views';
import { ledger } from '$lib/server/ledger';
import { openDisputes } from '$lib/server/disputes';

export async function load({ params, url }) {
	const data = ledger();
	const group = data.outletGroups.find((g) => g.id === params.group);
	if (!group) error(404, 'There is no such outlet group.');
	const outlets = outletsOfGroup(data, group.id);
	const pages = Math.max(1, Math.ceil(outlets.length / OUTLETS_PER_PAGE));
	const page = Number(url.searchParams.get('page') ?? 1);
	if (!Number.isInteger(page) || page < 1 || page > pages) error(404, 'There is no such page of outlets.');
	return {
		group,
		total: outlets.length,
		page,
		pages,
		outlets: outlets.slice((page - 1) * OUTLETS_PER_PAGE, page * OUTLETS_PER_PAGE),
		disputes: await openDisputes()
	};
}
