import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import type { OptimizationsOption } from './optimizations.ts';
import { Runner } from './runner.ts';

const make = (name: string) => tool({ name, description: name, parameters: z.object({}), execute: () => name });
let clock = 0;
const agent = new Agent({
  name: 'a',
  instructions: 'Stable instructions.',
  context: () => `Request number ${++clock}.`,
  model: 'm',
  tools: [make('zeta'), make('alpha'), make('mid')],
});

async function twoRuns(optimizations: OptimizationsOption) {
  const model = scriptedModel(() => ({ text: 'ok' }));
  const runner = new Runner({ provider: model, optimizations });
  const first = await runner.run(agent, 'first question');
  const second = await runner.run(agent, 'second question', { history: first.history });
  return { model, second };
}

describe('prompt-cache-friendly layout', () => {
  it('puts stable instructions first, tools sorted, and per-run context after the history', async () => {
    const { model, second } = await twoRuns('optimized');
    const [a, b] = model.calls.map((call) => call.request);
    assert.deepEqual(a!.tools.map((t) => t.name), ['alpha', 'mid', 'zeta']);
    assert.equal(a!.messages[0]!.content, 'Stable instructions.');
    assert.deepEqual(b!.messages.slice(0, a!.messages.length), a!.messages, 'the second request extends the first one');
    assert.match(b!.messages.at(-1)!.content as string, /<context>\nRequest number \d+\.\n<\/context>\n\nsecond question/);
    assert.ok(second.usage.cachedInputTokens > 0, 'the prefix cache served part of the second request');
  });

  it('puts the context into the system message and keeps declared tool order when switched off', async () => {
    const { model, second } = await twoRuns({ promptCacheLayout: false });
    const [a, b] = model.calls.map((call) => call.request);
    assert.deepEqual(a!.tools.map((t) => t.name), ['zeta', 'alpha', 'mid']);
    assert.match(a!.messages[0]!.content as string, /^Stable instructions\.\n\nRequest number \d+\.$/);
    assert.notEqual(a!.messages[0]!.content, b!.messages[0]!.content, 'the system message changes every run');
    assert.equal(b!.messages.at(-1)!.content, 'second question');
    assert.equal(second.usage.cachedInputTokens, 0);
  });
});
