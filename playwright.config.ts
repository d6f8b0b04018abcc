import { defineConfig, devices } from '@playwright/test';
import { OUTBOX } from './tests/e2e/mailbox.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: true,
	retries: 0,
	// axe scans take several seconds per page on a 2-core machine.
	timeout: 90_000,
	// Waiting budget for UI assertions on a loaded 2-core machine; nothing asserts speed.
	expect: { timeout: 15_000 },
	workers: 2,
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://localhost:${PORT}`,
		// Every test records a trace in case it fails; the screencast in it costs a run on the shared
		// 2-core machine about a tenth of its time, while a failure's trace still shows the page's DOM
		// at every step.
		trace: { mode: 'retain-on-failure', screenshots: false },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, grepInvert: /@phone/ },
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], channel: undefined },
			grep: /@phone/
		}
	],
	webServer: {
		// A fresh embedded database for every run, so tests never see an earlier run's accounts.
		command: 'rm -rf .e2e-db && node scripts/serve.js',
		port: PORT,
		reuseExistingServer: false,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			HOST: '127.0.0.1',
			PARALLAX_DB: '.e2e-db/parallax.duckdb',
			PARALLAX_LOGIN_ATTEMPTS: '5',
			// Every test signs up from 127.0.0.1; the limits themselves are tested on servers of their own.
			PARALLAX_SIGNUPS_PER_HOUR: '1000',
			PARALLAX_LOGIN_ATTEMPTS_PER_ADDRESS: '1000',
			PARALLAX_MAIL_OUTBOX: OUTBOX,
			// The account the dispute-review test signs up with; nobody else may review.
			PARALLAX_ADMIN_EMAILS: 'owner@example.org'
		},
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
