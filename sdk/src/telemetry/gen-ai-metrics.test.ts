// The GenAI client metrics of real runs and provider calls, read back from an OpenTelemetry MeterProvider.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metrics as metricsApi } from '@opentelemetry/api';
import { MeterProvider, MetricReader, type HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { Agent } from '../agent/index.ts';
import { Runner } from '../runner/index.ts';
import { scriptedModel } from '../testing/index.ts';
import { instrument } from './instrument.ts';
import { TelemetryError } from './telemetry-error.ts';

/** Collects on demand (a test has no export interval to wait for). */
class OnDemandReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

function meter() {
  const reader = new OnDemandReader();
  const provider = new MeterProvider({ readers: [reader] });
  /** Every data point of a histogram, as { attributes, count, sum }. */
  const points = async (name: string) => {
    const { resourceMetrics } = await reader.collect();
    const metric = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics).find((m) => m.descriptor.name === name) as HistogramMetricData | undefined;
    return (metric?.dataPoints ?? []).map((point) => ({ attributes: point.attributes, count: point.value.count, sum: point.value.sum ?? Number.NaN }));
  };
  return { provider, points, unit: async (name: string) => (await reader.collect()).resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name)?.descriptor.unit };
}

const desk = new Agent({ name: 'desk', instructions: 'Answer.', model: 'sim-large' });

describe('GenAI client metrics', () => {
  it('record duration, input and output tokens and time to first chunk for each model call of a run', async () => {
    const { provider, points, unit } = meter();
    const model = scriptedModel([{ text: 'Shipped on Monday.', chunkSize: 4, chunkDelayMs: 2, usage: { inputTokens: 1200, outputTokens: 40 } }]);
    const result = await instrument(new Runner({ provider: model }), { meterProvider: provider }).run(desk, 'Where is A1?');
    const common = { 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': model.provider, 'gen_ai.request.model': 'sim-large' };

    const durations = await points('gen_ai.client.operation.duration');
    assert.equal(durations.length, 1);
    assert.deepEqual(Object.fromEntries(Object.entries(durations[0]!.attributes).filter(([key]) => key in common)), common);
    assert.equal(durations[0]!.count, 1);
    assert.ok(durations[0]!.sum > 0 && durations[0]!.sum < 5, `seconds, not milliseconds: ${durations[0]!.sum}`);
    assert.equal(await unit('gen_ai.client.operation.duration'), 's');

    const tokens = await points('gen_ai.client.token.usage');
    const byType = Object.fromEntries(tokens.map((point) => [point.attributes['gen_ai.token.type'], point.sum]));
    assert.deepEqual(byType, { input: result.usage.inputTokens, output: result.usage.outputTokens });
    assert.deepEqual(byType, { input: 1200, output: 40 });
    assert.equal(await unit('gen_ai.client.token.usage'), '{token}');

    const firstChunk = await points('gen_ai.client.operation.time_to_first_chunk');
    assert.equal(firstChunk.length, 1, 'the runner streams by default');
    assert.ok(firstChunk[0]!.sum <= durations[0]!.sum);
  });

  it('mark a failed call with error.type and report no token usage for it', async () => {
    const { provider, points } = meter();
    const model = scriptedModel([{ error: { status: 503, message: 'overloaded' } }]);
    const runner = instrument(new Runner({ provider: model, optimizations: { retries: false } }), { meterProvider: provider });
    await assert.rejects(runner.run(desk, 'Where is A1?'));
    const durations = await points('gen_ai.client.operation.duration');
    assert.equal(durations.length, 1);
    assert.equal(durations[0]!.attributes['error.type'], '503');
    assert.deepEqual(await points('gen_ai.client.token.usage'), []);
  });

  it('come from an instrumented provider too, and from a global provider registered after instrument()', async () => {
    const { provider, points } = meter();
    const model = instrument(scriptedModel([{ text: 'ok', usage: { inputTokens: 10, outputTokens: 2 } }]));
    metricsApi.setGlobalMeterProvider(provider);
    try {
      for await (const event of model.stream({ model: 'sim-small', messages: [{ role: 'user', content: 'hi' }], tools: [], stream: false })) void event;
    } finally {
      metricsApi.disable();
    }
    const durations = await points('gen_ai.client.operation.duration');
    assert.equal(durations.length, 1);
    assert.equal(durations[0]!.attributes['gen_ai.request.model'], 'sim-small');
    assert.deepEqual(await points('gen_ai.client.operation.time_to_first_chunk'), [], 'not a streamed call');
    assert.equal((await points('gen_ai.client.token.usage')).reduce((sum, point) => sum + point.sum, 0), 12);
  });

  it('refuse a meterProvider that is not one', () => {
    assert.throws(() => instrument(new Runner({ provider: scriptedModel([]) }), { meterProvider: {} as never }), TelemetryError);
  });
});
