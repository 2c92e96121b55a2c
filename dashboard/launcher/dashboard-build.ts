// Builds the dashboard only when its sources changed since the last build: the e2e suite and the demo both start
// the production build, and a build costs far more than either's own work.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceHash } from './source-hash.ts';

export const DASHBOARD_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['src', 'public', 'next.config.ts', 'package.json', 'tsconfig.json', '../pnpm-lock.yaml'];
const MARKER = join(DASHBOARD_DIR, '.next', 'hotpath-source-hash');
const BUILD_LOG = join(DASHBOARD_DIR, '.next', 'hotpath-build.log');

/**
 * Runs `next build` unless the last build was made from the same sources. Answers whether it built.
 *
 * @example
 * ensureDashboardBuild(); // before `next start`
 */
export function ensureDashboardBuild(): boolean {
  const want = sourceHash(DASHBOARD_DIR, INPUTS);
  if (existsSync(join(DASHBOARD_DIR, '.next', 'BUILD_ID')) && existsSync(MARKER) && readFileSync(MARKER, 'utf8') === want) return false;
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
  writeFileSync(MARKER, want);
  process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  return true;
}
