import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from './bench-report.ts';
import { latestJson, writeLatestJson } from './results-json.ts';
import { formatReport } from './results-table.ts';
import { ablationVariant } from './suite-report.ts';
import { suiteRuns, taskRun } from './test-fixtures.ts';

const config = { repetitions: 2, ablationRepetitions: 1, latencyScale: 1, tasks: { 'support-desk': 2, 'held-out': 2 }, command: 'pnpm bench' };
const server = { modelMs: 250.04, cancelledRequests: 3, cancelledInputTokens: 4_500, largeAnswerMs: 120.04 };

function report() {
  return buildReport({
    runs: [...suiteRuns(), ...suiteRuns('held-out').filter((run) => run.variant !== 'optimized'), taskRun({ variant: ablationVariant('draftCascade'), wallMs: 600 })],
    config,
    suites: [
      { suite: 'support-desk', title: 'Support desk', tasks: 2, techniques: ['draftCascade'], server: { 'user-config': server } },
      { suite: 'held-out', title: 'Travel desk', fingerprint: 'sha256:abc', tasks: 2, techniques: [] },
    ],
    traces: [{ suite: 'support-desk', variant: 'optimized', batch: 0, traceId: 'a'.repeat(32) }],
    now: new Date('2026-11-21T06:00:00Z'),
  });
}

describe('latest.json', () => {
  it('keeps issue 5\'s keys for the fitted agent on the support desk', () => {
    const json = latestJson(report());
    assert.deepEqual([json.speedup_p50, json.speedup_total, json.token_ratio], [4, 4, 0.5]);
    assert.deepEqual([json.baseline?.correct, json.baseline?.total, json.optimized?.correct], [4, 4, 4]);
    assert.deepEqual(json.vs_openai_agents, { speedup_total: 2, speedup_p50: 2, token_ratio: 0.556, correct: 4, total: 4 });
    assert.equal(json.generated_at, '2026-11-21T06:00:00.000Z');
    assert.equal(json.traces[0]?.traceId, 'a'.repeat(32));
  });

  it('adds user_config and heldout sections with the same fields, the fair baseline, the ablation and the answers lost', () => {
    const json = latestJson(report());
    for (const section of [json.user_config!, json.heldout!]) {
      assert.equal(section.candidate, 'user-config');
      assert.equal(section.speedup_total, 3);
      assert.equal(section.vs_openai_agents?.speedup_total, 1.5);
      assert.equal(section.vs_baseline_keepalive?.speedup_total, 2.25);
      for (const key of ['baseline', 'baseline_keepalive', 'user_config', 'openai_agents']) assert.ok(key in section, key);
      assert.deepEqual(section.answers_lost, { vs_baseline: [], vs_baseline_keepalive: [], vs_openai_agents: [] });
    }
    assert.equal(json.heldout!.fingerprint, 'sha256:abc');
    assert.equal('optimized' in json.heldout!, false, 'nothing is fitted to the held-out suite');
    assert.equal(json.user_config!.ablation.draftCascade?.speedup_total, 2);
    assert.equal(json.user_config!.ablation.draftCascade?.slowdown_vs_user_config, 1.5);
    const userConfig = json.user_config!.user_config as { wall_ms: { model_server?: number; large_model_answers?: number }; cancelled_requests?: number; speculation: unknown };
    assert.equal(userConfig.wall_ms.model_server, 250);
    assert.equal(userConfig.wall_ms.large_model_answers, 120);
    assert.equal(userConfig.cancelled_requests, 3);
    assert.deepEqual(userConfig.speculation, { started: 0, used: 0, wasted: 0 });
    assert.ok(json.floors.some((floor) => floor.name.startsWith('held-out') && floor.goal === true));
  });

  it('stores the prompt A/B beside user-config, and prints it under the suite\'s tables', () => {
    const compressed = suiteRuns('held-out')
      .filter((run) => run.variant === 'user-config')
      .map((run) => ({ ...run, variant: 'user-config-compressed' }));
    const built = buildReport({
      runs: [...suiteRuns('held-out'), ...compressed],
      config,
      suites: [{ suite: 'held-out', title: 'Travel desk', tasks: 2, techniques: [], promptAbTokensSaved: 310 }],
    });
    const json = latestJson(built);
    assert.deepEqual(json.heldout!.prompt_ab, {
      tokens_saved_per_request: 310,
      compared: 4,
      same_correctness: 4,
      same_text: 4,
      correct: 4,
      total: 4,
      per_batch_ms: json.heldout!.user_config!.wall_ms.per_batch,
      lost: [],
    });
    assert.equal('user_config_compressed' in json.heldout!, false, 'not a main variant');
    assert.match(formatReport(built), /Prompt A\/B .*−310 tokens per request\): same correctness on 4\/4 task runs, identical answer text on 4\/4/);
  });

  it('stores unmeasured ratios as null, since JSON has no NaN', () => {
    const runs = suiteRuns().filter((run) => run.variant === 'baseline' || run.variant === 'user-config');
    const json = latestJson(buildReport({ runs, config, suites: [{ suite: 'support-desk', title: 'x', tasks: 2, techniques: [] }] }));
    assert.equal('speedup_total' in json, false, 'no fitted run, no top-level figures');
    assert.equal('vs_openai_agents' in json.user_config!, false);
    assert.ok(json.floors.some((floor) => floor.actual === null));
    assert.ok(JSON.parse(JSON.stringify(json)));
  });

  it('writes the document through a temporary file and leaves only latest.json behind', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hotpath-bench-'));
    try {
      const path = join(folder, 'results', 'latest.json');
      await writeLatestJson(path, report());
      const written = JSON.parse(await readFile(path, 'utf8'));
      assert.equal(written.heldout.speedup_total, 3);
      assert.deepEqual(await readdir(join(folder, 'results')), ['latest.json']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
