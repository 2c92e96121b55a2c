import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

describe('simulated server CLI', () => {
  it('serves on the port it prints and reports its traffic when stopped', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--latency-scale', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    const baseURL = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const match = output.match(/on (http:\/\/\S+\/v1)/);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const models = (await (await fetch(`${baseURL}/models`)).json()) as { data: { id: string }[] };
    assert.deepEqual(models.data.map((model) => model.id), ['sim-large', 'sim-small']);
    await (await fetch(`${baseURL}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'sim-small', messages: [{ role: 'user', content: 'Hi' }] }) })).json();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    assert.match(output, /served 1 requests/);
  });

  it('refuses a bad option with its usage', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--latency-scale', 'fast'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(errors, /--latency-scale must be a number/);
    assert.match(errors, /usage:/);
  });
});
