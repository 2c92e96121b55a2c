// A fingerprint of everything a dashboard build depends on, so the e2e suite rebuilds only when it changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Hashes the given files and folders (recursively, skipping node_modules and dot-folders), path and content.
 *
 * @example
 * sourceHash('/work/main/dashboard', ['src', 'next.config.ts', 'package.json'])
 */
export function sourceHash(root: string, entries: readonly string[]): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        walk(join(path, name));
      }
    } else files.push(path);
  };
  for (const entry of entries) walk(join(root, entry));
  files.sort();
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}
