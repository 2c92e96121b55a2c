'use client';
// The selected span in full: timing, status, GenAI figures, captured messages, events and every attribute.
// Fetched on selection through the proxy, because the waterfall itself carries only what its rows need. Values of
// any size cost the same to open: each shows its first 4 KiB with its size (ValueText), a value shown in a section
// above is not laid out again in the attribute list, and a long name is cut in the heading so the controls stay in
// view. Everything shown comes from untrusted senders and is rendered as text.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { AttributeValue, SpanRow } from '@hotpath/collector/api-types';
import { attributeText, capturedMessages, type DisplayMessage } from '../lib/captured-messages.ts';
import { formatAttributeNumber, formatCost, formatDuration, formatTimestamp, formatTokens } from '../lib/format.ts';
import { formatBytes, utf8Bytes } from '../lib/value-preview.ts';
import type { WaterfallSpan } from '../lib/waterfall-span.ts';
import { SimulatedBadge } from './SimulatedBadge.tsx';
import { ValueText } from './ValueText.tsx';

type Load = { state: 'loading' } | { state: 'error'; spanId: string; message: string } | { state: 'done'; span: SpanRow };

/** Attributes worth lifting out of the full list into the GenAI summary, with their labels. */
const DETAIL_ATTRIBUTES: [string, string][] = [
  ['hotpath.route.reason', 'route reason'],
  ['hotpath.route.candidates', 'route candidates'],
  ['gen_ai.response.finish_reasons', 'finish reasons'],
  ['hotpath.time_to_first_chunk_ms', 'first chunk after'],
  ['hotpath.connection', 'connection'],
  ['hotpath.retries', 'retries'],
  ['hotpath.tool.saved_ms', 'saved by cache'],
  ['hotpath.tool.eager', 'started eagerly'],
  ['hotpath.tool.timed_out', 'timed out'],
  ['hotpath.run.outcome', 'run outcome'],
  ['hotpath.optimizations.preset', 'optimizations'],
];
const MESSAGE_KEYS = ['gen_ai.system_instructions', 'gen_ai.input.messages', 'gen_ai.output.messages'];
const TOOL_KEYS = ['gen_ai.tool.call.arguments', 'gen_ai.tool.call.result'] as const;
/** Characters of a name shown in the heading before "show full name". */
const NAME_CHARS = 300;

const CATEGORY_LABEL = { agent: 'Agent run', model: 'Model call', tool: 'Tool call', 'cache-hit': 'Tool cache hit', routing: 'Routing decision', other: 'Span' } as const;

