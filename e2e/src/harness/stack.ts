// The whole system under test for one e2e file: a real collector on a free port with a fresh SQLite file (or a
// PostgreSQL database), the built dashboard (`next start`) pointed at it, and Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, type RunningBrowser } from './browser.ts';
import { ensureDashboardBuild, freePort, startDashboard, type RunningDashboard } from '@hotpath/dashboard/launcher';

interface RunningCollector {
  url: string;
  close(): Promise<void>;
}

/**
 * The collector, loaded by a computed specifier so this package's typecheck (which needs the DOM library for
 * browser callbacks) does not re-check the collector's sources, which its own tsconfig checks against Node's types.
 */
async function startCollector(options: { port: number; dataDir?: string; databaseUrl?: string; queryToken?: string }): Promise<RunningCollector> {
  const specifier: string = '@hotpath/collector';
  const collector = (await import(specifier)) as { startCollector(options: { port: number; dataDir?: string; databaseUrl?: string; queryToken?: string }): Promise<RunningCollector> };
  return collector.startCollector(options);
}

export const ARTIFACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'artifacts');

export interface Stack {
  collectorUrl: string;
  dashboardUrl: string;
  browser: RunningBrowser;
  /** Uncaught page errors and dialogs seen so far, in any tab: the suite fails on close if there are any. */
  problems: readonly string[];
  /** Console errors seen so far (hydration mismatches, failed requests), for tests that expect none. */
  consoleErrors: readonly string[];
  /** A new tab that fails the test on any page error or dialog (a dialog would mean injected script ran). */
  newPage(): Promise<Page>;
  /** Saves a full-page screenshot to e2e/artifacts/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** false: no collector at all (the dashboard points at a port nothing listens on). */
  collector?: boolean;
  /** The collector requires this bearer token on its query API. */
  collectorQueryToken?: string;
  /** The collector stores in this PostgreSQL database (`postgres://…`) instead of a SQLite file. */
  databaseUrl?: string;
  /** Extra environment for `next start` (for example HOTPATH_QUERY_TOKEN). */
  dashboardEnv?: Record<string, string>;
}

/**
 * @example
 * const stack = await startStack();
 * const ids = await sendFixtures(stack.collectorUrl, standardFixtures(Date.now()));
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  ensureDashboardBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'hotpath-e2e-'));
  const store = options.databaseUrl === undefined ? { dataDir } : { databaseUrl: options.databaseUrl };
  const collector = options.collector === false ? null : await startCollector({ port: 0, ...store, queryToken: options.collectorQueryToken });
  // With no collector, point the dashboard at a port nothing listens on.
  const collectorUrl = collector?.url ?? `http://127.0.0.1:${await freePort()}`;
  let dashboard: RunningDashboard | null = null;
  let browser: RunningBrowser | null = null;
  try {
    dashboard = await startDashboard({ collectorUrl, env: options.dashboardEnv });
    browser = await launchBrowser();
  } catch (error) {
    await dashboard?.close();
    await collector?.close();
    throw error;
  }
  const problems: string[] = [];
  const consoleErrors: string[] = [];
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return {
    collectorUrl,
    dashboardUrl: dashboard.url,
    browser,
    problems,
    consoleErrors,
    async newPage() {
      const page = await browser!.context.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('dialog', (dialog) => {
        problems.push(`dialog opened: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.setDefaultTimeout(15_000);
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: false });
    },
    async close() {
      await browser?.close();
      await dashboard?.close();
      await collector?.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (problems.length) throw new Error(`The browser reported problems:\n${problems.join('\n')}`);
    },
  };
}
