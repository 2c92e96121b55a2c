// The published packages as a user gets them: `npm pack` (the real prepack builds), `npm install` of the tarballs
// into projects outside the workspace (no links, plain npm), then plain `node` and `tsc` against what was installed.
// The collector's project is kept between runs under node_modules/.cache: better-sqlite3 compiles from source here
// (about two minutes), and only the freshly packed @hotpath/collector is replaced in it. npm's cache is kept too.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, 'node_modules', '.cache');
const work = mkdtempSync(join(tmpdir(), 'hotpath-pack-'));
const packs = join(work, 'packs');
const app = join(work, 'app');
const viewerProject = join(cacheDir, 'hotpath-pack-viewer');
// Plain node: the workspace's source condition (NODE_OPTIONS from the test runner) would point the installed
// packages at sources they do not ship.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace('--conditions=@hotpath/source', '').trim(),
  npm_config_cache: join(cacheDir, 'hotpath-pack-npm'),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
const PNPM = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string }).packageManager;
const FORBIDDEN_IN_SDK = ['next', 'react', 'react-dom', 'better-sqlite3', '@hotpath/simulator', '@hotpath/collector'];

const tarballs: Record<'sdk' | 'simulator' | 'collector', string> = { sdk: '', simulator: '', collector: '' };
const children: ChildProcess[] = [];
const seconds: Record<string, number> = {};

function run(command: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited with ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`.slice(-6_000));
  }
  return result.stdout;
}

function timed<T>(label: string, work: () => T): T {
  const started = Date.now();
  try {
    return work();
  } finally {
    seconds[label] = (Date.now() - started) / 1000;
  }
}

/** Bytes and packages under a node_modules folder (files counted once, links not followed). */
function treeSize(dir: string): { bytes: number; packages: string[] } {
  let bytes = 0;
  const packages: string[] = [];
  const walk = (path: string, inModules: boolean) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) continue;
      if (stats.isDirectory()) {
        if (inModules && name !== '.bin' && !name.startsWith('@')) packages.push(full.slice(full.lastIndexOf('node_modules/') + 13));
        walk(full, name === 'node_modules' || (inModules && name.startsWith('@')));
      } else bytes += stats.size;
    }
  };
  walk(dir, true);
  return { bytes, packages };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Starts a bin and resolves once its output matches `ready`, with the match. */
function startBin(bin: string, args: string[], cwd: string, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string }> {
  const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${bin} did not get ready in 60 s:\n${output}`)), 60_000);
    const check = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output });
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${bin} exited with ${code}:\n${output}`));
    });
  });
}

// The README's "Wrap your own agent", verbatim but for the model names (the simulated server's) and the order
// lookup (answered locally: no network here), and the provider also closed at the end.
const README_EXAMPLE = `
import { z } from 'zod';
import { Agent, Runner, cascade, instrument, openaiCompatible, tool } from '@hotpath/sdk';
import { setup } from '@hotpath/sdk/otel';

const shutdown = await setup({ serviceName: 'support-api' }); // OTLP to OTEL_EXPORTER_OTLP_ENDPOINT

const getOrder = tool({
  name: 'get_order', description: 'Look up an order by id.',
  parameters: z.object({ orderId: z.string() }),
  execute: async ({ orderId }) => ({ orderId, status: 'shipped', carrier: 'DHL' }),
  cache: { ttlMs: 60_000 }, readOnly: true, timeoutMs: 2_000,
});
const agent = new Agent({
  name: 'support', instructions: 'Answer with the facts you find.', tools: [getOrder],
  model: cascade({ draft: 'sim-small', answer: 'sim-large' }), // lookups drafted by the small model, answers by the large one
});
const runner = instrument(new Runner({ provider: openaiCompatible({ baseURL: process.env.SIMULATOR_URL, apiKey: 'sk-test' }) }));
const { finalOutput, usage } = await runner.run(agent, 'Where is order O-5002?');
await runner.close({ provider: true });
await shutdown();
console.log(JSON.stringify({ finalOutput, models: Object.keys(usage.byModel) }));
`;

// A user's TypeScript, strict, checked against the packed declarations only.
const TS_CONSUMER = `
import { z } from 'zod';
import { Agent, Runner, openaiCompatible, tool, type RunResult } from '@hotpath/sdk';
import { setup, type SetupOptions } from '@hotpath/sdk/otel';
import { scriptedModel, createTestTracing } from '@hotpath/sdk/testing';
import { startSimulatedServer } from '@hotpath/simulator';

