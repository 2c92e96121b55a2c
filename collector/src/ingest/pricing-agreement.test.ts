// One price table for the SDK and the collector: a run's RunResult.usage.costUsd and the cost the collector stores
// for the same run's spans (what the dashboard shows) are the same figure.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Agent, instrument, openaiCompatible, Runner } from '@hotpath/sdk';
import { setup } from '@hotpath/sdk/otel';
import { startSimulatedServer } from '@hotpath/simulator';
import { startCollector } from '../start-collector.ts';

type Started = Awaited<ReturnType<typeof startCollector>>;
let collector: Started;
let simulator: Awaited<ReturnType<typeof startSimulatedServer>>;
let dataDir: string;

describe('pricing agreement', () => {
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hotpath-pricing-'));
    collector = await startCollector({ port: 0, dataDir });
    simulator = await startSimulatedServer({ port: 0 });
  });
  after(async () => {
    await simulator?.close();
    await collector?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("gives a run the cost the collector stores for its spans, with the SDK's default table", async () => {
    const shutdown = await setup({ endpoint: collector.url, serviceName: 'pricing-agreement' });
    const provider = openaiCompatible({ baseURL: simulator.baseURL, apiKey: 'sk-simulated' });
    const runner = instrument(new Runner({ provider }));
    const agent = new Agent({ name: 'pricing-check', instructions: 'Answer briefly.', model: 'sim-large' });
    const result = await runner.run(agent, 'What is our refund policy for damaged items?');
    await shutdown();
    await provider.close?.();
    assert.ok(result.usage.costUsd > 0, `the SDK prices the run (${result.usage.costUsd})`);
    const { traces } = (await (await fetch(`${collector.url}/api/traces?limit=5`)).json()) as { traces: { costUsd: number | null }[] };
    assert.equal(traces.length, 1);
    assert.ok(Math.abs(traces[0]!.costUsd! - result.usage.costUsd) < 1e-12, `collector ${traces[0]!.costUsd} vs SDK ${result.usage.costUsd}`);
  });
});
