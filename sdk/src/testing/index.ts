// @hotpath/sdk/testing: helpers for testing agents — an in-memory span exporter (and the scripted model).
export { createTestTracing } from './in-memory-span-exporter.ts';
export type { TestTracing } from './in-memory-span-exporter.ts';
