// Trace summaries, merged span by span as batches arrive. Spans of one trace come in pieces and in any order
// (children usually before their parents, the root last), so every field is a fold that gives the same answer
// whatever the order: minimum start, maximum end, sums, distinct sets, and "the root wins, else the earliest".
import type { Attributes } from '../otlp/otlp-types.ts';
import type { TraceRecord } from '../storage/schema.ts';
import type { DerivedColumns } from './derive-span.ts';

/** What the summary needs to know about one newly stored span. */
export interface SpanFacts {
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  startMs: number;
  endMs: number;
  statusCode: number;
  attributes: Attributes;
  derived: DerivedColumns;
}

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
const workloadPrefix = 'hotpath.workload.';

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
 * addSpan(trace, { spanId, parentSpanId: '', name: 'invoke_agent support', startMs, endMs, statusCode: 0, attributes, derived }, Date.now());
 */
export function addSpan(trace: TraceAccumulator, span: SpanFacts, nowMs: number): void {
  const record = trace.record;
  const isRoot = span.parentSpanId === '';
  const derived = span.derived;
  record.spanCount += 1;
  if (span.statusCode === 2) record.errorCount += 1;
  record.startMs = Math.min(record.startMs, span.startMs);
  record.endMs = Math.max(record.endMs, span.endMs);
  record.durationMs = Math.max(0, record.endMs - record.startMs);
  if (isRoot && record.rootSpanId === null) {
    record.rootSpanId = span.spanId;
    record.rootEndMs = span.endMs;
    record.name = span.name;
    record.nameStartMs = span.startMs;
    if (derived.service !== null) record.service = derived.service;
    for (const [key, value] of Object.entries(span.attributes)) {
      if (key.startsWith(workloadPrefix)) trace.attributes[key] = value;
    }
  } else if (record.rootSpanId === null && span.startMs < record.nameStartMs) {
    record.name = span.name;
    record.nameStartMs = span.startMs;
  }
  if (record.service === null) record.service = derived.service;
  if (derived.agent !== null && derived.operation !== 'execute_tool') {
    const current = record.agentStartMs;
    if (current === null || span.startMs < current || (span.startMs === current && isRoot)) {
      record.agent = derived.agent;
      record.agentStartMs = span.startMs;
    }
  }
  if (derived.isModelCall) {
    record.modelCalls += 1;
    record.inputTokens += derived.inputTokens ?? 0;
    record.outputTokens += derived.outputTokens ?? 0;
    record.cachedInputTokens += derived.cachedInputTokens ?? 0;
    record.totalTokens = record.inputTokens + record.outputTokens;
    record.costUsd += derived.costUsd ?? 0;
    if (derived.model !== null && trace.models.size < maxModels) trace.models.add(derived.model);
  }
  if (derived.operation === 'execute_tool' || derived.toolName !== null) record.toolCalls += 1;
  if (derived.simulated) record.simulated = 1;
  for (const term of [span.name, derived.agent, derived.toolName, derived.model]) {
    if (term === null || trace.searchTerms.size >= maxSearchTerms) continue;
    trace.searchTerms.add(term.toLowerCase().replaceAll('\n', ' ').slice(0, maxSearchTermLength));
  }
  record.updatedMs = nowMs;
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

/**
 * Whether more of a trace may still arrive: its root is missing, or spans ended after the root did.
 *
 * @example
 * isInProgress({ rootSpanId: null, rootEndMs: null, endMs: 10 }); // true
 */
export function isInProgress(record: Pick<TraceRecord, 'rootSpanId' | 'rootEndMs' | 'endMs'>): boolean {
  return record.rootSpanId === null || (record.rootEndMs !== null && record.endMs > record.rootEndMs);
}
