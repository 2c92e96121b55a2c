// Prints what a routing decision costs per step: a rule router decided synchronously, one awaiting an async
// classifier, and a cascade's route plus its check. Figures only; nothing is asserted.
// Run (inside sdk/): node --import tsx src/routing/bench/routing.bench.ts
import { performance } from 'node:perf_hooks';
import type { RouteContext } from '../model-router.ts';
import { cascade } from '../cascade.ts';
import { router } from '../router.ts';

const context: RouteContext = {
  agentName: 'support',
  step: 2,
  stepKind: 'after-tools',
  input: 'Where is order A-1042?',
  messages: [{ role: 'user', content: 'Where is order A-1042?' }],
  estimatedInputTokens: 1800,
  toolNames: ['get_order', 'get_shipment'],
};
const models = ['sim-small', 'sim-large'];
const rules = router({
  models,
  classify: () => 'easy',
  rules: [
    { inputTokens: { atLeast: 12_000 }, model: 'sim-large' },
    { stepKind: 'final', model: 'sim-large' },
    { classifier: 'hard', model: 'sim-large' },
    { classifier: 'easy', model: 'sim-small' },
  ],
});
const asyncRules = router({ models, classify: async () => 'easy', rules: [{ classifier: 'easy', model: 'sim-small' }] });
const chain = cascade({ models, check: (output) => /A-\d{4}/.test(output.content ?? '') });
const output = { role: 'assistant' as const, content: 'Order A-1042 shipped.' };

async function measure(name: string, run: () => unknown): Promise<void> {
  const iterations = 20_000;
  for (let index = 0; index < 2000; index++) await run();
  const start = performance.now();
  for (let index = 0; index < iterations; index++) await run();
  console.log(`${name.padEnd(44)} ${(((performance.now() - start) / iterations) * 1000).toFixed(2).padStart(7)} µs per step`);
}

await measure('router, sync rules and classifier', () => rules.route(context));
await measure('router, async classifier', () => asyncRules.route(context));
await measure('cascade route + escalate check', async () => chain.escalate!(output, context, await chain.route(context)));
