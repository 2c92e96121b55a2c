// @hotpath/sdk/otel: OpenTelemetry SDK set-up for users without their own (the only entry point that loads sdk-node).
export { setup } from './setup.ts';
export type { OtlpProtocol, SetupOptions, TelemetryShutdown } from './setup.ts';
export type { ExportStats } from './counting-span-exporter.ts';
export { StartedSpanProcessor } from './started-span-processor.ts';
export type { StartedSpanProcessorOptions } from './started-span-processor.ts';
