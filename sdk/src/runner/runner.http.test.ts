// The runner over real HTTP: openaiCompatible against the simulated model server (its latencies scaled down), with
// the support-desk tools. Covers connection reuse, retries, fault injection and correct answers in both presets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from '../agent/agent.ts';
import { openaiCompatible } from '../provider/index.ts';
import {
  checkAnswer,
  createSupportDeskTools,
  FAULT_HEADER,
  startSimulatedServer,
  supportDeskTasks,
  type SimulatedServer,
} from '@hotpath/simulator';
import { tool, type Tool } from '../tools/tool.ts';
import type { OptimizationsOption } from './optimizations.ts';
import { RunError } from './run-errors.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

const tools: Tool[] = createSupportDeskTools({ latencyScale: 0.02 }).map(
  (desk) =>
    tool({
      name: desk.name,
      description: desk.description,
      parameters: desk.parameters,
      readOnly: desk.readOnly,
      cache: desk.idempotent,
      execute: (args, { signal }) => desk.execute(args, { signal }),
    }),
);
const agent = new Agent({
  name: 'support-desk',
  instructions: 'You are a support-desk assistant. Use the tools to look facts up; answer with the facts.',
  model: 'sim-large',
  tools,
});
const task = supportDeskTasks.find((candidate) => candidate.id === 'lookup-overview-ada')!;

let server: SimulatedServer;
before(async () => {
  server = await startSimulatedServer({ latencyScale: 0.02 });
});
after(async () => {
  await server.close();
});

async function runOver(optimizations: OptimizationsOption, headers: Record<string, string> = {}, input = task.turns[0]!) {
  const provider = openaiCompatible({ baseURL: server.baseURL, headers, retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 } });
  const runner = new Runner({ provider, optimizations });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  try {
    const result = await runner.run(agent, input).catch((error: unknown) => error as Error);
    return { result, events };
  } finally {
    await runner.close();
    await provider.close?.();
  }
}

function recorder(runner: Runner): RunEvent[] {
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  return events;
}

const modelCallEnds = (events: RunEvent[]) => events.flatMap((e) => (e.type === 'model-call-end' ? [e] : []));

describe('runner over HTTP against the simulated model server', { timeout: 30_000 }, () => {
  for (const preset of ['optimized', 'baseline'] as const) {
    it(`answers a support task correctly with the ${preset} preset`, async () => {
      const { result } = await runOver(preset);
      assert.ok(!(result instanceof Error), String(result));
      assert.equal(result.outcome, 'completed');
      assert.deepEqual(checkAnswer(task, result.finalOutput).missing, []);
      assert.ok(result.usage.inputTokens > 0 && result.usage.requests >= 2);
    });
  }

  it('reuses the pooled connection when optimized and opens a fresh one per call in baseline', async () => {
    const optimized = modelCallEnds((await runOver('optimized')).events).map((e) => e.transport?.connection);
    const baseline = modelCallEnds((await runOver('baseline')).events).map((e) => e.transport?.connection);
    assert.ok(optimized.slice(1).every((c) => c === 'reused'), `optimized: ${optimized.join(',')}`);
    assert.ok(baseline.every((c) => c === 'new'), `baseline: ${baseline.join(',')}`);
  });

  it('runs the tool calls of one response in parallel', async () => {
    // Eager start off: with it, these fast tools may each finish while the model still streams the next call.
    const { events } = await runOver({ eagerTools: false });
    const firstEnd = events.findIndex((e) => e.type === 'tool-call-end');
    const startsBefore = events.slice(0, firstEnd).filter((e) => e.type === 'tool-call-start').length;
    assert.ok(startsBefore >= 2, 'several tools started before the first one ended');
  });

  it('starts read-only tools while the response is still streaming when optimized', async () => {
    const { events } = await runOver('optimized');
    const firstCallEnd = events.find((e) => e.type === 'model-call-end')!.time;
    const eager = events.filter((e) => e.type === 'tool-call-start' && e.eager && e.time < firstCallEnd);
    assert.ok(eager.length >= 1);
  });

  it('retries 429 responses and records the retries on the model call', async () => {
    const { result, events } = await runOver('optimized', { [FAULT_HEADER]: 'http-429:2' });
    assert.ok(!(result instanceof Error), String(result));
    assert.equal(modelCallEnds(events)[0]!.transport?.retries, 2);
  });

  it('ends with a RunError carrying the HTTP status when retries are off', async () => {
    const { result, events } = await runOver('baseline', { [FAULT_HEADER]: 'http-500' });
    assert.ok(result instanceof RunError);
    assert.equal((result.cause as { status?: number }).status, 500);
    const end = events.at(-1)!;
    assert.ok(end.type === 'run-end' && end.outcome === 'error' && end.error?.type === '500');
  });

  it('ends with a RunError when the server cuts the stream off', async () => {
    const { result, events } = await runOver({ retries: false }, { [FAULT_HEADER]: 'cut-stream' });
    assert.ok(result instanceof RunError, String(result));
    const end = events.at(-1)!;
    assert.ok(end.type === 'run-end' && end.outcome === 'error');
  });

  for (const fault of ['malformed-tool-json', 'unknown-tool'] as const) {
    it(`shows the model a tool error and goes on when the server sends ${fault}`, async () => {
      const { result, events } = await runOver('optimized', { [FAULT_HEADER]: `${fault}:1` });
      assert.ok(!(result instanceof Error), String(result));
      const errors = events.filter((e) => e.type === 'tool-call-end' && e.isError);
      assert.ok(errors.length >= 1);
      assert.equal(result.outcome, 'completed');
    });
  }

  it('close() leaves the caller\'s provider open: a second runner on it still answers over the pooled connection', async () => {
    const provider = openaiCompatible({ baseURL: server.baseURL });
    try {
      const first = new Runner({ provider });
      await first.run(agent, task.turns[0]!);
      await first.close();
      const second = new Runner({ provider });
      const events = recorder(second);
      const result = await second.run(agent, task.turns[0]!);
      await second.close();
      assert.equal(result.outcome, 'completed');
      assert.equal(modelCallEnds(events)[0]!.transport?.connection, 'reused');
    } finally {
      await provider.close?.();
    }
  });

  it('close({ provider: true }) also closes the provider: its pooled connections are gone and a later call is refused', async () => {
    const provider = openaiCompatible({ baseURL: server.baseURL });
    const runner = new Runner({ provider });
    assert.equal((await runner.run(agent, task.turns[0]!)).outcome, 'completed');
    await runner.close({ provider: true });
    await assert.rejects(new Runner({ provider }).run(agent, task.turns[0]!), /The client is destroyed/);
  });

  it('aborts an HTTP run through its signal with an aborted run-end', async () => {
    const provider = openaiCompatible({ baseURL: server.baseURL });
    const runner = new Runner({ provider });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    const controller = new AbortController();
    runner.subscribe((event) => event.type === 'model-call-start' && controller.abort());
    await assert.rejects(runner.run(agent, task.turns[0]!, { signal: controller.signal }), { name: 'AbortError' });
    await provider.close?.();
    const end = events.at(-1)!;
    assert.ok(end.type === 'run-end' && end.outcome === 'aborted');
  });
});
