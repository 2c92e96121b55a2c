// Number and time formatting shared by every page: compact, fixed-width friendly, never locale-dependent so
// server and browser render the same text.

/**
 * A duration in the unit that keeps it readable.
 *
 * @example
 * formatDuration(0.42) // '420 µs'
 * formatDuration(1234) // '1.23 s'
 * formatDuration(125_000) // '2m 05s'
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  const value = Math.abs(ms);
  if (value === 0) return '0 ms';
  if (value < 1) return `${sign}${Math.round(value * 1000)} µs`;
  if (value < 10) return `${sign}${value.toFixed(2)} ms`;
  if (value < 1000) return `${sign}${value.toFixed(value < 100 ? 1 : 0)} ms`;
  if (value < 60_000) return `${sign}${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(value / 60_000);
  const seconds = Math.floor((value % 60_000) / 1000);
  if (minutes < 60) return `${sign}${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${sign}${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * A token count with thousands separators, or k/M for large values.
 *
 * @example
 * formatTokens(12_345) // '12,345'
 * formatTokens(2_500_000) // '2.50M'
 */
export function formatTokens(tokens: number | null | undefined): string {
  if (tokens === null || tokens === undefined || !Number.isFinite(tokens)) return '—';
  const value = Math.abs(tokens);
  const sign = tokens < 0 ? '-' : '';
  if (value >= 1_000_000) return `${sign}${(value / 1_000_000).toFixed(2)}M`;
  return `${sign}${groupThousands(Math.round(value))}`;
}

/**
 * A cost in US dollars with enough digits to tell small model calls apart.
 *
 * @example
 * formatCost(0.000423) // '$0.000423'
 * formatCost(12.5) // '$12.50'
 */
export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return '—';
  const sign = usd < 0 ? '-' : '';
  const value = Math.abs(usd);
  if (value === 0) return '$0';
  if (value >= 1) return `${sign}$${groupThousands(Math.floor(value))}.${value.toFixed(2).split('.')[1]}`;
  if (value >= 0.01) return `${sign}$${value.toFixed(4)}`;
  return `${sign}$${value.toPrecision(3).replace(/0+$/, '')}`;
}

/**
 * A span attribute's number as people read it: a duration (a key ending in `_ms`, the convention of `docs/spans.md`)
 * in its unit, any other fraction to six significant digits. Null for values shown as they are (integers, text,
 * lists), so a caller can keep the exact value beside it (on hover).
 *
 * @example
 * formatAttributeNumber('hotpath.time_to_first_chunk_ms', 332.12841796875) // '332 ms'
 * formatAttributeNumber('gen_ai.request.temperature', 0.30000000000000004) // '0.3'
 * formatAttributeNumber('gen_ai.usage.input_tokens', 900) // null
 */
export function formatAttributeNumber(key: string, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (/(^|[._])ms$/.test(key)) return formatDuration(value);
  if (Number.isInteger(value)) return null;
  return String(Number(value.toPrecision(6)));
}

/**
 * A signed difference, for compare views: `+1,200` / `-3.4%`.
 *
 * @example
 * formatSigned(1200, formatTokens) // '+1,200'
 */
export function formatSigned(value: number, format: (value: number) => string): string {
  return value > 0 ? `+${format(value)}` : format(value);
}

/**
 * A ratio as a percentage.
 *
 * @example
 * formatPercent(0.4567) // '45.7%'
 */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(ratio >= 0.1 || ratio === 0 ? 1 : 2)}%`;
}

/**
 * An epoch-ms timestamp as UTC `YYYY-MM-DD HH:MM:SS.mmm` (UTC so server and browser agree).
 *
 * @example
 * formatTimestamp(Date.UTC(2026, 10, 21, 6, 30, 5, 42)) // '2026-11-21 06:30:05.042'
 */
export function formatTimestamp(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * How long ago a timestamp was, relative to `now`.
 *
 * @example
 * formatAgo(now - 90_000, now) // '1m ago'
 */
export function formatAgo(ms: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - ms) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86_400)}d ago`;
}

/**
 * The first characters of an id, for dense tables (the full id stays in the title and the link).
 *
 * @example
 * shortId('4bf92f3577b34da6a3ce929d0e0e4736') // '4bf92f35'
 */
export function shortId(id: string, length = 8): string {
  return id.slice(0, length);
}

function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A bucket size as an adjective for chart subtitles.
 *
 * @example
 * formatBucketSize(300_000) // '5-minute'
 */
export function formatBucketSize(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}-day`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}-hour`;
  if (ms % 60_000 === 0) return `${ms / 60_000}-minute`;
  return `${ms / 1000}-second`;
}
