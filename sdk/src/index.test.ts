import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Agent, HotpathError, Runner, instrument, tool } from './index.ts';
import { createTestTracing, scriptedModel } from './testing/index.ts';

describe('the public entry point', () => {
  it('runs an instrumented agent end to end through the exported names only', async () => {
    const lookup = tool({
      name: 'lookup',
      description: 'Look up a customer by id.',
      parameters: z.object({ id: z.string() }),
      execute: ({ id }) => ({ id, name: 'Ada' }),
    });
    const provider = scriptedModel([
      { toolCalls: [{ name: 'lookup', arguments: { id: 'c1' } }] },
      { text: 'The customer is Ada.' },
    ]);
    const tracing = createTestTracing();
    const runner = new Runner({ provider });
    instrument(runner, { tracerProvider: tracing.tracerProvider });
    const agent = new Agent({ name: 'support', instructions: 'Help.', model: 'm', tools: [lookup] });
    const result = await runner.run(agent, 'Who is c1?');
    assert.equal(result.finalOutput, 'The customer is Ada.');
    const names = tracing.spans().map((span) => span.name).sort();
    assert.deepEqual(names, ['chat m', 'chat m', 'execute_tool lookup', 'invoke_agent support']);
    assert.equal(HotpathError.isInstance(new Error('x')), false);
  });
});
