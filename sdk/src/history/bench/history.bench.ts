// Prints what history management costs per model call: the token estimate, the no-op check under budget (paid on
// every step), and a masking condensation (no model call). Figures only; nothing is asserted.
// Run (inside sdk/): node --import tsx src/history/bench/history.bench.ts
import { performance } from 'node:perf_hooks';
import type { Message } from '../../messages.ts';
import { condenseHistory } from '../condense-history.ts';
import { estimateTokens } from '../estimate-tokens.ts';

function session(turns: number): Message[] {
  const messages: Message[] = [];
  for (let index = 0; index < turns; index++) {
    const id = `call_${index}`;
    messages.push(
      { role: 'user', content: `Where is order A-${1000 + index} and when will it arrive?` },
      { role: 'assistant', content: null, toolCalls: [{ id, name: 'get_order', arguments: `{"orderId":"A-${1000 + index}"}` }] },
      {
        role: 'tool',
        toolCallId: id,
        toolName: 'get_order',
        content: JSON.stringify({ id: `A-${1000 + index}`, total: 42.5, status: 'shipped', log: 'scan '.repeat(300) }),
      },
      { role: 'assistant', content: `Order A-${1000 + index} shipped and arrives on 2026-03-0${index % 9 + 1}.` },
    );
  }
  return messages;
}

async function measure(name: string, iterations: number, run: () => unknown): Promise<void> {
  for (let index = 0; index < Math.min(200, iterations); index++) await run();
  const times: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => `${(times[Math.floor(q * (times.length - 1))]! * 1000).toFixed(1)} µs`;
  console.log(`${name.padEnd(52)} p50 ${at(0.5).padStart(10)}   p95 ${at(0.95).padStart(10)}`);
}

const noSummary = async () => 'unused';
for (const turns of [10, 50]) {
  const history = session(turns);
  const tokens = estimateTokens(history);
  console.log(`\n${history.length} messages, ${tokens.toLocaleString('en-US')} estimated tokens`);
  await measure('estimateTokens', 2000, () => estimateTokens(history));
  await measure('condenseHistory under budget (the per-step cost)', 2000, () =>
    condenseHistory(history, { maxInputTokens: tokens + 1 }, noSummary));
  await measure('condenseHistory masking to half the budget', 500, () =>
    condenseHistory(history, { maxInputTokens: Math.floor(tokens * 0.9), keepRecentMessages: 4 }, noSummary));
}
