import { onMount } from 'svelte';

/**
 * Whether the calling component has mounted in the browser. Keys and buttons only work once the
 * page is interactive, so controls wait for it and tests (and styles) can tell when that is.
 * Call it while a component initialises, as with onMount.
 */
export function hydrated(): { readonly current: boolean } {
	let current = $state(false);
	onMount(() => {
		current = true;
	});
	return {
		get current() {
			return current;
		}
	};
}
