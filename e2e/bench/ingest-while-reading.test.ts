import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bracketedDrop } from './ingest-while-reading.ts';

test('each reading window is compared with the quiet windows on either side of it', () => {
  assert.ok(Math.abs(bracketedDrop([100, 90, 100, 90, 100]) - 0.1) < 1e-12);
  // A falling rate with no reader effect at all shows no drop, where pooled means would report one.
  assert.ok(Math.abs(bracketedDrop([140, 120, 100, 80, 60])) < 1e-12);
  // The run measured on 2026-12-06 02:14 UTC (windows of the render bench): pooled means said 10.6 %.
  assert.equal(bracketedDrop([18454, 14100, 13860, 12247, 12623, 12498, 11987, 11077, 12873]).toFixed(3), '0.074');
});

test('a reader that slows ingest down is still caught', () => {
  assert.ok(bracketedDrop([100, 80, 100, 85, 100]) > 0.17);
  assert.ok(Math.abs(bracketedDrop([100, 110, 100]) + 0.1) < 1e-12);
});
