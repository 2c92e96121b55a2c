'use client';
// A finished trace's waterfall from spans packed on the server (lib/packed-spans.ts), for pages that show one next
// to another (compare). The trace page itself loads spans in pages and live (TraceView).
import { useMemo, useSyncExternalStore } from 'react';
import { unpackSpans, type PackedSpans } from '../lib/packed-spans.ts';
import { buildSpanTree } from '../lib/span-tree.ts';
import { WaterfallView } from './WaterfallView.tsx';

const subscribeNever = () => () => {};

export interface WaterfallProps {
  traceId: string;
  /** The trace's spans in their packed form (see packed-spans.ts). */
  packed: PackedSpans;
  mode: 'compact';
  /** Length of the time axis in ms; compare passes the longer run's duration so both share one scale. */
  scaleMs?: number;
  nameColumnWidth?: number;
}

export function Waterfall({ traceId, packed, mode, scaleMs, nameColumnWidth }: WaterfallProps) {
  // Rows need the browser's scroll box, so the server renders none and skips building the tree as well.
  const inBrowser = useSyncExternalStore(subscribeNever, () => true, () => false);
  const tree = useMemo(() => buildSpanTree(inBrowser ? unpackSpans(packed) : []), [packed, inBrowser]);
  return <WaterfallView traceId={traceId} tree={tree} version={inBrowser ? 1 : 0} mode={mode} scaleMs={scaleMs} nameColumnWidth={nameColumnWidth} />;
}
