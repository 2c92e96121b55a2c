import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from './bench-report.ts';
import { ablationVariant } from './suite-report.ts';
import { formatReport, variantTable } from './results-table.ts';
import { suiteRuns, taskRun } from './test-fixtures.ts';
import { textTable } from './text-table.ts';

const config = { repetitions: 2, ablationRepetitions: 1, latencyScale: 1, tasks: { 'support-desk': 2 }, command: 'pnpm bench' };

describe('textTable', () => {
  it('pads every column to its widest cell, first column left and the rest right', () => {
    assert.equal(
      textTable(['metric', 'a'], [['p50', '12 ms'], ['total', '1 s']]),
      ['| metric |     a |', '| :----- | ----: |', '| p50    | 12 ms |', '| total  |   1 s |'].join('\n'),
    );
  });

  it('rejects a row with the wrong number of cells', () => {
    assert.throws(() => textTable(['a', 'b'], [['only one']]), RangeError);
  });
});

describe('the benchmark printout', () => {
  const deskOnly = (runs = suiteRuns(), techniques: string[] = []) =>
    buildReport({ runs, config, suites: [{ suite: 'support-desk', title: 'Support-desk suite', tasks: 2, techniques }] });

  it('has one column per variant and one request row per model', () => {
    const [suite] = deskOnly().suites;
    const table = variantTable(suite!.variants);
    const lines = table.split('\n');
    assert.match(lines[0]!, /baseline \| +baseline-keepalive \| +optimized \| +user-config \| +openai-agents \|$/);
    assert.match(table, /\| wall-clock p50 per task +\| +600 ms \| +450 ms \| +150 ms \| +200 ms \| +300 ms \|/);
    assert.match(table, /\| correct answers +\| +4\/4 \| +4\/4 \| +4\/4 \| +4\/4 \| +4\/4 \|/);
    assert.doesNotMatch(table, /waiting on the model server|speculative|cancelled/);
  });

  it('shows the model server\'s share, cancelled requests and speculative calls when there are some', () => {
    const runs = suiteRuns().map((run) => (run.variant === 'user-config' ? { ...run, speculation: { started: 3, used: 2, wasted: 1 } } : run));
    const [suite] = deskOnly(runs).suites;
    const table = variantTable(suite!.variants, { baseline: 1_800, 'user-config': { modelMs: 300, cancelledRequests: 2, cancelledInputTokens: 3_000, largeAnswerMs: 200 } });
    assert.match(table, /\| of which waiting on the model server +\| +1\.8 s \(75%\) \| +n\/a \| +n\/a \| +0\.3 s \(38%\) \| +n\/a \|/);
    assert.match(table, /\| of which final answers on the large model +\| +n\/a \| +n\/a \| +n\/a \| +0\.2 s \(25%\) \| +n\/a \|/);
    const report = deskOnly(suiteRuns());
    report.suites[0]!.server['openai-agents'] = { modelMs: 1_000, cancelledRequests: 0, cancelledInputTokens: 0, largeAnswerMs: 300 };
    const peer = report.suites[0]!.variants.find((summary) => summary.variant === 'openai-agents')!;
    assert.match(formatReport(report), new RegExp(`at most ${(peer.batchTotalMs / 150).toFixed(2)}× faster than it`));
    assert.match(table, /\| requests cancelled \(their input tokens\) +\| +0 \(0\) \| +n\/a \| +n\/a \| +2 \(3,000\) \| +n\/a \|/);
    assert.match(table, /\| speculative tool calls: used \/ wasted +\| +- \| +- \| +- \| +8 \/ 4 \| +- \|/);
  });

  it('prints each suite with its labels, ratios, the ablation, and says MISSED for a floor that was not met', () => {
    const runs = [...suiteRuns().filter((run) => run.variant !== 'openai-agents'), taskRun({ variant: ablationVariant('routing'), wallMs: 900 })];
    const text = formatReport(deskOnly(runs, ['routing']));
    assert.match(text, /optimized: FITTED/);
    assert.match(text, /user-config vs the naive loop: speedup_total 3\.00×/);
    assert.match(text, /\| routing +\| +0\.9 s \| +1\.33× \| +125% \|/);
    assert.match(text, /MISSED {2}support-desk: user-config speedup_total vs @openai\/agents: not measured \(floor ≥ 2\)/);
    assert.match(text, /met {5}support-desk, fitted: speedup_total \(baseline ÷ optimized\): 4 \(floor ≥ 3\)/);
    assert.match(text, /Answers lost against the naive loop: none\./);
  });
});
