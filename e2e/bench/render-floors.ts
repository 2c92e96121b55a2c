// The floors issue 14 sets for the dashboard at scale, and the relaxed ones the reduced run in `npm test` checks
// (a smaller trace, fewer traces, a shorter live run, on a CI machine busy with other tests). A figure over its floor
// is a failure, named with the figure and the floor.
import type { IngestWhileReadingFigures } from './ingest-while-reading.ts';
import type { LiveFigures } from './live-figures.ts';
import type { SpanOpenFigures } from './span-open-figures.ts';
import type { ListFigures } from './trace-list-figures.ts';
import type { WaterfallFigures } from './waterfall-figures.ts';

export interface Floors {
  /** The big trace's first rows, jump to the end, scroll frame p50, heap (all loaded). */
  firstRowsMs: number;
  jumpToEndMs: number;
  frameP50Ms: number;
  heapMb: number;
  /** The huge trace's first rows. */
  hugeFirstRowsMs: number;
  listQueryMs: number;
  aggregateMs: number;
  liveFrameP95Ms: number;
  ingestDrop: number;
  /** Main-thread time to open a span whatever its values. */
  spanOpenMs: number;
}

export const FULL_FLOORS: Floors = { firstRowsMs: 1_500, jumpToEndMs: 100, frameP50Ms: 17, heapMb: 300, hugeFirstRowsMs: 3_000, listQueryMs: 300, aggregateMs: 1_000, liveFrameP95Ms: 50, ingestDrop: 0.1, spanOpenMs: 200 };
/** For `npm test`: the same checks, loose enough for a shared CI machine, tight enough to catch a regression of the kind issue 14 fixed. */
export const REDUCED_FLOORS: Floors = { firstRowsMs: 6_000, jumpToEndMs: 500, frameP50Ms: 50, heapMb: 300, hugeFirstRowsMs: 10_000, listQueryMs: 1_500, aggregateMs: 3_000, liveFrameP95Ms: 250, ingestDrop: 0.5, spanOpenMs: 1_000 };

/**
 * Every floor a set of figures misses, as sentences (empty when all hold).
 *
 * @example
 * const misses = missedFloors(FULL_FLOORS, { big, huge, list, live, ingest });
 */
export function missedFloors(
  floors: Floors,
  figures: { big?: WaterfallFigures; huge?: WaterfallFigures; list?: ListFigures; live?: LiveFigures; ingest?: IngestWhileReadingFigures; spanOpen?: SpanOpenFigures },
): string[] {
  const misses: string[] = [];
  const check = (ok: boolean, text: string) => {
    if (!ok) misses.push(text);
  };
  const { big, huge, list, live, ingest, spanOpen } = figures;
  if (big) {
    const at = `${big.spans.toLocaleString('en-US')} spans`;
    check(big.firstRowsMs < floors.firstRowsMs, `${at}: first rows after ${big.firstRowsMs.toFixed(0)} ms (floor ${floors.firstRowsMs})`);
    check(big.jumpToEndMs < floors.jumpToEndMs, `${at}: jump to the end took ${big.jumpToEndMs.toFixed(1)} ms (floor ${floors.jumpToEndMs})`);
    check(big.frameP50Ms <= floors.frameP50Ms, `${at}: scroll frame p50 ${big.frameP50Ms.toFixed(1)} ms (floor ${floors.frameP50Ms})`);
    check(big.heapMb < floors.heapMb, `${at}: JS heap ${big.heapMb.toFixed(0)} MB (floor ${floors.heapMb})`);
    check(big.pageErrors.length === 0, `${at}: ${big.pageErrors.join('; ')}`);
  }
  if (huge) {
    const at = `${huge.spans.toLocaleString('en-US')} spans`;
    check(huge.firstRowsMs < floors.hugeFirstRowsMs, `${at}: first rows after ${huge.firstRowsMs.toFixed(0)} ms (floor ${floors.hugeFirstRowsMs})`);
    check(huge.pageErrors.length === 0, `${at}: ${huge.pageErrors.join('; ')}`);
  }
  for (const query of list?.list ?? []) check(query.ms < floors.listQueryMs, `trace list at ${list!.traces} traces, ${query.name}: ${query.ms.toFixed(0)} ms (floor ${floors.listQueryMs})`);
  for (const query of list?.aggregates ?? []) check(query.ms < floors.aggregateMs, `a week of ${list!.traces} traces, ${query.name}: ${query.ms.toFixed(0)} ms (floor ${floors.aggregateMs})`);
  if (live) {
    check(live.frameP95Ms < floors.liveFrameP95Ms, `live trace at ${live.spansPerSecond} spans/s: frame p95 ${live.frameP95Ms.toFixed(1)} ms (floor ${floors.liveFrameP95Ms})`);
    check(live.pageErrors.length === 0, `live trace: ${live.pageErrors.join('; ')}`);
  }
  for (const span of spanOpen?.spans ?? []) check(span.mainThreadMs < floors.spanOpenMs, `opening the span with ${span.name}: ${span.mainThreadMs.toFixed(0)} ms of main-thread time (floor ${floors.spanOpenMs})`);
  if (spanOpen) check(spanOpen.pageErrors.length === 0, `span details: ${spanOpen.pageErrors.join('; ')}`);
  if (ingest) check(ingest.drop <= floors.ingestDrop, `ingest dropped ${(ingest.drop * 100).toFixed(1)}% while the trace was read (floor ${floors.ingestDrop * 100}%)`);
  return misses;
}
