// The demo against an OpenAI-compatible server that is not Hotpath's simulator, run as a user runs it (a process):
// one model for both roles, a model the server does not have, and a server that refuses every chat.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@hotpath/dashboard/launcher';
import { startFixedReplyServer, type FixedReplyServer } from './fixed-reply-server.test-support.ts';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
let dataDir: string;
let answering: FixedReplyServer;
let refusing: FixedReplyServer;

async function demo(baseURL: string, models: [string, string]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = ['--exit', '--no-dashboard', '--tasks', 'lookup-overview-ada', '--collector-port', String(await freePort()), '--data-dir', dataDir];
  const child = spawn(process.execPath, ['--conditions=@hotpath/source', '--import', 'tsx', main, ...args, '--model-small', models[0], '--model-large', models[1]], {
    env: { ...process.env, OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: 'not-checked' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
  return { code, stdout, stderr };
}

describe('the demo against a real OpenAI-compatible endpoint', { concurrency: true }, () => {
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hotpath-demo-real-'));
    answering = await startFixedReplyServer({ model: 'only-model', reply: 'Sorry, I cannot look that up right now.' });
    refusing = await startFixedReplyServer({ model: 'only-model', reply: '', refuseChats: 'This model is overloaded, try later.' });
  });
  after(async () => {
    await answering?.close();
    await refusing?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs both variants when the server offers one model for both roles', async () => {
    const { code, stdout, stderr } = await demo(answering.baseURL, ['only-model', 'only-model']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /models +http:\/\/127\.0\.0\.1:\d+\/v1 \(only-model for every step\)/);
    assert.match(stdout, /correct answers 0\/1 vs 0\/1/, 'the fixed reply answers nothing right, and the demo says so');
    assert.doesNotMatch(stdout, /NaN|simulated model server/);
    assert.match(stdout, /browse these runs later: npm run serve -- --data-dir /);
    assert.ok(answering.requests >= 2);
  });

  it('names a model the server does not have before any server starts', async () => {
    const { code, stdout, stderr } = await demo(answering.baseURL, ['only-model', 'gpt-9']);
    assert.equal(code, 1);
    assert.match(stderr, /^demo failed: the model endpoint http:\/\/127\.0\.0\.1:\d+\/v1 does not serve gpt-9 \(it serves only-model\)/);
    assert.doesNotMatch(stdout, /collector +http/, 'nothing started');
  });

  it('exits non-zero with the first error when every task run fails, and prints no figures', async () => {
    const { code, stdout, stderr } = await demo(refusing.baseURL, ['only-model', 'only-model']);
    assert.equal(code, 1);
    assert.match(stderr, /every baseline task run failed \(1 of 1\), so there is nothing to compare; the first error: .*This model is overloaded, try later\./);
    assert.doesNotMatch(stdout + stderr, /NaN|faster in total/);
  });
});
