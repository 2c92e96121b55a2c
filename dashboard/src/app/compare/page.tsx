// Compare two runs (say, the same task as baseline and optimized): both waterfalls on one time scale, the
// speedup, and how tokens, cost and calls moved.
import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import type { CompareResponse, TraceDetail, TraceListResponse, TraceSummary } from '@hotpath/collector/api-types';
import { callCounts } from '../../lib/call-counts.ts';
import { changeTone, runOutcome, speedupTone } from '../../lib/change-tone.ts';
import { ChangeStat } from '../../components/ChangeStat.tsx';
import { CollectorErrorState } from '../../components/CollectorErrorState.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SimulatedBadge } from '../../components/SimulatedBadge.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { TimeBreakdownPanel } from '../../components/TimeBreakdownPanel.tsx';
import { TraceSummaryLine } from '../../components/TraceSummaryLine.tsx';
import { Waterfall } from '../../components/Waterfall.tsx';
import { CollectorResponseError } from '../../lib/dashboard-error.ts';
import { formatCost, formatDuration, formatTokens, shortId } from '../../lib/format.ts';
import { nameColumnWidth } from '../../lib/name-column-width.ts';
import { speedupLabel } from '../../lib/relative-change.ts';
import { isTraceId } from '../../lib/trace-id.ts';
import type { SearchParamsRecord } from '../../lib/trace-list-query.ts';
import { packSpans } from '../../lib/packed-spans.ts';
import { attempt } from '../../server/attempt.ts';
import { queryCollector } from '../../server/collector-client.ts';

export const metadata: Metadata = { title: 'Compare' };

const first = (value: string | string[] | undefined) => ((Array.isArray(value) ? value[0] : value) ?? '').trim().toLowerCase();
const count = (value: number) => value.toLocaleString('en-US');

function optionLabel(trace: TraceSummary): string {
  const variant = trace.attributes['hotpath.workload.variant'];
  return [trace.name, shortId(trace.traceId), formatDuration(trace.durationMs), typeof variant === 'string' ? variant : null, trace.simulated ? 'simulated' : null]
    .filter(Boolean)
    .join(' · ');
}

