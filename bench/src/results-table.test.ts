import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ablationVariant, buildReport } from './bench-report.ts';
import { formatReport, variantTable } from './results-table.ts';
import { taskRun, threeVariantRuns } from './test-fixtures.ts';
import { textTable } from './text-table.ts';

const config = { repetitions: 2, ablationRepetitions: 1, latencyScale: 1, tasks: 2, command: 'pnpm bench' };

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
  it('has one column per variant and one request row per model', () => {
    const report = buildReport({ runs: threeVariantRuns(), config, techniques: [] });
    const table = variantTable([report.baseline, report.optimized, report.openaiAgents!]);
    const lines = table.split('\n');
    assert.match(lines[0]!, /baseline \| +optimized \| +openai-agents \|$/);
    assert.match(table, /\| wall-clock p50 per task +\| +600 ms \| +150 ms \| +300 ms \|/);
    assert.match(table, /\| requests sim-large +\| +8 \| +8 \| +8 \|/);
    assert.match(table, /\| correct answers +\| +4\/4 \| +4\/4 \| +4\/4 \|/);
    assert.doesNotMatch(table, /waiting on the model server/);
  });

  it('shows how much of each variant\'s time went to the model server when it is known', () => {
    const report = buildReport({ runs: threeVariantRuns(), config, techniques: [], modelTimeMs: { baseline: 1_800, optimized: 300 } });
    assert.match(formatReport(report), /\| of which waiting on the model server +\| +1\.8 s \(75%\) \| +0\.3 s \(50%\) \| +n\/a \|/);
  });

  it('prints the ablation and says MISSED for a floor that was not met', () => {
    const runs = [
      ...threeVariantRuns().filter((run) => run.variant !== 'openai-agents'),
      taskRun({ variant: ablationVariant('routing'), wallMs: 900 }),
    ];
    const text = formatReport(buildReport({ runs, config, techniques: ['routing'] }));
    assert.match(text, /\| routing +\| +0\.9 s \| +1\.33× \| +200% \|/);
    assert.match(text, /MISSED {2}speedup_total vs @openai\/agents: not measured \(floor ≥ 1\.5\)/);
    assert.match(text, /met {5}speedup_total \(baseline ÷ optimized\): 4 \(floor ≥ 3\)/);
  });
});
