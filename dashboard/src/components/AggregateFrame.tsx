// The frame the aggregate pages (spend, routing, cache) share: the header with the page's window controls, then
// the collector's error in place of the figures, or the simulated-share notice and the figures, or an empty state
// when the window holds nothing to aggregate.
import type { ReactNode } from 'react';
import type { DashboardError } from '../lib/dashboard-error.ts';
import type { SimulatedShare } from '../lib/simulated-share.ts';
import { CollectorErrorState } from './CollectorErrorState.tsx';
import { EmptyState } from './EmptyState.tsx';
import { PageHeader } from './PageHeader.tsx';
import { SimulatedNotice } from './SimulatedNotice.tsx';

/** What the window held: nothing (`empty` says what would fill it), or the figures as `children`. */
export interface AggregateFigures {
  subtitle: ReactNode;
  /** Share of the page's calls that ran against the simulated model server. */
  simulated: SimulatedShare;
  empty: { title: string; hint: ReactNode } | null;
  children: ReactNode;
}

export type AggregateFrameProps = { title: string; controls: ReactNode } & ({ error: DashboardError } | AggregateFigures);

/**
 * @example
 * if (!data.ok) return <AggregateFrame title="Tool cache" controls={controls} error={data.error} />;
 * return (
 *   <AggregateFrame title="Tool cache" subtitle="…" controls={controls}
 *     simulated={{ share: cache.simulatedShare, calls: 'tool calls' }}
 *     empty={calls === 0 ? { title: 'No tool calls in this window', hint: '…' } : null}>
 *     <Figures />
 *   </AggregateFrame>
 * );
 */
export function AggregateFrame(props: AggregateFrameProps) {
  if ('error' in props) {
    return (
      <>
        <PageHeader title={props.title} actions={props.controls} />
        <CollectorErrorState error={props.error} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={props.title} subtitle={props.subtitle} actions={props.controls} />
      <SimulatedNotice simulated={props.simulated} />
      {props.empty === null ? (
        props.children
      ) : (
        <div className="panel">
          <EmptyState title={props.empty.title}>{props.empty.hint}</EmptyState>
        </div>
      )}
    </>
  );
}
