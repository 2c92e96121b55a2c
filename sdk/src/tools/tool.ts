// A tool the model can call: a zod object describes its arguments (exported to JSON Schema for the model and used to
// validate what the model sends before `execute` runs), plus the per-tool latency switches the runner honours.
import { z } from 'zod';
import type { ToolSpec } from '../provider/model-provider.ts';
import { ToolDefinitionError } from './tool-errors.ts';

/** What `execute` receives besides its arguments. */
export interface ToolContext {
  /** Aborted when the run is aborted or the tool's timeout fires; long-running tools should honour it. */
  signal: AbortSignal;
  /** The run that asked for this call. */
  runId: string;
  /** The model's id for this tool call (`gen_ai.tool.call.id`). */
  toolCallId: string;
}

export interface ToolCacheSettings {
  /** How long a result stays fresh (default: the ToolCache's default, 5 minutes). */
  ttlMs?: number;
  /** The most results of this tool kept, least recently used dropped first (default 500). */
  maxEntries?: number;
}

export interface ToolOptions<Parameters extends z.ZodObject> {
  /** Letters, digits, `_` and `-`, at most 64 characters (OpenAI's rule for function names). */
  name: string;
  description: string;
  parameters: Parameters;
  execute?: (args: z.output<Parameters>, context: ToolContext) => unknown;
  /** Cache results by name + canonical arguments. Only for idempotent tools: a cached answer is reused as-is. */
  cache?: boolean | ToolCacheSettings;
  /** Safe to start before the model has finished its response (eager start) and at run start (prefetch). */
  readOnly?: boolean;
  /** Give up after this long: the call's signal is aborted and the model sees a timeout result or `fallback`. */
  timeoutMs?: number;
  /** The result the model sees instead of an error when the tool times out or fails. */
  fallback?: unknown | ((error: Error) => unknown);
  /**
   * The part of a result the model sees (with the runner's `toolResultViews` switch on): a projection keeping every
   * field an answer can need, e.g. `(order) => ({ id: order.id, status: order.status, shipmentId: order.shipmentId })`.
   * Applied to successful results, not to `fallback` values; the result is then compacted (empty fields dropped).
   */
  // Method syntax on purpose: a view typed for the tool's own result shape, `(order: Order) => …`, is accepted.
  modelView?(result: unknown): unknown;
  /**
   * CPU-heavy: a module whose default export is the execute function `(args) => result`, run on a worker-thread pool
   * so it does not stall other tools and streams. Arguments and results must be structured-cloneable.
   */
  worker?: URL | string;
}

/** A tool ready for an Agent. Created by {@link tool}. */
export interface Tool<Parameters extends z.ZodObject = z.ZodObject> extends Readonly<ToolOptions<Parameters>> {
  readonly kind: 'tool';
  /** The JSON Schema the model sees for the arguments. */
  readonly jsonSchema: Record<string, unknown>;
}

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Defines a tool.
 *
 * @example
 * const getOrder = tool({
 *   name: 'get_order',
 *   description: 'Look up an order by id',
 *   parameters: z.object({ orderId: z.string() }),
 *   readOnly: true,
 *   cache: { ttlMs: 60_000 },
 *   execute: async ({ orderId }, { signal }) => fetchOrder(orderId, { signal }),
 * });
 */
export function tool<Parameters extends z.ZodObject>(options: ToolOptions<Parameters>): Tool<Parameters> {
  if (!NAME_PATTERN.test(options.name)) {
    throw new ToolDefinitionError(`Tool name "${options.name}" must be 1–64 letters, digits, "_" or "-".`);
  }
  if (!(options.parameters instanceof z.ZodObject)) {
    throw new ToolDefinitionError(`Tool "${options.name}": parameters must be a zod object (z.object({...})).`);
  }
  if (!options.execute === !options.worker) {
    throw new ToolDefinitionError(`Tool "${options.name}": give exactly one of execute or worker.`);
  }
  if (options.modelView !== undefined && typeof options.modelView !== 'function') {
    throw new ToolDefinitionError(`Tool "${options.name}": modelView must be a function (result) => what the model sees.`);
  }
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
    throw new ToolDefinitionError(`Tool "${options.name}": timeoutMs must be a positive number.`);
  }
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(options.parameters, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  } catch (cause) {
    throw new ToolDefinitionError(`Tool "${options.name}": parameters cannot be expressed as JSON Schema.`, { cause });
  }
  delete jsonSchema.$schema;
  // zod strips unknown keys, so telling the model "no other keys" is true, and OpenAI's strict mode requires it.
  jsonSchema.additionalProperties ??= false;
  return Object.freeze({ ...options, kind: 'tool' as const, jsonSchema });
}

/** The model-facing description of a tool. */
export function toolSpec(tool: Tool): ToolSpec {
  return { name: tool.name, description: tool.description, parameters: tool.jsonSchema };
}
