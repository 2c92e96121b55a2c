// The query API's answer types: docs/query-api.md is the contract; these mirror it for the collector's code
// and for clients that import them (`import type { TraceSummary } from '@hotpath/collector'`).
import type { AttributeValue } from '../otlp/otlp-types.ts';

export interface TraceSummary {
  traceId: string;
  rootSpanId: string | null;
  name: string;
  service: string | null;
  agent: string | null;
  startTime: number;
  endTime: number;
  durationMs: number;
  spanCount: number;
  errorCount: number;
  status: 'ok' | 'error';
  inProgress: boolean;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costUsd: number;
  models: string[];
  simulated: boolean;
  attributes: Record<string, AttributeValue>;
}

export type SpanKindName = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export interface SpanRow {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKindName;
  startTime: number;
  endTime: number;
  durationMs: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status: { code: 'unset' | 'ok' | 'error'; message: string };
  operation: string | null;
  provider: string | null;
  model: string | null;
  agent: string | null;
  toolName: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cachedInputTokens: number | null;
  costUsd: number | null;
  cacheHit: 'hit' | 'miss' | 'shared' | 'off' | null;
  routeModel: string | null;
  routeRule: string | null;
  errorType: string | null;
  simulated: boolean;
  attributes?: Record<string, AttributeValue>;
  events?: { name: string; time: number; timeUnixNano: string; attributes: Record<string, AttributeValue> }[];
  links?: { traceId: string; spanId: string; attributes: Record<string, AttributeValue> }[];
  resource?: Record<string, AttributeValue>;
  scope?: { name: string; version: string | null };
}

export interface TraceDetail {
  trace: TraceSummary;
  spans: SpanRow[];
}
