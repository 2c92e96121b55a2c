// How much a model call costs on the client side, with the server's own time taken out as far as loopback
// allows: a canned 200-chunk streamed answer served at once by a local server, read through openaiCompatible()
// with the pooled connection and with a fresh connection per call. Prints figures; asserts nothing.
// Run: cd sdk && node --import tsx src/provider/bench/provider-overhead.bench.ts
import { openaiWireFormat } from '../conformance/openai-wire-format.ts';
import { startScriptedHttpServer } from '../conformance/scripted-http-server.ts';
import { openaiCompatible } from '../openai-compatible.ts';

const CALLS = 400;
const WARMUP = 50;
const CHUNKS = 200;

const server = await startScriptedHttpServer();
const provider = openaiCompatible({ baseURL: server.baseURL });
const answer = openaiWireFormat
  .streamEvents({
    id: 'bench',
    model: 'bench',
    text: Array.from({ length: CHUNKS }, (_, n) => `word${n} `),
    usage: { inputTokens: 1000, outputTokens: CHUNKS, cachedInputTokens: 900 },
    finishReason: 'stop',
  })
  .join('');
const request = { model: 'bench', messages: [{ role: 'user' as const, content: 'go' }], tools: [], stream: true };

async function measure(freshConnection: boolean): Promise<{ p50: number; p95: number; cpuPerCall: number; connections: number }> {
  const times: number[] = [];
  const connectionsBefore = server.connections;
  let cpu = { user: 0, system: 0 };
  for (let n = 0; n < WARMUP + CALLS; n++) {
    if (n === WARMUP) cpu = process.cpuUsage();
    server.reply({ headers: openaiWireFormat.streamHeaders, chunks: [answer] });
    const started = performance.now();
    let deltas = 0;
    for await (const event of provider.stream(request, { freshConnection, retry: false })) {
      if (event.type === 'text-delta') deltas++;
    }
    if (deltas !== CHUNKS) throw new Error(`expected ${CHUNKS} deltas, got ${deltas}`);
    if (n >= WARMUP) times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length * 0.5)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
    // Both the client and the in-process server run on this CPU: an upper bound for the client's share.
    cpuPerCall: (used.user + used.system) / 1000 / CALLS,
    connections: server.connections - connectionsBefore,
  };
}

console.log(`openaiCompatible, ${CALLS} calls of ${CHUNKS} streamed chunks each, loopback (no TLS)`);
console.log('mode     p50 ms   p95 ms   cpu ms/call (client+server)   connections');
for (const fresh of [false, true, false, true]) {
  const r = await measure(fresh);
  console.log(
    `${(fresh ? 'fresh' : 'pooled').padEnd(8)} ${r.p50.toFixed(3).padStart(6)}   ${r.p95.toFixed(3).padStart(6)}   ${r.cpuPerCall
      .toFixed(3)
      .padStart(11)}                   ${r.connections}`,
  );
}
await provider.close?.();
await server.close();
