import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ablationVariant, buildReport } from './bench-report.ts';
import { latestJson, writeLatestJson } from './results-json.ts';
import { taskRun, threeVariantRuns } from './test-fixtures.ts';

const config = { repetitions: 2, ablationRepetitions: 1, latencyScale: 1, tasks: 2, command: 'pnpm bench' };

function report() {
  return buildReport({
    runs: [...threeVariantRuns(), taskRun({ variant: ablationVariant('parallelTools'), wallMs: 600 })],
    config,
    techniques: ['parallelTools'],
    traces: [{ variant: 'optimized', batch: 0, traceId: 'a'.repeat(32) }],
    modelTimeMs: { optimized: 250.04 },
    now: new Date('2026-11-21T06:00:00Z'),
  });
}

describe('latest.json', () => {
  it('carries every key issue 5 names, with the figures of the run', () => {
    const json = latestJson(report());
    assert.equal(json.speedup_p50, 4);
    assert.equal(json.speedup_total, 4);
    assert.equal(json.token_ratio, 0.5);
    assert.deepEqual([json.baseline.correct, json.baseline.total], [4, 4]);
    assert.deepEqual([json.optimized.correct, json.optimized.total], [4, 4]);
    assert.equal(json.ablation.parallelTools?.speedup_total, 2); // 1,200 ms per pass ÷ 600 ms
    assert.deepEqual(json.vs_openai_agents, { speedup_total: 2, speedup_p50: 2, token_ratio: 0.556, correct: 4, total: 4 });
    assert.equal(json.generated_at, '2026-11-21T06:00:00.000Z');
    assert.equal(json.floors.length, 6);
    assert.equal(json.traces[0]?.traceId, 'a'.repeat(32));
    assert.equal(json.optimized.wall_ms.model_server, 250);
    assert.equal('model_server' in json.baseline.wall_ms, false);
  });

  it('stores unmeasured ratios as null, since JSON has no NaN', () => {
    const runs = threeVariantRuns().filter((run) => run.variant === 'baseline');
    const json = latestJson(buildReport({ runs, config, techniques: [] }));
    assert.equal(json.speedup_total, null);
    assert.equal(json.speedup_p50, null);
    assert.equal('vs_openai_agents' in json, false);
    assert.ok(JSON.parse(JSON.stringify(json)));
  });

  it('writes the document through a temporary file and leaves only latest.json behind', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hotpath-bench-'));
    try {
      const path = join(folder, 'results', 'latest.json');
      await writeLatestJson(path, report());
      const written = JSON.parse(await readFile(path, 'utf8'));
      assert.equal(written.speedup_total, 4);
      assert.deepEqual(await readdir(join(folder, 'results')), ['latest.json']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
