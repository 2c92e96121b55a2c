#!/usr/bin/env node
// Idempotent set-up shared by the README's commands: only Node 20+ and npm are assumed.
// Installs pnpm through npx, the workspace's dependencies (skipped when the lockfile has not changed since the
// last install), builds the published packages' dist/ (skipped when their sources have not changed), and Debian's
// Chromium when a browser is needed. Each step prints one line with its time; its
// full output goes to a log file under .hotpath/logs/, named (with the last lines) when the step fails.
// Usable as a module or as a script.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM = ['-y', 'pnpm@10.34.9'];
export const CHROMIUM = process.env.HOTPATH_CHROMIUM ?? '/usr/bin/chromium';
export const LOG_DIR = join(root, '.hotpath', 'logs');

/** The last `count` non-empty lines of a log file, indented, for a failure message. */
function tail(path, count = 20) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(-count).map((line) => `    ${line}`).join('\n');
}

/**
 * Runs set-up commands quietly: one line `[setup] <label> … 12.3s` when they succeed, their output appended to
 * `.hotpath/logs/<log>.log` either way; on failure an error naming the log file and quoting its last lines.
 *
 * @example
 * step('install dependencies', 'install', [['npx', ['-y', 'pnpm@10.34.9', 'install']]]);
 */
export function step(label, log, commands, options = {}) {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${log}.log`);
  const started = Date.now();
  process.stdout.write(`[setup] ${label} … `);
  const fd = openSync(logFile, 'w');
  try {
    for (const [command, args, extra = {}] of commands) {
      writeFileSync(fd, `$ ${command} ${args.join(' ')}\n`);
      const result = spawnSync(command, args, { cwd: root, ...options, ...extra, stdio: ['ignore', fd, fd] });
      if (result.status !== 0) {
        process.stdout.write('failed\n');
        throw new Error(
          `${label} failed: \`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal ?? result.error?.message}; ` +
            `full output in ${relative(process.cwd(), logFile) || logFile}. Its last lines:\n${tail(logFile)}`,
        );
      }
    }
  } finally {
    closeSync(fd);
  }
  process.stdout.write(`${((Date.now() - started) / 1000).toFixed(1)}s\n`);
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const file of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json']) {
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  }
  hash.update(process.version);
  return hash.digest('hex');
}

export function installDependencies() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 9)) {
    throw new Error(`Hotpath needs Node 20.9 or newer; this is ${process.version}.`);
  }
  const marker = join(root, 'node_modules', '.hotpath-install');
  const want = fingerprint();
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) return buildPackages();
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  step('install dependencies (pnpm)', 'install', [['npx', [...PNPM, 'install', ...frozen, '--reporter=append-only']]], {
    env: { ...process.env, CI: 'true' },
  });
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, want);
  buildPackages();
}

/**
 * The packages `npm pack` publishes. The workspace runs their TypeScript sources (the @hotpath/source condition);
 * their dist/ is what plain `node` resolves (a bin run with pnpm exec, the pack-and-install test), kept current here.
 */
const BUILT_PACKAGES = ['simulator', 'sdk', 'collector'];

/** What a package's build reads, by path, size and modification time: a stat walk, far cheaper than a build. */
function buildInputs(pkg) {
  const hash = createHash('sha256');
  const add = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (!/\.test(-support)?\.[cm]?ts$/.test(name)) add(join(path, name));
      }
    } else hash.update(`${relative(root, path)}\0${stats.size}\0${stats.mtimeMs}\n`);
  };
  for (const input of ['src', 'package.json', 'tsconfig.json', 'tsdown.config.ts']) add(join(root, pkg, input));
  for (const input of ['tsconfig.base.json', 'scripts/package-build-config.mjs', 'pnpm-lock.yaml']) add(join(root, input));
  return hash.digest('hex');
}

/** Builds (tsdown) each published package whose sources changed since its last build here. */
export function buildPackages() {
  const marker = (pkg) => join(root, 'node_modules', `.hotpath-build-${pkg}`);
  const stale = BUILT_PACKAGES.filter((pkg) => !existsSync(marker(pkg)) || readFileSync(marker(pkg), 'utf8') !== buildInputs(pkg));
  if (stale.length === 0) return;
  // JavaScript only: the workspace type-checks against the sources, and declarations (most of a build's time) are
  // made by `npm pack` (prepack), the one place they are read.
  step(`build ${stale.join(', ')} (tsdown)`, 'build', stale.map((pkg) => [join(root, pkg, 'node_modules', '.bin', 'tsdown'), ['--no-dts'], { cwd: join(root, pkg) }]));
  for (const pkg of stale) writeFileSync(marker(pkg), buildInputs(pkg));
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it (Debian: sudo apt-get install -y chromium) or set HOTPATH_CHROMIUM.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  step('install Chromium (apt-get)', 'chromium', [
    ['apt-get', ['update', '-qq']],
    ['apt-get', ['install', '-y', '-qq', 'chromium']],
  ], { env });
  return CHROMIUM;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    installDependencies();
    if (process.argv.includes('--browser')) ensureChromium();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
