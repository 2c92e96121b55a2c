// The render benchmark's checks at a reduced size, so `npm test` catches a regression of what issue 14 fixed (a big
// trace that opens slowly or not at all, a list sort that scans, a live trace that stutters): a 20,000-span trace, a
// list of 3,000 traces over a week, a live trace at 1,000 spans/s for 5 s, against relaxed floors (the full sizes and
// floors: `npm run bench:render`). Figures are printed either way.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureLiveTrace } from '../bench/live-figures.ts';
import { missedFloors, REDUCED_FLOORS } from '../bench/render-floors.ts';
import { measureTraceList } from '../bench/trace-list-figures.ts';
import { measureWaterfall } from '../bench/waterfall-figures.ts';
import { agentShapedTrace, postAll } from '../src/fixtures/otlp-json-batches.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';

interface InProcessCollector {
  url: string;
  close(): Promise<void>;
}

let stack: Stack;

describe('render floors at a reduced size', () => {
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.close());

  it('opens a 20,000-span trace fast, jumps to its end and scrolls it smoothly', async () => {
    const trace = agentShapedTrace(20_000, Date.now() - 3_600_000);
    await postAll(stack.collectorUrl, trace.bodies, 2);
    const big = await measureWaterfall(stack, trace.traceId, 20_000);
    console.log(`20,000 spans: first rows ${big.firstRowsMs.toFixed(0)} ms, all loaded ${big.allLoadedMs.toFixed(0)} ms, jump to end ${big.jumpToEndMs.toFixed(1)} ms, frame p50 ${big.frameP50Ms.toFixed(1)} ms, heap ${big.heapMb.toFixed(0)} MB`);
    assert.deepEqual(missedFloors(REDUCED_FLOORS, { big }), []);
  });

  it('answers every sort, filter and search of 3,000 traces, and the week aggregates, within the relaxed floors', async () => {
    const specifier: string = '@hotpath/collector';
    const dataDir = mkdtempSync(join(tmpdir(), 'hotpath-e2e-list-'));
    const collector = await ((await import(specifier)) as { startCollector(options: object): Promise<InProcessCollector> }).startCollector({ port: 0, dataDir });
    try {
      const list = await measureTraceList(collector.url, 3_000);
      const slowest = [...list.list, ...list.aggregates].sort((a, b) => b.ms - a.ms)[0]!;
      console.log(`3,000 traces: ${list.list.length} list queries and ${list.aggregates.length} aggregates, slowest ${slowest.name} ${slowest.ms.toFixed(0)} ms`);
      assert.deepEqual(missedFloors(REDUCED_FLOORS, { list }), []);
    } finally {
      await collector.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps a trace receiving 1,000 spans a second responsive and shows every span', async () => {
    const live = await measureLiveTrace(stack, { spansPerSecond: 1_000, seconds: 5 });
    console.log(`live at 1,000 spans/s: frame p50 ${live.frameP50Ms.toFixed(1)} ms, p95 ${live.frameP95Ms.toFixed(1)} ms, all ${live.spans} shown ${live.allShownMs} ms after the last batch`);
    assert.deepEqual(missedFloors(REDUCED_FLOORS, { live }), []);
  });
});
