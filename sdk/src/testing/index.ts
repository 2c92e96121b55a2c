// @hotpath/sdk/testing: helpers for testing agents — a scripted model (no server needed) and in-memory spans.
export { scriptedModel, ScriptExhaustedError } from './scripted-model.ts';
export type {
  Script,
  ScriptedCall,
  ScriptedModel,
  ScriptedModelOptions,
  ScriptedResponse,
  ScriptedToolCall,
} from './scripted-model.ts';
export { createTestTracing } from './in-memory-span-exporter.ts';
export type { TestTracing } from './in-memory-span-exporter.ts';