const options: SetupOptions = { serviceName: 'typed' };
const lookup = tool({ name: 'lookup', description: 'x', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id.toUpperCase() });
const agent = new Agent({ name: 'typed', instructions: 'x', tools: [lookup], model: 'sim-small' });
export async function main(): Promise<string> {
  const server = await startSimulatedServer({ port: 0 });
  const result: RunResult = await new Runner({ provider: openaiCompatible({ baseURL: server.baseURL }) }).run(agent, 'hi');
  void setup(options); void scriptedModel; void createTestTracing;
  // @ts-expect-error: finalOutput is a string, and the packed types say so
  const wrong: number = result.finalOutput;
  return String(wrong);
}
`;

describe('the packed packages, installed with plain npm', { timeout: 900_000 }, () => {
  before(() => {
    mkdirSync(packs, { recursive: true });
    for (const name of ['sdk', 'simulator', 'collector'] as const) {
      // pnpm's pack, as its publish would: it runs prepack and turns `workspace:*` into the version packed beside it.
      timed(`pack ${name}`, () => run('npx', ['-y', PNPM, 'pack', '--pack-destination', packs], join(root, name), { NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' }));
      tarballs[name] = join(packs, `hotpath-${name}-0.1.0.tgz`);
      assert.ok(existsSync(tarballs[name]), tarballs[name]);
    }
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-install-app', private: true, type: 'module' }));
    timed('install sdk', () => run('npm', ['install', tarballs.sdk], app));
  });

  after(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
    console.log(`pack-install timings (s): ${Object.entries(seconds).map(([label, value]) => `${label} ${value.toFixed(1)}`).join(', ')}`);
  });

  it('installs @hotpath/sdk without Next, React, better-sqlite3 or the simulator, and says how much it weighs', () => {
    const tree = treeSize(join(app, 'node_modules'));
    for (const name of FORBIDDEN_IN_SDK) assert.ok(!tree.packages.includes(name), `${name} came with @hotpath/sdk`);
    const sdkFiles = treeSize(join(app, 'node_modules', '@hotpath', 'sdk'));
    console.log(
      `@hotpath/sdk install size: tarball ${mb(statSync(tarballs.sdk).size)} (${mb(sdkFiles.bytes)} unpacked); with its ` +
        `dependencies ${mb(tree.bytes)} in ${tree.packages.length} packages. Tarballs: simulator ${mb(statSync(tarballs.simulator).size)}, ` +
        `collector ${mb(statSync(tarballs.collector).size)} (dashboard server included)`,
    );
  });

  it('publishes only built files, every export resolving to JavaScript and declarations it ships, nothing of the simulator in the sdk', () => {
    const sdkDir = join(app, 'node_modules', '@hotpath', 'sdk');
    const manifest = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, string> | string> };
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') continue;
      for (const condition of ['types', 'import', 'default']) {
        assert.ok(target[condition] && existsSync(join(sdkDir, target[condition]!)), `${subpath} → ${condition}: ${target[condition]}`);
      }
    }
    assert.equal(existsSync(join(sdkDir, 'src')), false);
    const files = run('tar', ['tzf', tarballs.sdk], work).split('\n');
    assert.deepEqual(files.filter((file) => /simulat|support-desk/i.test(file)), []);
    const mentions = (readdirSync(join(sdkDir, 'dist'), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.js') && /@hotpath\/simulator|startSimulatedServer|supportDesk/.test(readFileSync(join(sdkDir, 'dist', file), 'utf8')));
    assert.deepEqual(mentions, []);
    assert.deepEqual(readdirSync(join(sdkDir, 'dist', 'testing')).filter((file) => file.endsWith('.js')).sort(), ['in-memory-span-exporter.js', 'index.js', 'scripted-model.js']);
  });

  it('imports in plain node (and require()s, on Node 20.19+)', () => {
    const script = `const sdk = await import('@hotpath/sdk'); const otel = await import('@hotpath/sdk/otel'); const testing = await import('@hotpath/sdk/testing');
      const required = (await import('node:module')).createRequire(import.meta.url)('@hotpath/sdk');
      console.log([typeof sdk.Runner, typeof otel.setup, typeof testing.scriptedModel, required.Runner === sdk.Runner].join(' '));`;
    assert.equal(run(process.execPath, ['--input-type=module', '-e', script], app).trim(), 'function function function true');
  });

  it('type-checks a strict TypeScript consumer against the packed declarations', () => {
    timed('install simulator, typescript', () => run('npm', ['install', tarballs.simulator, 'zod@4', 'typescript@5.9.3', '@types/node@20'], app));
    writeFileSync(join(app, 'consumer.ts'), TS_CONSUMER);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['consumer.ts'] }),
    );
    timed('tsc', () => run(process.execPath, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], app));
  });

  it('runs the README example with plain node against the simulator, its spans reaching the one-command viewer, whose traces page shows them', async () => {
    // The viewer's project: kept between runs (see the top of this file), its @hotpath/collector always the new one.
    mkdirSync(viewerProject, { recursive: true });
    writeFileSync(join(viewerProject, 'package.json'), JSON.stringify({ name: 'pack-install-viewer', private: true, type: 'module' }));
    rmSync(join(viewerProject, 'node_modules', '@hotpath'), { recursive: true, force: true });
    rmSync(join(viewerProject, 'package-lock.json'), { force: true });
    // With the sdk's tarball: the collector depends on @hotpath/sdk, which no registry holds yet.
    timed('install collector', () => run('npm', ['install', tarballs.sdk, tarballs.collector], viewerProject));

    const dataDir = join(work, 'viewer-data');
    const viewer = await startBin(join(viewerProject, 'node_modules', '.bin', 'hotpath-collector'), ['--port', '0', '--dashboard-port', '0', '--data-dir', dataDir], work, /Ctrl-C stops/);
    const dashboardUrl = /dashboard {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(viewer.output())?.[1];
    const collectorUrl = /collector {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(viewer.output())?.[1];
    assert.ok(dashboardUrl && collectorUrl, viewer.output());
    const simulator = await startBin(join(app, 'node_modules', '.bin', 'hotpath-simulator'), ['--port', '0', '--latency-scale', '0.01'], work, /on (http:\/\/\S+)/);

    writeFileSync(join(app, 'readme.mjs'), README_EXAMPLE);
    const printed = timed('readme example', () =>
      run(process.execPath, ['readme.mjs'], app, { SIMULATOR_URL: simulator.match[1], OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl }),
    );
    const { finalOutput, models } = JSON.parse(printed.trim().split('\n').at(-1)!) as { finalOutput: string; models: string[] };
    assert.match(finalOutput, /O-5002/);
    assert.ok(models.includes('sim-small') && models.includes('sim-large'), models.join(', ')); // drafted lookup, answer by the answer model

    let traces: { traces: { traceId: string }[] } = { traces: [] };
    for (let tries = 0; tries < 50 && traces.traces.length === 0; tries++) {
      traces = (await (await fetch(`${collectorUrl}/api/traces`)).json()) as typeof traces;
      if (traces.traces.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(traces.traces.length, 1, JSON.stringify(traces));
    const traceId = traces.traces[0]!.traceId;
    const detail = (await (await fetch(`${collectorUrl}/api/traces/${traceId}`)).json()) as { spans: { name: string }[] };
    const names = detail.spans.map((span) => span.name);
    for (const name of ['invoke_agent support', 'execute_tool get_order']) assert.ok(names.includes(name), names.join(', '));

    const list = await fetch(dashboardUrl);
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.ok(html.includes(traceId), 'the traces page lists the trace');
    const page = await fetch(`${dashboardUrl}/traces/${traceId}`);
    assert.equal(page.status, 200);
    const css = /\/_next\/static\/[^"]+\.css/.exec(html)?.[0];
    assert.ok(css && (await fetch(`${dashboardUrl}${css}`)).status === 200, 'static files are served');

    simulator.child.kill('SIGTERM');
    const stopped = new Promise<number | null>((resolve) => viewer.child.once('exit', (code) => resolve(code)));
    viewer.child.kill('SIGINT');
    assert.equal(await stopped, 0, viewer.output());
    assert.match(viewer.output(), /SIGINT: stopping/);
    await assert.rejects(fetch(dashboardUrl), TypeError, 'the dashboard stopped with the viewer');
  });
});
