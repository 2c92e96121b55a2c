// Copies the built standalone dashboard server into a self-contained folder, for the published @hotpath/collector
// to carry. Next's standalone output links its node_modules the way pnpm laid them out (symlinks into
// node_modules/.pnpm), which a package tarball cannot hold, so each package is copied once into a plain,
// npm-style node_modules beside server.js instead.
import { cpSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_DIR, DASHBOARD_SERVER_DIR } from './dashboard-build.ts';

/**
 * Writes `target` (replacing it): server.js, .next/ (static files included) and node_modules/ with one copy of
 * each package the server needs. Call ensureDashboardBuild() first. Answers the packages with their versions.
 *
 * @throws Error when the server needs two versions of one package (a flat node_modules holds one).
 * @example
 * ensureDashboardBuild();
 * exportDashboardServer('/work/main/collector/dashboard-server'); // → ['next@16.4.6', 'react@19.3.1', …]
 */
export function exportDashboardServer(target: string): string[] {
  rmSync(target, { recursive: true, force: true });
  const ownModules = join(DASHBOARD_SERVER_DIR, 'node_modules');
  cpSync(DASHBOARD_SERVER_DIR, target, { recursive: true, filter: (path) => path !== ownModules });
  const store = join(DASHBOARD_DIR, '.next', 'standalone', 'node_modules', '.pnpm');
  const versions = new Map<string, string>();
  for (const entry of readdirSync(store)) {
    // .pnpm/node_modules holds only links (pnpm's hoisting), never a package's files.
    if (entry === 'node_modules') continue;
    const modules = join(store, entry, 'node_modules');
    for (const name of packageNames(modules)) {
      const source = join(modules, name);
      // Beside each package pnpm links its dependencies; the package's own files are the one real folder.
      if (lstatSync(source).isSymbolicLink()) continue;
      const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { version: string };
      const seen = versions.get(name);
      if (seen !== undefined && seen !== version) {
        throw new Error(`the dashboard server needs ${name} ${seen} and ${version}: a flat node_modules holds one version`);
      }
      versions.set(name, version);
      cpSync(source, join(target, 'node_modules', name), { recursive: true });
    }
  }
  return [...versions].map(([name, version]) => `${name}@${version}`).sort();
}

/** `react`, `@next/env`: the packages in a node_modules folder, scoped ones included. */
function packageNames(modules: string): string[] {
  return readdirSync(modules).flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((scoped) => `${name}/${scoped}`) : [name]));
}
