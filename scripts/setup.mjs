#!/usr/bin/env node
// Idempotent set-up shared by the README's two commands: only Node 20+ and npm are assumed.
// Installs pnpm through npx, the workspace's dependencies (skipped when the lockfile has not changed since the
// last install), and Debian's Chromium when a browser is needed. Usable as a module or as a script.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM = ['-y', 'pnpm@10.34.9'];
export const CHROMIUM = process.env.HOTPATH_CHROMIUM ?? '/usr/bin/chromium';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` failed with exit code ${result.status ?? result.signal}`);
  }
}

export function pnpm(args, options) {
  run('npx', [...PNPM, ...args], options);
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
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) return;
  console.log('[setup] installing dependencies with pnpm…');
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  pnpm(['install', ...frozen, '--reporter=append-only'], { env: { ...process.env, CI: 'true' } });
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, want);
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it (Debian: sudo apt-get install -y chromium) or set HOTPATH_CHROMIUM.`);
  }
  console.log('[setup] installing Debian chromium…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return CHROMIUM;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  installDependencies();
  if (process.argv.includes('--browser')) ensureChromium();
}
