// The waterfall's linkable state: `?span=<spanId>&zoom=<startMs>-<endMs>` (offsets from the trace start), so a
// view of one span in one time slice can be pasted into a chat or a bug report.
import { InvalidParameterError } from './dashboard-error.ts';
import type { TimeRange } from './time-scale.ts';

const SPAN_ID = /^[0-9a-f]{16}$/i;
const ZOOM = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/;

export interface WaterfallUrlState {
  selectedSpanId: string | null;
  zoom: TimeRange | null;
}

/**
 * Reads the selected span and the zoom from URL search parameters. Absent values are null; malformed ones throw
 * {@link InvalidParameterError} naming the parameter.
 *
 * @example
 * parseWaterfallUrlState(new URLSearchParams('span=00f067aa0ba902b7&zoom=120-480'))
 * // { selectedSpanId: '00f067aa0ba902b7', zoom: { start: 120, end: 480 } }
 */
export function parseWaterfallUrlState(params: Pick<URLSearchParams, 'get'>): WaterfallUrlState {
  const span = params.get('span');
  const zoom = params.get('zoom');
  if (span !== null && span !== '' && !SPAN_ID.test(span)) {
    throw new InvalidParameterError('span', 'The span in the link is not a 16-digit hex span id.');
  }
  return { selectedSpanId: span ? span.toLowerCase() : null, zoom: zoom ? parseZoom(zoom) : null };
}

function parseZoom(value: string): TimeRange {
  const match = ZOOM.exec(value);
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  if (!match || !(end > start)) {
    throw new InvalidParameterError('zoom', 'The zoom in the link must look like <startMs>-<endMs> with start before end.');
  }
  return { start, end };
}

/**
 * Writes the state into a copy of `current` search parameters (other parameters are kept).
 *
 * @example
 * writeWaterfallUrlState(new URLSearchParams(), { selectedSpanId: null, zoom: { start: 1.23456, end: 50 } }).toString()
 * // 'zoom=1.235-50'
 */
export function writeWaterfallUrlState(current: URLSearchParams, state: WaterfallUrlState): URLSearchParams {
  const next = new URLSearchParams(current);
  if (state.selectedSpanId) next.set('span', state.selectedSpanId);
  else next.delete('span');
  if (state.zoom) next.set('zoom', `${round(state.zoom.start)}-${round(state.zoom.end)}`);
  else next.delete('zoom');
  return next;
}

const round = (value: number): string => String(Math.round(value * 1000) / 1000);
