// Trace summaries, merged span by span as batches arrive. Spans of one trace come in pieces and in any order
// (children usually before their parents, the root last), so every field is a fold that gives the same answer
// whatever the order: minimum start, maximum end, sums, distinct sets, and "the root wins, else the earliest".
import type { Attributes } from '../otlp/otlp-types.ts';
import type { SpanRecord, TraceRecord } from '../storage/schema.ts';

/** What the summary reads of a newly stored span: its identity, timing, status and derived columns. */
export type SpanFacts = Pick<
  SpanRecord,
  | 'spanId'
  | 'parentSpanId'
  | 'name'
  | 'startMs'
  | 'endMs'
  | 'statusCode'
  | 'statusMessage'
  | 'errorType'
  | 'service'
  | 'operation'
  | 'agent'
  | 'toolName'
  | 'model'
  | 'isModelCall'
  | 'inputTokens'
  | 'outputTokens'
  | 'cachedInputTokens'
  | 'costUsd'
  | 'simulated'
>;

/** `hotpath.tool.outcome` values that are not errors but are worth counting (docs/spans.md). */
export type QuietOutcome = 'cancelled' | 'fell_back';

/** A summary being merged: the stored record with its JSON columns opened up. */
export interface TraceAccumulator {
  record: TraceRecord;
  models: Set<string>;
  searchTerms: Set<string>;
  attributes: Attributes;
}

/** Bounds that keep a pathological trace (thousands of distinct names) from growing its summary row without end. */
const maxSearchTerms = 256;
const maxSearchTermLength = 200;
const maxModels = 64;

/**
 * Opens a stored summary (or starts a new one) for merging. The stored record is merged in place.
 *
 * @example
 * const trace = openTrace(traceId, storedRecord);
 * addSpan(trace, facts, Date.now());
 * const record = closeTrace(trace);
 */
export function openTrace(traceId: string, stored: TraceRecord | undefined): TraceAccumulator {
  if (stored) {
    return {
      record: stored,
      models: new Set(JSON.parse(stored.models) as string[]),
      searchTerms: new Set(stored.searchText === '' ? [] : stored.searchText.split('\n')),
      attributes: JSON.parse(stored.attributes) as Attributes,
    };
  }
  return {
    record: {
      traceId,
      rootSpanId: null,
      name: '',
      nameStartMs: Number.POSITIVE_INFINITY,
      service: null,
      agent: null,
      agentStartMs: null,
      startMs: Number.POSITIVE_INFINITY,
      endMs: Number.NEGATIVE_INFINITY,
      durationMs: 0,
      rootEndMs: null,
      spanCount: 0,
      errorCount: 0,
      cancelledCount: 0,
      fellBackCount: 0,
      inputTokens: 0,
      outputTokens: 0,
      cachedInputTokens: 0,
      totalTokens: 0,
      costUsd: 0,
      modelCalls: 0,
      toolCalls: 0,
      models: '[]',
      simulated: 0,
      attributes: '{}',
      searchText: '',
      updatedMs: 0,
      openSpans: 0,
      tags: '',
    },
    models: new Set(),
    searchTerms: new Set(),
    attributes: {},
  };
}

/**
 * Folds one newly stored span into a trace summary.
 *
 * @example
 * addSpan(trace, storedRow, { 'hotpath.workload.variant': 'optimized' }, Date.now());
 */
export function addSpan(
  trace: TraceAccumulator,
  span: SpanFacts,
  workloadAttributes: Attributes | undefined,
  nowMs: number,
  tags?: string,
  toolOutcome?: QuietOutcome,
): void {
  const record = trace.record;
  const isRoot = span.parentSpanId === null;
  record.spanCount += 1;
  if (span.statusCode === 2) record.errorCount += 1;
  // Counted apart from errors: a speculative call cancelled unused, a failure the tool's fallback answered.
  if (toolOutcome === 'cancelled') record.cancelledCount += 1;
  else if (toolOutcome === 'fell_back') record.fellBackCount += 1;
  record.startMs = Math.min(record.startMs, span.startMs);
  record.endMs = Math.max(record.endMs, span.endMs);
  record.durationMs = Math.max(0, record.endMs - record.startMs);
  if (isRoot && record.rootSpanId === null) {
    record.rootSpanId = span.spanId;
    record.rootEndMs = span.endMs;
    record.name = span.name;
    record.nameStartMs = span.startMs;
    if (span.service !== null) record.service = span.service;
    if (workloadAttributes) Object.assign(trace.attributes, workloadAttributes);
    if (tags !== undefined) record.tags = tags;
  } else {
    nameFromEarliest(record, span);
  }
  whoRan(record, span, isRoot);
  if (span.isModelCall === 1) {
    record.modelCalls += 1;
    record.inputTokens += span.inputTokens ?? 0;
    record.outputTokens += span.outputTokens ?? 0;
    record.cachedInputTokens += span.cachedInputTokens ?? 0;
    record.totalTokens = record.inputTokens + record.outputTokens;
    record.costUsd += span.costUsd ?? 0;
    if (span.model !== null && trace.models.size < maxModels) trace.models.add(span.model);
  }
  if (span.operation === 'execute_tool' || span.toolName !== null) record.toolCalls += 1;
  if (span.simulated === 1) record.simulated = 1;
  addSearchTerms(trace, [span.name, span.agent, span.toolName, span.model, span.service]);
  // Error text is searchable too: what failed and how it said so.
  if (span.statusCode === 2) addSearchTerms(trace, [span.errorType, span.statusMessage === '' ? null : span.statusMessage]);
  record.updatedMs = nowMs;
}

