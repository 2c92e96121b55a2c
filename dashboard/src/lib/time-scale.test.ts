import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axisTicks, barGeometry, clampRange } from './time-scale.ts';

describe('barGeometry', () => {
  it('maps a span to fractions of the view', () => {
    assert.deepEqual(barGeometry(100, 300, { start: 0, end: 1000 }), { left: 0.1, width: 0.2, clippedLeft: false, clippedRight: false });
  });

  it('clips a span crossing the view edges and drops one outside it', () => {
    assert.deepEqual(barGeometry(0, 1000, { start: 250, end: 750 }), { left: 0, width: 1, clippedLeft: true, clippedRight: true });
    assert.equal(barGeometry(800, 900, { start: 0, end: 500 }), null);
    assert.equal(barGeometry(0, 10, { start: 5, end: 5 }), null);
  });
});

describe('axisTicks', () => {
  it('picks round steps covering the range', () => {
    assert.deepEqual(axisTicks({ start: 0, end: 1000 }, 5), [0, 200, 400, 600, 800, 1000]);
    assert.deepEqual(axisTicks({ start: 120, end: 480 }, 4), [200, 300, 400]);
    assert.deepEqual(axisTicks({ start: 0, end: 0.003 }, 3), [0, 0.001, 0.002, 0.003]);
  });

  it('answers the start alone for an empty range', () => {
    assert.deepEqual(axisTicks({ start: 5, end: 5 }), [5]);
  });
});

describe('clampRange', () => {
  it('keeps the range inside the trace and in order', () => {
    assert.deepEqual(clampRange({ start: -5, end: 2000 }, 1000), { start: 0, end: 1000 });
    assert.deepEqual(clampRange({ start: 600, end: 200 }, 1000), { start: 200, end: 600 });
  });

  it('widens a range thinner than the minimum', () => {
    assert.deepEqual(clampRange({ start: 999.5, end: 999.5 }, 1000, 1), { start: 999, end: 1000 });
  });
});