function KeyValues({ entries, shownAbove = new Set() }: { entries: [string, unknown][]; shownAbove?: ReadonlySet<string> }) {
  return (
    <dl className="kv">
      {entries.map(([key, value]) => {
        // Durations and long fractions read formatted; the exact value stays on hover.
        const shown = formatAttributeNumber(key, value);
        const text = shown ?? attributeText(value);
        return (
          <div key={key} style={{ display: 'contents' }}>
            <dt>
              <ValueText text={key} label="attribute name" />
            </dt>
            <dd title={shown === null ? undefined : String(value)}>
              {shownAbove.has(key) ? <span className="cell-sub">shown above ({formatBytes(utf8Bytes(text))})</span> : <ValueText text={text} label={key} />}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function Messages({ title, messages }: { title: string; messages: DisplayMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="detail-section">
      <h3>{title}</h3>
      {messages.map((message, index) => (
        <div className="message" key={index}>
          <div className="message-role">{message.role}</div>
          <ValueText text={message.text} block label={`${title.toLowerCase()} ${index + 1}`} />
        </div>
      ))}
    </div>
  );
}

function SpanName({ name }: { name: string }) {
  const [full, setFull] = useState(false);
  const long = name.length > NAME_CHARS;
  return (
    <>
      <h2 data-testid="span-detail-name" className={full ? 'detail-name-full' : undefined}>
        {long && !full ? `${name.slice(0, NAME_CHARS)}…` : name}
      </h2>
      {long ? (
        <button type="button" className="btn-link" onClick={() => setFull((current) => !current)}>
          {full ? 'shorter name' : `show full name (${formatBytes(utf8Bytes(name))})`}
        </button>
      ) : null}
    </>
  );
}

export interface SpanDetailPanelProps {
  traceId: string;
  span: WaterfallSpan;
  traceStart: number;
  /** Where a running span ends for now (see WaterfallRow). */
  runningEnd: number;
  /** The trace went quiet: a running span never reported its end. */
  quiet: boolean;
  onClose: () => void;
  onZoomTo: () => void;
}

export function SpanDetailPanel({ traceId, span, traceStart, runningEnd, quiet, onClose, onZoomTo }: SpanDetailPanelProps) {
  const [fetched, setLoad] = useState<Load>({ state: 'loading' });
  const rawUrl = `/api/collector/traces/${encodeURIComponent(traceId)}/spans/${encodeURIComponent(span.spanId)}`;

  useEffect(() => {
    if (span.inProgress) return;
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    fetch(rawUrl, { signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json()) as { span?: SpanRow; error?: { message?: string } };
        if (!response.ok || !body.span) throw new Error(body.error?.message ?? `The collector answered HTTP ${response.status}.`);
        setLoad({ state: 'done', span: body.span });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({ state: 'error', spanId: span.spanId, message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
    // A running span is fetched again once it has ended, to show what its end brought.
  }, [rawUrl, span.inProgress, span.running]);

  // Until the selected span's own answer arrives, the previous span's must not show under the new name: the panel
  // says it is loading (aria-busy, which tests and assistive technology wait on) instead.
  const answeredFor = fetched.state === 'done' ? fetched.span.spanId : fetched.state === 'error' ? fetched.spanId : null;
  const load: Load = answeredFor === span.spanId ? fetched : { state: 'loading' };
  const full = load.state === 'done' ? load.span : null;
  const attributes: Record<string, AttributeValue> = full?.attributes ?? {};
  const messages = capturedMessages(attributes);
  const figures: [string, unknown][] = [];
  if (full) {
    if (full.model) figures.push(['model', full.model]);
    if (full.provider) figures.push(['provider', full.provider]);
    if (full.agent) figures.push(['agent', full.agent]);
    if (full.toolName) figures.push(['tool', full.toolName]);
    if (full.inputTokens !== null) figures.push(['input tokens', formatTokens(full.inputTokens)]);
    if (full.cachedInputTokens !== null) figures.push(['cached input tokens', formatTokens(full.cachedInputTokens)]);
    if (full.outputTokens !== null) figures.push(['output tokens', formatTokens(full.outputTokens)]);
    if (full.costUsd !== null) figures.push(['cost', formatCost(full.costUsd)]);
    if (full.cacheHit) figures.push(['tool cache', full.cacheHit]);
    if (full.routeModel) figures.push(['routed to', full.routeModel]);
    if (full.routeRule) figures.push(['route rule', full.routeRule]);
    for (const [key, label] of DETAIL_ATTRIBUTES) if (attributes[key] !== undefined) figures.push([label, formatAttributeNumber(key, attributes[key]) ?? attributes[key]]);
    if (full.errorType) figures.push(['error type', full.errorType]);
  }
  const toolContent = TOOL_KEYS.filter((key) => attributes[key] !== undefined);
  const shownAbove = new Set([...MESSAGE_KEYS.filter((key) => attributes[key] !== undefined), ...toolContent]);
  const end = span.running ? Math.max(span.start, runningEnd) : span.end;
  const duration = span.inProgress ? 'running' : span.running ? (quiet ? `no end received (${formatDuration(end - span.start)}+)` : `running for ${formatDuration(end - span.start)}`) : formatDuration(end - span.start);

  return (
    <aside
      className="detail"
      aria-label="Span details"
      data-testid="span-detail"
      data-span-id={span.spanId}
      aria-busy={!span.inProgress && load.state === 'loading' ? true : undefined}
    >
      <div className="detail-head">
        <div className="detail-title">
          <div className="detail-title-text">
            <div className="cell-sub" style={{ display: 'flex', gap: 6, alignItems: 'center', marginBottom: 2, flexWrap: 'wrap' }}>
              <span className={`cat-dot cat-${span.error ? 'error' : span.category}`} />
              {CATEGORY_LABEL[span.category]}
              {span.simulated ? <SimulatedBadge /> : null}
              {span.error ? <span className="badge badge-error">error</span> : null}
              {span.inProgress ? <span className="badge badge-progress">in progress</span> : null}
              {span.running ? (quiet ? <span className="badge badge-warn">no end received</span> : <span className="badge badge-progress badge-running">running</span>) : null}
            </div>
            <SpanName name={full?.name ?? span.name} />
          </div>
          <button type="button" className="btn btn-sm" onClick={onClose} aria-label="Close span details">✕</button>
        </div>
        <div className="trace-meta" style={{ marginTop: 6 }}>
          <span data-testid="span-detail-duration">duration <b>{duration}</b></span>
          <span>starts at <b>+{formatDuration(span.start - traceStart)}</b></span>
          <button type="button" className="btn btn-sm" onClick={onZoomTo}>Zoom to span</button>
          {span.inProgress ? null : (
            <>
              <a className="btn btn-sm" href={rawUrl} target="_blank" rel="noopener noreferrer">Raw JSON</a>
              {full ? (
                <button type="button" className="btn btn-sm" onClick={() => void navigator.clipboard.writeText(JSON.stringify(full, null, 2))}>
                  Copy JSON
                </button>
              ) : null}
            </>
          )}
        </div>
      </div>
      {span.inProgress ? (
        <div className="detail-section">
          This span has not ended yet, so its own data has not arrived: only its children have. It fills in when the span ends.
          <KeyValues entries={[['span id', span.spanId]]} />
        </div>
      ) : load.state === 'loading' ? (
        <div className="detail-section cell-sub">Loading span…</div>
      ) : load.state === 'error' ? (
        <div className="detail-section">
          <div className="notice notice-error" role="alert">{load.message}</div>
        </div>
      ) : (
        <>
          {span.running ? (
            <div className="detail-section cell-sub" data-testid="span-detail-running">
              {quiet
                ? 'Only this span’s start was received, and its trace has gone quiet: the process running it may have stopped. What it sent at its start is below.'
                : 'This span is still running: what it sent at its start is below. Its end, status and results arrive when it finishes.'}
            </div>
          ) : null}
          <div className="detail-section">
            <KeyValues
              entries={[
                ['span id', load.span.spanId],
                ['parent', load.span.parentSpanId ?? '(root)'],
                ['kind', load.span.kind],
                ['start', `${formatTimestamp(load.span.startTime)} UTC`],
                ['status', load.span.status.message ? `${load.span.status.code}: ${load.span.status.message}` : load.span.status.code],
              ]}
            />
          </div>
          {figures.length > 0 ? (
            <div className="detail-section">
              <h3>GenAI</h3>
              <KeyValues entries={figures} />
            </div>
          ) : null}
          <Messages title="System instructions" messages={messages.system} />
          <Messages title="Input messages" messages={messages.input} />
          <Messages title="Output messages" messages={messages.output} />
          {toolContent.length > 0 ? (
            <div className="detail-section">
              <h3>Tool call</h3>
              {toolContent.map((key) => (
                <div className="message" key={key}>
                  <div className="message-role">{key === 'gen_ai.tool.call.arguments' ? 'arguments' : 'result'}</div>
                  <ValueText text={attributeText(attributes[key])} block label={key === 'gen_ai.tool.call.arguments' ? 'tool arguments' : 'tool result'} />
                </div>
              ))}
            </div>
          ) : null}
          {load.span.events && load.span.events.length > 0 ? (
            <div className="detail-section">
              <h3>Events ({load.span.events.length})</h3>
              {load.span.events.map((event, index) => (
                <div className="event" key={index}>
                  <div className="event-name">
                    <ValueText text={event.name} label="event name" /> <span className="cell-sub">+{formatDuration(event.time - traceStart)}</span>
                  </div>
                  <KeyValues entries={Object.entries(event.attributes)} />
                </div>
              ))}
            </div>
          ) : null}
          <div className="detail-section">
            <h3>Attributes ({Object.keys(attributes).length})</h3>
            <KeyValues entries={Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))} shownAbove={shownAbove} />
          </div>
          {load.span.links && load.span.links.length > 0 ? (
            <div className="detail-section">
              <h3>Links ({load.span.links.length})</h3>
              {load.span.links.map((link, index) => (
                <div className="event" key={index}>
                  <Link className="mono" href={`/traces/${encodeURIComponent(link.traceId)}?span=${encodeURIComponent(link.spanId)}`}>
                    {link.traceId} / {link.spanId}
                  </Link>
                  <KeyValues entries={Object.entries(link.attributes)} />
                </div>
              ))}
            </div>
          ) : null}
          {load.span.resource && Object.keys(load.span.resource).length > 0 ? (
            <div className="detail-section">
              <h3>Resource</h3>
              <KeyValues entries={Object.entries(load.span.resource)} />
            </div>
          ) : null}
          {load.span.scope ? (
            <div className="detail-section">
              <h3>Instrumentation scope</h3>
              <KeyValues entries={[['name', load.span.scope.name], ['version', load.span.scope.version ?? '—']]} />
            </div>
          ) : null}
        </>
      )}
    </aside>
  );
}