/**
 * Folds a span's start record (a span still running, docs/spans.md) into the summary: it tells who runs what and
 * since when, but nothing it would count (spans, errors, tokens, calls) until the finished span replaces it, which
 * then goes through {@link addSpan} and {@link closeOpenSpan}. A root's start record names the trace without becoming
 * its root, so the trace stays in progress.
 *
 * @example
 * addOpenSpan(trace, startRecord, workloadAttributes, Date.now(), tags);
 */
export function addOpenSpan(
  trace: TraceAccumulator,
  span: SpanFacts,
  workloadAttributes: Attributes | undefined,
  nowMs: number,
  tags?: string,
): void {
  const record = trace.record;
  record.openSpans += 1;
  record.startMs = Math.min(record.startMs, span.startMs);
  record.endMs = Math.max(record.endMs, span.startMs);
  record.durationMs = Math.max(0, record.endMs - record.startMs);
  const isRoot = span.parentSpanId === null;
  if (record.rootSpanId === null) {
    nameFromEarliest(record, span);
    if (isRoot && record.service === null) record.service = span.service;
    if (isRoot && workloadAttributes) Object.assign(trace.attributes, workloadAttributes);
    if (isRoot && tags !== undefined && record.tags === '') record.tags = tags;
  }
  whoRan(record, span, isRoot);
  addSearchTerms(trace, [span.name, span.agent, span.toolName, span.model, span.service]);
  record.updatedMs = nowMs;
}

/**
 * One of the trace's start records was replaced by its finished span.
 *
 * @example
 * closeOpenSpan(trace);
 */
export function closeOpenSpan(trace: TraceAccumulator): void {
  trace.record.openSpans = Math.max(0, trace.record.openSpans - 1);
}

function nameFromEarliest(record: TraceRecord, span: SpanFacts): void {
  if (record.rootSpanId === null && span.startMs < record.nameStartMs) {
    record.name = span.name;
    record.nameStartMs = span.startMs;
  }
}

function whoRan(record: TraceRecord, span: SpanFacts, isRoot: boolean): void {
  if (record.service === null) record.service = span.service;
  if (span.agent !== null && span.operation !== 'execute_tool') {
    const current = record.agentStartMs;
    if (current === null || span.startMs < current || (span.startMs === current && isRoot)) {
      record.agent = span.agent;
      record.agentStartMs = span.startMs;
    }
  }
}

function addSearchTerms(trace: TraceAccumulator, terms: (string | null)[]): void {
  for (const term of terms) {
    if (term === null || trace.searchTerms.size >= maxSearchTerms) continue;
    trace.searchTerms.add(term.toLowerCase().replaceAll('\n', ' ').slice(0, maxSearchTermLength));
  }
}

/**
 * The summary as a row to store.
 *
 * @example
 * upsertTrace.run(closeTrace(trace));
 */
export function closeTrace(trace: TraceAccumulator): TraceRecord {
  // Assigned rather than spread into a new object: this runs for every touched trace of every batch.
  const record = trace.record;
  record.models = JSON.stringify([...trace.models]);
  record.searchText = [...trace.searchTerms].join('\n');
  record.attributes = JSON.stringify(trace.attributes);
  return record;
}

/** Clocks of spans in one process round differently (sub-microsecond); a child "after" the root by less is not. */
const endGraceMs = 1;

/**
 * Whether more of a trace may still arrive: a span is still running (its start record is stored, its end is not),
 * its root is missing, or a span ended after the root did (detached work still running when the root closed),
 * beyond a 1 ms grace for clock rounding.
 *
 * @example
 * isInProgress({ rootSpanId: null, rootEndMs: null, endMs: 10, openSpans: 0 }); // true
 */
export function isInProgress(record: Pick<TraceRecord, 'rootSpanId' | 'rootEndMs' | 'endMs' | 'openSpans'>): boolean {
  return record.openSpans > 0 || record.rootSpanId === null || (record.rootEndMs !== null && record.endMs > record.rootEndMs + endGraceMs);
}
