// Telemetry: the runner's events become OpenTelemetry GenAI spans. Depends on @opentelemetry/api only.
export { instrument, uninstrument } from './instrument.ts';
export type { SubscribableRunner } from './instrument.ts';
export type { InstrumentOptions, SpanStarter } from './instrument-options.ts';
export type { AsyncAgentFunction } from './instrument-function.ts';
export { createRunSpanListener } from './run-span-listener.ts';
export type { RunSpanListener, RunSpanListenerOptions } from './run-span-listener.ts';
export { captureContentEnabled } from './capture-content.ts';
export { TelemetryError } from './telemetry-error.ts';
export { formatSpanTree } from './format-span-tree.ts';
export type { FinishedSpan, FormatSpanTreeOptions } from './format-span-tree.ts';
