import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seriesColor } from './series-colors.ts';

describe('seriesColor', () => {
  it('gives neighbouring series different colours and wraps around the palette', () => {
    assert.notEqual(seriesColor(0), seriesColor(1));
    assert.equal(seriesColor(10), seriesColor(0));
    assert.equal(seriesColor(-1), seriesColor(9));
  });
});