async function Picker({ a, b }: { a: string; b: string }) {
  const recent = await attempt(() => queryCollector<TraceListResponse>('/api/traces', { limit: 100 }));
  if (!recent.ok) return <CollectorErrorState error={recent.error} />;
  if (recent.value.traces.length < 2) {
    return (
      <div className="panel">
        <EmptyState title="Two traces are needed to compare">Run the same task twice (for example as baseline and optimized), then come back.</EmptyState>
      </div>
    );
  }
  const select = (name: 'a' | 'b', value: string, label: string) => (
    <div className="field field-wide">
      <label htmlFor={`compare-${name}`}>{label}</label>
      <select id={`compare-${name}`} name={name} defaultValue={value} required>
        <option value="">Choose a trace…</option>
        {recent.value.traces.map((trace) => (
          <option key={trace.traceId} value={trace.traceId}>{optionLabel(trace)}</option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="panel">
      <Form action="/compare" className="filters" aria-label="Choose two traces">
        {select('a', a, 'A (baseline)')}
        {select('b', b, 'B (candidate)')}
        <button type="submit" className="btn btn-primary">Compare</button>
      </Form>
    </section>
  );
}

function Side({ tag, detail, scaleMs, nameWidth }: { tag: 'A' | 'B'; detail: TraceDetail; scaleMs: number; nameWidth: number }) {
  const { trace } = detail;
  return (
    <div className="compare-col" data-testid={`compare-${tag.toLowerCase()}`}>
      <div className="compare-label">
        <span className="compare-tag">{tag}</span>
        <Link href={`/traces/${trace.traceId}`} className="trace-name" title={trace.name}>{trace.name}</Link>
        {trace.simulated ? <SimulatedBadge /> : null}
        <span className="cell-sub" style={{ marginLeft: 'auto' }}>{formatDuration(trace.durationMs)}</span>
      </div>
      <TraceSummaryLine trace={trace} />
      <Waterfall traceId={trace.traceId} packed={packSpans(detail.spans)} mode="compact" scaleMs={scaleMs} nameColumnWidth={nameWidth} />
    </div>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const a = first(params.a);
  const b = first(params.b);
  const header = <PageHeader title="Compare runs" subtitle="Two traces on one time scale: what got faster, and what it cost" />;
  if (!isTraceId(a) || !isTraceId(b)) {
    return (
      <>
        {header}
        {(a && !isTraceId(a)) || (b && !isTraceId(b)) ? (
          <div className="notice notice-warn" role="status">Trace ids are 32 hexadecimal digits; pick the traces below instead.</div>
        ) : null}
        <Picker a={isTraceId(a) ? a : ''} b={isTraceId(b) ? b : ''} />
      </>
    );
  }
  const compared = await attempt(() => queryCollector<CompareResponse>('/api/compare', { a, b, view: 'waterfall' }));
  if (!compared.ok) {
    const missing = compared.error instanceof CollectorResponseError && compared.error.status === 404;
    return (
      <>
        {header}
        {missing ? (
          <div className="panel">
            <EmptyState title="One of these traces is not in the collector">{compared.error.message} <Link href="/compare">Pick two others</Link></EmptyState>
          </div>
        ) : (
          <CollectorErrorState error={compared.error} />
        )}
      </>
    );
  }
  const { a: left, b: right, speedup } = compared.value;
  const scaleMs = Math.max(left.trace.durationMs, right.trace.durationMs);
  const [callsA, callsB] = [callCounts(left.spans), callCounts(right.spans)];
  const anySimulated = left.trace.simulated || right.trace.simulated;
  const [runA, runB] = [runOutcome(left.trace), runOutcome(right.trace)];
  const speed = speedupTone(runA, runB);
  // Both waterfalls get the same name column, wide enough for the longer names of either run (within limits).
  const nameWidth = nameColumnWidth([...left.spans, ...right.spans]);
  const [tokensA, tokensB] = [left.trace.inputTokens + left.trace.outputTokens, right.trace.inputTokens + right.trace.outputTokens];

  return (
    <>
      <PageHeader
        title="Compare runs"
        subtitle="Two traces on one time scale: what got faster, and what it cost"
        actions={<Link className="btn btn-sm" href={`/compare?a=${right.trace.traceId}&b=${left.trace.traceId}`}>Swap A and B</Link>}
      />
      <div className="stats">
        <StatCard
          testId="compare-speedup"
          label="Speedup (B vs A)"
          value={<>{speedupLabel(speedup)} {anySimulated ? <SimulatedBadge /> : null}</>}
          hint={
            <>
              {formatDuration(left.trace.durationMs)} → {formatDuration(right.trace.durationMs)}
              {speed.caveat ? <div className="speedup-caveat" data-testid="compare-speedup-caveat">{speed.caveat}</div> : null}
            </>
          }
          tone={speed.tone === 'neutral' ? undefined : speed.tone}
        />
        <ChangeStat testId="compare-tokens" label="Tokens" a={tokensA} b={tokensB} format={formatTokens} verdict={changeTone('outcome', tokensA, tokensB, runA, runB)} />
        <ChangeStat testId="compare-cost" label="Cost" a={runA.costUsd} b={runB.costUsd} format={formatCost} verdict={changeTone('outcome', runA.costUsd, runB.costUsd, runA, runB)} />
        <ChangeStat
          testId="compare-cached"
          label="Cached input"
          a={runA.cachedInputTokens}
          b={runB.cachedInputTokens}
          format={formatTokens}
          verdict={changeTone('cached-input', runA.cachedInputTokens, runB.cachedInputTokens, runA, runB)}
        />
        <ChangeStat
          testId="compare-model-calls"
          label="Model calls"
          a={callsA.modelCalls}
          b={callsB.modelCalls}
          format={count}
          verdict={changeTone('explains-time', callsA.modelCalls, callsB.modelCalls, runA, runB)}
        />
        <ChangeStat
          testId="compare-tool-calls"
          label="Tool calls"
          a={callsA.toolCalls}
          b={callsB.toolCalls}
          format={count}
          verdict={changeTone('explains-time', callsA.toolCalls, callsB.toolCalls, runA, runB)}
        />
        {runA.errors + runB.errors > 0 ? (
          <ChangeStat testId="compare-errors" label="Errors" a={runA.errors} b={runB.errors} format={count} verdict={changeTone('outcome', runA.errors, runB.errors, runA, runB)} />
        ) : null}
      </div>
      <TimeBreakdownPanel a={left} b={right} />
      <div className="compare-cols">
        <Side tag="A" detail={left} scaleMs={scaleMs} nameWidth={nameWidth} />
        <Side tag="B" detail={right} scaleMs={scaleMs} nameWidth={nameWidth} />
      </div>
    </>
  );
}
