// Public surface of the tools module.
export { tool, toolSpec } from './tool.ts';
export type { Tool, ToolArguments, ToolOptions, ToolContext, ToolCacheSettings, ToolParametersInput } from './tool.ts';
export type { ArgumentsCheck, JsonSchemaObject } from './tool-parameters.ts';
export { ToolCache } from './tool-cache.ts';
export type { ToolCacheOptions, ToolCacheLookup } from './tool-cache.ts';
export { ToolCallError, ToolDefinitionError } from './tool-errors.ts';
export type { ToolCallFailureKind } from './tool-errors.ts';
export { canonicalJson, toolCallKey } from './canonical-json.ts';
export { serializeToolResult } from './serialize-tool-result.ts';
export { WorkerPool } from './worker-pool.ts';
export type { WorkerPoolOptions } from './worker-pool.ts';
export { compactResult, modelViewOf } from './result-view.ts';
