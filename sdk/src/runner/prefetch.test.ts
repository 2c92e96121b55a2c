import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import type { OptimizationsOption } from './optimizations.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

function setup(optimizations: OptimizationsOption, askFor: Record<string, unknown>) {
  let executions = 0;
  const profile = tool({
    name: 'get_profile',
    description: 'the user profile',
    parameters: z.object({ userId: z.string() }),
    readOnly: true,
    execute: async ({ userId }) => {
      executions += 1;
      await sleep(10);
      return { userId, plan: 'pro' };
    },
  });
  const agent = new Agent({
    name: 'a',
    instructions: '',
    model: 'm',
    tools: [profile],
    prefetch: (input) => [{ tool: 'get_profile', arguments: { userId: input } }],
  });
  const model = scriptedModel([{ toolCalls: [{ name: 'get_profile', arguments: askFor }], delayMs: 5 }, { text: 'done' }]);
  const runner = new Runner({ provider: model, optimizations });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  return { agent, runner, events, executions: () => executions };
}

describe('prefetch', () => {
  it('starts declared calls at run start and hands the result over when the model asks for the same call', async () => {
    const { agent, runner, events, executions } = setup('optimized', { userId: 'u1' });
    const result = await runner.run(agent, 'u1');
    assert.equal(executions(), 1);
    const start = events.find((e) => e.type === 'tool-call-start');
    const firstModelCall = events.find((e) => e.type === 'model-call-start')!;
    assert.ok(start?.type === 'tool-call-start' && start.prefetched && !start.eager);
    assert.ok(start.time <= firstModelCall.time, 'the prefetch began before the first model call');
    assert.equal(start.toolCall.id, result.steps[0]!.toolCalls[0]!.toolCall.id, 'reported under the model’s call id');
    assert.equal(result.steps[0]!.toolCalls[0]!.prefetched, true);
    assert.equal(result.steps[0]!.toolCalls[0]!.result, '{"userId":"u1","plan":"pro"}');
  });

  it('runs the call normally when the model asks for different arguments, and reports the unused prefetch', async () => {
    const { agent, runner, events, executions } = setup('optimized', { userId: 'someone-else' });
    await runner.run(agent, 'u1');
    assert.equal(executions(), 2);
    const starts = events.flatMap((e) => (e.type === 'tool-call-start' ? [e] : []));
    assert.deepEqual(starts.map((s) => [s.toolCall.id.startsWith('prefetch:'), s.prefetched]).sort(), [[false, false], [true, true]]);
    assert.equal(events.at(-1)!.type, 'run-end', 'the unused prefetch is reported before run-end');
  });

  it('does nothing ahead of time in baseline', async () => {
    const { agent, runner, events, executions } = setup('baseline', { userId: 'u1' });
    await runner.run(agent, 'u1');
    assert.equal(executions(), 1);
    const start = events.find((e) => e.type === 'tool-call-start');
    assert.ok(start?.type === 'tool-call-start' && !start.prefetched);
  });
});
