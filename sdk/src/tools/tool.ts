// A tool the model can call: a zod object or a JSON Schema describes its arguments (shown to the model, and used to
// validate what the model sends before `execute` runs), plus the per-tool latency switches the runner honours.
import type { z } from 'zod';
import type { ToolSpec } from '../provider/model-provider.ts';
import { ToolDefinitionError } from './tool-errors.ts';
import { toolParameters, type ArgumentsCheck, type JsonSchemaObject } from './tool-parameters.ts';

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

/**
 * What describes a tool's arguments: a zod 4 object (`z.object({...})`, from any copy of zod 4 or `zod/mini`), a zod 3
 * object, or a JSON Schema object (`{ type: 'object', properties, required }`, draft-07 or, with its `$schema`,
 * 2019-09 / 2020-12), validated with Ajv.
 */
export type ToolParametersInput = z.ZodObject | JsonSchemaObject;

/** The arguments `execute` receives: zod's output type, or a plain record for JSON Schema. */
export type ToolArguments<Parameters> = Parameters extends z.ZodObject ? z.output<Parameters> : Record<string, unknown>;

export interface ToolOptions<Parameters extends ToolParametersInput> {
  /** Letters, digits, `_` and `-`, at most 64 characters (OpenAI's rule for function names). */
  name: string;
  description: string;
  parameters: Parameters;
  execute?: (args: ToolArguments<Parameters>, context: ToolContext) => unknown;
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
export interface Tool<Parameters extends ToolParametersInput = ToolParametersInput> extends Readonly<ToolOptions<Parameters>> {
  readonly kind: 'tool';
  /** The JSON Schema the model sees for the arguments. */
  readonly jsonSchema: Record<string, unknown>;
  /** Checks arguments against `parameters`: the value `execute` gets, or why they do not match. */
  validateArguments(value: unknown): ArgumentsCheck;
}

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Defines a tool. `parameters` is a zod object or a JSON Schema object (see {@link ToolParametersInput}).
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
export function tool<Parameters extends ToolParametersInput>(options: ToolOptions<Parameters>): Tool<Parameters> {
  if (!NAME_PATTERN.test(options.name)) {
    throw new ToolDefinitionError(`Tool name "${options.name}" must be 1–64 letters, digits, "_" or "-".`);
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
  const { jsonSchema, validate } = toolParameters(options.name, options.parameters);
  return Object.freeze({ ...options, kind: 'tool' as const, jsonSchema, validateArguments: validate });
}

/** The model-facing description of a tool. */
export function toolSpec(tool: Tool): ToolSpec {
  return { name: tool.name, description: tool.description, parameters: tool.jsonSchema };
}
