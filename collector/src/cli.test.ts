import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { exitCodes } from './exit-codes.ts';
import { ingest } from './ingest/ingest.ts';
import { defaultPricing } from './ingest/pricing.ts';
import { decodeJsonTraces } from './otlp/decode-json.ts';
import { openDatabase } from './storage/open-database.ts';
import { createSpanWriter } from './storage/span-writer.ts';
import { newId, otlpJson } from './testing/otlp-request.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-cli-'));
  dirs.push(dir);
  return dir;
}

/** A real collector database with a few hundred spans, closed (so everything is in the main file). */
function storedDatabase(): string {
  const path = join(tempDir(), 'hotpath.sqlite');
  const database = openDatabase(path);
  const writer = createSpanWriter(database);
  for (let batch = 0; batch < 20; batch++) {
    const traceId = newId(16);
    const spans = Array.from({ length: 20 }, (_, index) => ({ traceId, spanId: newId(8), name: `span ${index} ${'x'.repeat(200)}`, startMs: index, endMs: index + 1 }));
    ingest(writer, decodeJsonTraces(JSON.stringify(otlpJson(spans))), { pricing: defaultPricing });
  }
  database.close();
  return path;
}

/** Overwrites `bytes` bytes at `offset` with garbage. */
function scribble(path: string, offset: number, bytes: number): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(bytes, 0xa5), 0, bytes, offset);
  closeSync(fd);
}

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs the CLI until it exits (or is stopped after `timeoutMs`): exit code and what it wrote to stderr. */
export function runCli(
  args: string[],
  options: { uid?: number; gid?: number; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      uid: options.uid,
      gid: options.gid,
      env: { ...process.env, ...options.env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('collector command line failures', () => {
  it('says the database folder cannot be written and exits 11', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(data);
    chmodSync(dir, 0o755);
    chmodSync(data, 0o555);
    // root writes anywhere: run as nobody then, for whom the folder is read-only as for any user, with a temp folder
    // of its own for tsx's cache (the run's TMPDIR belongs to root).
    const scratch = join(dir, 'scratch');
    mkdirSync(scratch);
    chmodSync(scratch, 0o777);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534, env: { TMPDIR: scratch } } : {};
    const { code, stderr } = await runCli(['--port', '0', '--data-dir', data], asUser);
    assert.equal(code, exitCodes.storageNotWritable, stderr);
    assert.match(stderr, new RegExp(`database ${join(data, 'hotpath.sqlite')} cannot be written \\(a read-only file or folder`));
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });

  it('says a file is not a database and exits 12, also when only its header is damaged', async () => {
    const other = join(tempDir(), 'notes.txt');
    writeFileSync(other, 'shopping list: eggs, milk, '.repeat(400));
    const damagedHeader = storedDatabase();
    scribble(damagedHeader, 0, 16);
    for (const path of [other, damagedHeader]) {
      const { code, stderr } = await runCli(['--port', '0', '--db', path]);
      assert.equal(code, exitCodes.notADatabase, stderr);
      assert.match(stderr, new RegExp(`database ${path} is not a SQLite database`));
    }
  });

  it('finds a damaged page or a truncated file before serving, and exits 13 saying how to recover', async () => {
    const damagedPage = storedDatabase();
    scribble(damagedPage, 4096 * 49, 4096);
    const truncated = storedDatabase();
    truncateSync(truncated, Math.floor(statSync(truncated).size * 0.6));
    for (const path of [damagedPage, truncated]) {
      const { code, stderr } = await runCli(['--port', '0', '--db', path]);
      assert.equal(code, exitCodes.corrupt, stderr);
      assert.match(stderr, new RegExp(`database ${path} is damaged \\(.+\\): .*\\.recover`));
    }
  });

  it('says another process holds the database and exits 14', async () => {
    const path = storedDatabase();
    const holder = new Database(path);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const { code, stderr } = await runCli(['--port', '0', '--db', path]);
      assert.equal(code, exitCodes.locked, stderr);
      assert.match(stderr, new RegExp(`database ${path} is locked by another process`));
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('says the port is taken and exits with its own code', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const { code, stderr } = await runCli(['--port', String(port), '--db', ':memory:']);
      assert.equal(code, exitCodes.portUnavailable);
      assert.match(stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use by another process`));
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    } finally {
      blocker.close();
    }
  });
});
