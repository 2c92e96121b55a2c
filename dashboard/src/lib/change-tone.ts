// Whether a change between two compared runs is good for the user, which is what its colour says. Time and cost
// are what a user wants lower; tokens too. The rest explains them: more calls or less cached input on a run that
// got faster and cheaper is how it got there (a parallel tool plan, a shorter prompt), not a loss, so such figures
// are coloured only when they move the same way as the outcome they explain.
import type { TraceSummary } from '@hotpath/collector/api-types';

export type Tone = 'good' | 'bad' | 'neutral';

/** A compared run's outcome: what the explanatory figures are judged against. */
export interface RunOutcome {
  durationMs: number;
  costUsd: number;
  inputTokens: number;
  cachedInputTokens: number;
  errors: number;
}

/**
 * @example
 * runOutcome(detail.trace) // { durationMs: 1260, costUsd: 0.0017, inputTokens: 4400, cachedInputTokens: 1792, errors: 0 }
 */
export function runOutcome(trace: Pick<TraceSummary, 'durationMs' | 'costUsd' | 'inputTokens' | 'cachedInputTokens' | 'errorCount'>): RunOutcome {
  return { durationMs: trace.durationMs, costUsd: trace.costUsd, inputTokens: trace.inputTokens, cachedInputTokens: trace.cachedInputTokens, errors: trace.errorCount };
}

/**
 * - `outcome`: lower is better (duration, cost, tokens, errors);
 * - `cached-input`: good when the cached share of input grew, bad only when it fell and the run cost more;
 * - `explains-time`: model or tool calls, a part of the run's time: coloured only when it moves with the duration.
 */
export type FigureKind = 'outcome' | 'cached-input' | 'explains-time';

export interface ToneVerdict {
  tone: Tone;
  /** Why, in words, for the tooltip and for screen readers (colour is never the only signal). */
  reason: string;
}

/** Durations closer than this share are the same speed: run-to-run noise is larger. */
const SAME_SPEED = 0.005;

function direction(a: number, b: number, tolerance = 0): -1 | 0 | 1 {
  const delta = b - a;
  if (Math.abs(delta) <= tolerance * Math.max(Math.abs(a), Math.abs(b))) return 0;
  return delta < 0 ? -1 : 1;
}

/** -1 when B is faster, 1 when slower, 0 when the same speed. */
export function durationDirection(a: RunOutcome, b: RunOutcome): -1 | 0 | 1 {
  return direction(a.durationMs, b.durationMs, SAME_SPEED);
}

/**
 * @example
 * changeTone('outcome', 0.0112, 0.0017, a, b) // { tone: 'good', reason: 'lower in B' }
 * changeTone('cached-input', 0, 1792, a, b) // { tone: 'good', reason: 'a larger share of B's input was cached' }
 * changeTone('explains-time', 3, 5, a, b) // when B is faster: { tone: 'neutral', … }
 */
export function changeTone(kind: FigureKind, valueA: number, valueB: number, a: RunOutcome, b: RunOutcome): ToneVerdict {
  const moved = direction(valueA, valueB);
  if (moved === 0) return { tone: 'neutral', reason: 'no change' };
  if (kind === 'outcome') return moved < 0 ? { tone: 'good', reason: 'lower in B' } : { tone: 'bad', reason: 'higher in B' };
  if (kind === 'cached-input') {
    const shareA = a.inputTokens > 0 ? a.cachedInputTokens / a.inputTokens : 0;
    const shareB = b.inputTokens > 0 ? b.cachedInputTokens / b.inputTokens : 0;
    const share = direction(shareA, shareB);
    if (share > 0) return { tone: 'good', reason: "a larger share of B's input was cached" };
    if (share < 0 && direction(a.costUsd, b.costUsd) > 0) return { tone: 'bad', reason: "a smaller share of B's input was cached, and B cost more" };
    return { tone: 'neutral', reason: share < 0 ? 'a smaller share was cached, but B did not cost more' : 'the cached share of input did not change' };
  }
  const time = durationDirection(a, b);
  if (time === 0) return { tone: 'neutral', reason: 'the runs took the same time' };
  if (time !== moved) return { tone: 'neutral', reason: time < 0 ? 'higher in B, which was still faster' : 'lower in B, which was still slower' };
  return time < 0 ? { tone: 'good', reason: 'lower in B, which was faster' } : { tone: 'bad', reason: 'higher in B, which was slower' };
}

export interface SpeedupVerdict {
  tone: Tone;
  /** Said next to the speedup when errors make the time comparison unsafe; null otherwise. */
  caveat: string | null;
}

const errorCount = (count: number) => `${count.toLocaleString('en-US')} error${count === 1 ? '' : 's'}`;

/**
 * The speedup's colour. A run that failed part of its work may be fast because it did less: a B with errors is
 * never called faster in green, and an A with errors does not make B's slower time red.
 *
 * @example
 * speedupTone(2.5, { ...a, errors: 0 }, { ...b, errors: 2 }) // { tone: 'neutral', caveat: 'B had 2 errors: it may be faster because it did less' }
 */
export function speedupTone(a: RunOutcome, b: RunOutcome): SpeedupVerdict {
  const time = durationDirection(a, b);
  if (b.errors > 0) {
    const also = a.errors > 0 ? ` (A had ${errorCount(a.errors)})` : '';
    return { tone: time > 0 ? 'bad' : 'neutral', caveat: `B had ${errorCount(b.errors)}${also}: ${time < 0 ? 'it may be faster because it did less' : 'compare with care'}` };
  }
  if (a.errors > 0 && time > 0) return { tone: 'neutral', caveat: `A had ${errorCount(a.errors)}: its time may be cut short` };
  return { tone: time < 0 ? 'good' : time > 0 ? 'bad' : 'neutral', caveat: a.errors > 0 ? `A had ${errorCount(a.errors)}, B none` : null };
}
