import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// Types are checked by svelte-check; this rule only misfires on type-only globals.
			'no-undef': 'off',
			// The app is served at the root with no base path, so resolve() on every href adds nothing.
			'svelte/no-navigation-without-resolve': 'off',
			// {' '} keeps a space that formatting would otherwise drop between inline elements.
			'svelte/no-useless-mustaches': 'off',
			// It flags every Set or URLSearchParams, including short-lived locals that are never state.
			'svelte/prefer-svelte-reactivity': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		// Domain code runs everywhere: no framework, no server or browser-only modules.
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$app/*', 'svelte', 'svelte/*', '$lib/server/*', '$lib/client/*', '$lib/components/*'],
							message: 'src/lib/domain is pure TypeScript.'
						}
					]
				}
			]
		}
	},
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', '.e2e-db/', 'bench/results/'] }
);
