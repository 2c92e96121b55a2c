// The README's "Wrap your own agent" example, run for real against the simulated model server (models renamed to
// the simulated ones, the tool's HTTP call replaced by the workload's order lookup), so the README stays true.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Agent, Runner, instrument, openaiCompatible, router, tool } from './index.ts';
import { createTestTracing } from './testing/index.ts';
import { createSupportDeskTools, startSimulatedServer } from '@hotpath/simulator';

describe('the README example', () => {
  it('runs an instrumented, routed, cached agent and produces its trace', async () => {
    const server = await startSimulatedServer({ port: 0, latencyScale: 0.02 });
    const lookup = createSupportDeskTools({ latencyScale: 0.02 }).find((candidate) => candidate.name === 'get_order')!;
    const tracing = createTestTracing();
    try {
      const getOrder = tool({
        name: 'get_order',
        description: lookup.description,
        parameters: z.object({ orderId: z.string() }),
        execute: async ({ orderId }, { signal }) => lookup.execute({ orderId }, { signal }),
        cache: { ttlMs: 60_000 },
        readOnly: true,
        timeoutMs: 2_000,
      });
      const agent = new Agent({
        name: 'support',
        instructions: 'Answer with the facts you find.',
        tools: [getOrder],
        model: router({ models: ['sim-small', 'sim-large'], defaultModel: 'sim-large', rules: [{ stepKind: 'first', model: 'sim-small' }] }),
      });
      const provider = openaiCompatible({ baseURL: server.baseURL, apiKey: 'sk-test' });
      const runner = instrument(new Runner({ provider }), { tracerProvider: tracing.tracerProvider });
      const { finalOutput, usage } = await runner.run(agent, 'What is the status of order O-5002?');
      assert.match(finalOutput, /O-5002/);
      assert.ok(usage.byModel['sim-small'], 'the first step went to the small model');
      const names = tracing.spans().map((span) => span.name);
      assert.ok(names.includes('invoke_agent support') && names.includes('execute_tool get_order'), names.join(', '));
      await provider.close?.();
    } finally {
      await server.close();
    }
  });
});
