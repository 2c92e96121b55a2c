// The tsdown configuration every published package (sdk, simulator, collector) builds with: ESM JavaScript and
// `.d.ts` files in dist/, mirroring src/ (so paths a module computes from its own URL, such as the collector's
// migrations folder, stay valid), with entries read from package.json rather than listed here: a new subpath
// export or bin is built without touching any build file, and so is a worker a module loads by URL.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The export condition that points workspace tools (tsx, node --test, tsc) at a package's TypeScript sources. */
export const SOURCE_CONDITION = '@hotpath/source';

const SHEBANG = '#!/usr/bin/env node';

/**
 * The source file each `exports` entry and `bin` of a package.json builds from, relative to the package.
 * An export names its source under SOURCE_CONDITION (or, not yet switched to conditions, as a bare `.ts` path);
 * a bin names its built file, `./dist/x.js`, whose source is `./src/x.ts`.
 *
 * @example
 * packageEntries({ exports: { '.': { '@hotpath/source': './src/index.ts', types: './dist/index.d.ts' } }, bin: { x: './dist/cli.js' } })
 * // → { entries: ['src/index.ts', 'src/cli.ts'], bins: ['src/cli.ts'] }
 */
export function packageEntries(manifest) {
  const entries = new Set();
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const source = typeof target === 'string' ? target : target?.[SOURCE_CONDITION];
    if (typeof source === 'string' && source.endsWith('.ts')) entries.add(stripDot(source));
    else if (subpath !== './package.json') {
      throw new Error(`package.json exports["${subpath}"] names no TypeScript source under "${SOURCE_CONDITION}"`);
    }
  }
  const bins = Object.values(typeof manifest.bin === 'string' ? { bin: manifest.bin } : (manifest.bin ?? {})).map((built) => {
    const match = /^(?:\.\/)?dist\/(.+)\.js$/.exec(built);
    if (!match) throw new Error(`package.json bin "${built}" must point at a built file, ./dist/<path>.js`);
    return `src/${match[1]}.ts`;
  });
  for (const bin of bins) entries.add(bin);
  return { entries: [...entries], bins };
}

function stripDot(path) {
  return path.startsWith('./') ? path.slice(2) : path;
}

// `new URL('./x.ts', import.meta.url)` in code (not in a comment line): a module loaded by URL, such as a worker.
const MODULE_URL = /new URL\((['"])(\.{1,2}\/[^'"]+)\.ts\1, import\.meta\.url\)/g;
const COMMENT_LINE = /^\s*(\*|\/\/|\/\*)/;

/**
 * The tsdown config of the package whose folder is `packageUrl`.
 *
 * @param {URL | string} packageUrl the package folder (a tsdown.config.ts passes `new URL('.', import.meta.url)`)
 * @example
 * export default packageBuildConfig(new URL('.', import.meta.url));
 */
export function packageBuildConfig(packageUrl) {
  const dir = fileURLToPath(packageUrl);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const { entries, bins } = packageEntries(manifest);
  const binModules = new Set(bins.map((bin) => join(dir, bin)));
  return {
    cwd: dir,
    name: manifest.name,
    entry: entries,
    root: 'src',
    outDir: 'dist',
    unbundle: true,
    format: 'esm',
    platform: 'node',
    // `.js` and `.d.ts`: every package is "type": "module".
    fixedExtension: false,
    dts: true,
    clean: true,
    hash: false,
    // A library never inlines its dependencies: users' package managers install (and dedupe) them.
    deps: { skipNodeModulesBundle: true },
    failOnWarn: true,
    logLevel: 'warn',
    report: false,
    checks: { pluginTimings: false },
    plugins: [
      {
        // A module loaded by URL is built beside its loader, and the URL names the built file.
        name: 'hotpath-module-urls',
        transform(code, id) {
          if (!id.endsWith('.ts') || !code.includes('import.meta.url')) return null;
          let changed = false;
          const lines = code.split('\n').map((line) =>
            COMMENT_LINE.test(line)
              ? line
              : line.replace(MODULE_URL, (_, quote, path) => {
                  changed = true;
                  this.emitFile({ type: 'chunk', id: resolve(dirname(id), `${path}.ts`) });
                  return `new URL(${quote}${path}.js${quote}, import.meta.url)`;
                }),
          );
          return changed ? { code: lines.join('\n'), map: null } : null;
        },
      },
      {
        // A bin runs as `node dist/x.js`: its source may carry a tsx shebang (for running from the workspace) or none.
        name: 'hotpath-bin-shebang',
        renderChunk(code, chunk) {
          if (!chunk.facadeModuleId || !binModules.has(chunk.facadeModuleId)) return null;
          return `${SHEBANG}\n${code.startsWith('#!') ? code.slice(code.indexOf('\n') + 1) : code}`;
        },
      },
    ],
  };
}
