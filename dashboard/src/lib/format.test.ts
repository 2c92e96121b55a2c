import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatAgo, formatAttributeNumber, formatBucketSize, formatCost, formatDuration, formatPercent, formatSigned, formatTimestamp, formatTokens } from './format.ts';

describe('format', () => {
  it('formats durations from microseconds to hours', () => {
    assert.equal(formatDuration(0.42), '420 µs');
    assert.equal(formatDuration(3.456), '3.46 ms');
    assert.equal(formatDuration(42.34), '42.3 ms');
    assert.equal(formatDuration(420), '420 ms');
    assert.equal(formatDuration(1234), '1.23 s');
    assert.equal(formatDuration(125_000), '2m 05s');
    assert.equal(formatDuration(2 * 3_600_000 + 60_000), '2h 01m');
    assert.equal(formatDuration(-1500), '-1.50 s');
    assert.equal(formatDuration(Number.NaN), '—');
  });

  it('formats tokens and costs', () => {
    assert.equal(formatTokens(12_345), '12,345');
    assert.equal(formatTokens(2_500_000), '2.50M');
    assert.equal(formatTokens(null), '—');
    assert.equal(formatCost(0.000423), '$0.000423');
    assert.equal(formatCost(0.0512), '$0.0512');
    assert.equal(formatCost(1234.5), '$1,234.50');
    assert.equal(formatCost(-0.5), '-$0.5000');
    assert.equal(formatCost(0), '$0');
  });

  it('formats signed differences, percentages, timestamps and ages', () => {
    assert.equal(formatSigned(1200, formatTokens), '+1,200');
    assert.equal(formatSigned(-30, formatTokens), '-30');
    assert.equal(formatPercent(0.4567), '45.7%');
    assert.equal(formatPercent(0.0123), '1.23%');
    assert.equal(formatTimestamp(Date.UTC(2026, 10, 21, 6, 30, 5, 42)), '2026-11-21 06:30:05.042');
    assert.equal(formatAgo(1_000_000 - 90_000, 1_000_000), '1m ago');
  });

  it('names bucket sizes', () => {
    assert.equal(formatBucketSize(300_000), '5-minute');
    assert.equal(formatBucketSize(30_000), '30-second');
    assert.equal(formatBucketSize(10_800_000), '3-hour');
    assert.equal(formatBucketSize(604_800_000), '7-day');
  });

  it('shows duration attributes in their unit and long fractions rounded, never raw', () => {
    assert.equal(formatAttributeNumber('hotpath.time_to_first_chunk_ms', 332.12841796875), '332 ms');
    assert.equal(formatAttributeNumber('hotpath.tool.saved_ms', 1234.5), '1.23 s');
    assert.equal(formatAttributeNumber('gen_ai.request.temperature', 0.30000000000000004), '0.3');
    assert.equal(formatAttributeNumber('gen_ai.usage.input_tokens', 900), null);
    assert.equal(formatAttributeNumber('hotpath.tool.saved_ms', '12'), null);
    assert.equal(formatAttributeNumber('items', 12.5), '12.5');
  });
});
