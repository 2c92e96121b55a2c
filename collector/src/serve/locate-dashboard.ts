// Where the viewer finds the dashboard's standalone server: in the Hotpath workspace, the dashboard package's own
// build (made first when its sources changed); in an installed @hotpath/collector, the copy `npm pack` put inside it
// (see pack/bundle-dashboard.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CollectorError } from '../errors.ts';

// src/serve/ and dist/serve/ sit at the same depth, so this is the package folder from either.
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGED_SERVER_DIR = join(PACKAGE_DIR, 'dashboard-server');
const WORKSPACE_DASHBOARD_DIR = join(PACKAGE_DIR, '..', 'dashboard');

export interface DashboardLocation {
  dir: string;
  from: 'package' | 'workspace';
}

/**
 * @throws CollectorError `unavailable` when this copy of the package has no dashboard (use `--no-dashboard`), or
 * when the workspace build failed.
 * @example
 * const { dir } = locateDashboard(); // then startDashboardServer({ dir, … })
 */
export function locateDashboard(): DashboardLocation {
  const launcher = join(WORKSPACE_DASHBOARD_DIR, 'launcher', 'index.ts');
  if (existsSync(launcher)) return { dir: buildInWorkspace(launcher), from: 'workspace' };
  if (existsSync(join(PACKAGED_SERVER_DIR, 'server.js'))) return { dir: PACKAGED_SERVER_DIR, from: 'package' };
  throw new CollectorError(
    'unavailable',
    `no dashboard in this copy of @hotpath/collector (${PACKAGED_SERVER_DIR} is missing): reinstall it, or run with --no-dashboard`,
  );
}

/**
 * The dashboard launcher is TypeScript that only the workspace's tsx runs, and the collector cannot depend on the
 * dashboard package (the dashboard depends on it), hence a child process. Its build progress goes to our stderr.
 */
function buildInWorkspace(launcher: string): string {
  const script = `const launcher = await import(${JSON.stringify(pathToFileURL(launcher).href)});
launcher.ensureDashboardBuild();
process.stdout.write(launcher.DASHBOARD_SERVER_DIR);`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=@hotpath/source', '--input-type=module', '--eval', script], {
    cwd: WORKSPACE_DASHBOARD_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0 || !existsSync(join(result.stdout, 'server.js'))) {
    throw new CollectorError('unavailable', `the workspace dashboard build failed (exit ${result.status ?? result.signal}); run with --no-dashboard to serve the collector alone`);
  }
  return result.stdout;
}
