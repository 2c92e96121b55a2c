// The export path end to end: the SDK's setup() and instrument() sending OTLP/HTTP (JSON encoding, chosen through
// the standard environment variable) to a real local HTTP receiver.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCollectorExport } from './collector-export.ts';
import { openaiAgentsExecutor } from './openai-agents-executor.ts';
import { Agent, createSupportDeskTools, Runner, scriptedModel, startSimulatedServer, supportDeskTasks } from './sdk.ts';
import { SUPPORT_DESK_INSTRUCTIONS } from './support-agent.ts';

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
const value = (any: AnyValue) => any.stringValue ?? (any.intValue !== undefined ? Number(any.intValue) : (any.boolValue ?? any.doubleValue));

describe('startCollectorExport', () => {
  let server: Server;
  let url: string;
  const spans: ReceivedSpan[] = [];
  before(async () => {
    process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL = 'http/json';
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method === 'POST' && request.url === '/v1/traces') {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          for (const resource of body.resourceSpans ?? []) {
            for (const scope of resource.scopeSpans ?? []) {
              for (const span of scope.spans ?? []) {
                const attributes = Object.fromEntries((span.attributes ?? []).map((a: { key: string; value: AnyValue }) => [a.key, value(a.value)]));
                spans.push({ traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId || undefined, name: span.name, attributes });
              }
            }
          }
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL;
    server.close();
  });

  it('exports one trace per batch with the workload attributes, task runs nested under it', async () => {
    const exporter = await startCollectorExport(url);
    const runner = new Runner({ provider: scriptedModel([{ text: 'Order O-1 has shipped.' }]) });
    exporter.instrumentRunner(runner);
    const agent = new Agent({ name: 'support-desk', instructions: 'Answer.', model: 'sim-small' });
    const batchAttributes = { 'hotpath.workload.variant': 'optimized', 'hotpath.workload.batch': 0 };
    await exporter.wrapBatch({ variant: 'optimized', batch: 0, attributes: batchAttributes }, async () => {
      await runner.run(agent, 'Where is O-1?', { attributes: { ...batchAttributes, 'hotpath.workload.task': 'hotpath-task' } });
      await exporter.instrumentTurn({ ...batchAttributes, 'hotpath.workload.task': 'peer-task' }, async () => 'peer answer');
      return [];
    });
    const stats = await exporter.shutdown();

    assert.equal(exporter.traces.length, 1);
    const [{ variant, batch, traceId }] = exporter.traces as [{ variant: string; batch: number; traceId: string }];
    assert.deepEqual([variant, batch], ['optimized', 0]);
    assert.match(traceId, /^[0-9a-f]{32}$/);
    assert.equal(stats.exportedSpans, spans.length);
    assert.equal(stats.failedSpans, 0);
    assert.ok(spans.every((span) => span.traceId === traceId), 'every span is in the batch trace');

    const root = spans.find((span) => span.name === 'invoke_agent workload');
    assert.ok(root && root.parentSpanId === undefined);
    assert.equal(root.attributes['hotpath.workload.variant'], 'optimized');
    assert.equal(root.attributes['hotpath.workload.batch'], 0);
    const tasks = spans.filter((span) => span.name === 'invoke_agent support-desk');
    assert.deepEqual(tasks.map((span) => span.attributes['hotpath.workload.task']).sort(), ['hotpath-task', 'peer-task']);
    for (const task of tasks) assert.equal(task.parentSpanId, root.spanId);
    const chat = spans.find((span) => span.name === 'chat sim-small');
    assert.equal(chat?.parentSpanId, tasks.find((span) => span.attributes['hotpath.workload.task'] === 'hotpath-task')?.spanId);
  });

  it('sends @openai/agents\' own model and tool spans inside the peer\'s turn once asked to', async () => {
    const simulated = await startSimulatedServer({ port: 0, latencyScale: 0.01 });
    try {
      const exporter = await startCollectorExport(url);
      exporter.instrumentOpenAIAgents();
      const peer = openaiAgentsExecutor({
        baseURL: simulated.baseURL,
        instructions: SUPPORT_DESK_INSTRUCTIONS,
        tools: createSupportDeskTools({ latencyScale: 0.01 }),
        model: 'sim-large',
        traced: true,
        wrapTurn: (attributes, turn) => exporter.instrumentTurn(attributes, turn),
      });
      const task = supportDeskTasks.find((candidate) => candidate.id === 'chain-where-O-5002')!;
      const attributes = { 'hotpath.workload.variant': 'openai-agents', 'hotpath.workload.batch': 0 };
      await exporter.wrapBatch({ variant: 'openai-agents', batch: 0, attributes }, async () => {
        await peer.runTask(task, { ...attributes, 'hotpath.workload.task': task.id });
        return [];
      });
      await exporter.shutdown();

      const traceId = exporter.traces[0]!.traceId;
      const mine = spans.filter((span) => span.traceId === traceId);
      const turn = mine.find((span) => span.attributes['hotpath.workload.task'] === task.id)!;
      const workflow = mine.find((span) => span.name.startsWith('invoke_workflow'));
      assert.equal(workflow?.parentSpanId, turn.spanId, 'the SDK\'s run nests under the turn');
      const names = mine.map((span) => span.name);
      assert.ok(names.some((name) => name.startsWith('chat')), names.join(', '));
      assert.ok(names.includes('execute_tool get_order'), names.join(', '));
    } finally {
      await simulated.close();
    }
  });
});
