import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWaterfallUrlState, writeWaterfallUrlState } from './waterfall-url-state.ts';
import { InvalidParameterError } from './dashboard-error.ts';

describe('waterfall URL state', () => {
  it('reads the selected span and zoom range', () => {
    assert.deepEqual(parseWaterfallUrlState(new URLSearchParams('span=00F067AA0BA902B7&zoom=120-480.5')), {
      selectedSpanId: '00f067aa0ba902b7',
      zoom: { start: 120, end: 480.5 },
    });
    assert.deepEqual(parseWaterfallUrlState(new URLSearchParams('')), { selectedSpanId: null, zoom: null });
  });

  it('rejects a malformed span id or zoom, naming the parameter', () => {
    assert.throws(() => parseWaterfallUrlState(new URLSearchParams('span=<script>')), (error: unknown) => error instanceof InvalidParameterError && error.parameter === 'span');
    for (const zoom of ['abc', '500-100', '1-1', '-5-10']) {
      assert.throws(() => parseWaterfallUrlState(new URLSearchParams({ zoom })), { name: 'InvalidParameterError', parameter: 'zoom' });
    }
  });

  it('writes the state back, keeping other parameters and rounding to microseconds', () => {
    const written = writeWaterfallUrlState(new URLSearchParams('tab=x&span=1111111111111111'), { selectedSpanId: null, zoom: { start: 1.23456, end: 50 } });
    assert.equal(written.toString(), 'tab=x&zoom=1.235-50');
    const round = parseWaterfallUrlState(writeWaterfallUrlState(new URLSearchParams(), { selectedSpanId: 'abcdefabcdefabcd', zoom: { start: 0, end: 10 } }));
    assert.deepEqual(round, { selectedSpanId: 'abcdefabcdefabcd', zoom: { start: 0, end: 10 } });
  });
});
