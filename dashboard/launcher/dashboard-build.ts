// Builds the dashboard only when its sources changed since the last build: the e2e suite and the demo both start
// the production build, and a build costs far more than either's own work.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceHash } from './source-hash.ts';

export const DASHBOARD_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The built standalone server (`node server.js`): next.config.ts traces from the workspace root, so the app sits
 * in the dashboard's own folder name under .next/standalone.
 */
export const DASHBOARD_SERVER_DIR = join(DASHBOARD_DIR, '.next', 'standalone', 'dashboard');
const INPUTS = ['src', 'public', 'next.config.ts', 'package.json', 'tsconfig.json', '../pnpm-lock.yaml'];
const MARKER = join(DASHBOARD_DIR, '.next', 'hotpath-source-hash');
const BUILD_LOG = join(DASHBOARD_DIR, '.next', 'hotpath-build.log');

/**
 * Runs `next build` unless the last build was made from the same sources. Answers whether it built.
 *
 * @example
 * ensureDashboardBuild(); // before startDashboard()
 */
export function ensureDashboardBuild(): boolean {
  const want = sourceHash(DASHBOARD_DIR, INPUTS);
  if (existsSync(join(DASHBOARD_SERVER_DIR, 'server.js')) && existsSync(MARKER) && readFileSync(MARKER, 'utf8') === want) {
    if (!existsSync(join(DASHBOARD_SERVER_DIR, '.next', 'static'))) copyStaticFiles();
    return false;
  }
  const started = Date.now();
  // One line while it builds; the full output goes to a log file, named (with its last lines) when the build fails.
  process.stderr.write('[dashboard] sources changed: next build … ');
  const result = spawnSync(process.execPath, [join(DASHBOARD_DIR, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: DASHBOARD_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  mkdirSync(dirname(BUILD_LOG), { recursive: true });
  writeFileSync(BUILD_LOG, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) {
    process.stderr.write('failed\n');
    const last = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`next build failed (exit ${result.status ?? result.signal}); full output in ${BUILD_LOG}. Its last lines:\n${last}`);
  }
  copyStaticFiles();
  writeFileSync(MARKER, want);
  process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  return true;
}

/** The standalone server serves the browser's files from beside it, but Next leaves copying them there to us. */
function copyStaticFiles(): void {
  cpSync(join(DASHBOARD_DIR, '.next', 'static'), join(DASHBOARD_SERVER_DIR, '.next', 'static'), { recursive: true });
  if (existsSync(join(DASHBOARD_DIR, 'public'))) cpSync(join(DASHBOARD_DIR, 'public'), join(DASHBOARD_SERVER_DIR, 'public'), { recursive: true });
}
