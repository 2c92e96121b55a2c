// What a tool's `parameters` may be, and how each kind becomes the two things the runner needs: the JSON Schema the
// model sees, and a validator for the arguments the model sends. Agents ported from other SDKs arrive with zod 4
// objects (any copy of zod 4, also `zod/mini` and zod 3.25's `zod/v4`), zod 3 objects (Vercel AI SDK 4, LangChain)
// or plain JSON Schema (MCP servers, OpenAI function definitions); all three are accepted.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { ToolDefinitionError } from './tool-errors.ts';

/** A JSON Schema describing an object (`{ type: 'object', properties, required, … }`). */
export type JsonSchemaObject = { type?: 'object'; properties?: Record<string, unknown>; [keyword: string]: unknown };

/** What `validate` says about arguments: the parsed value (zod may transform it), or why they do not match. */
export type ArgumentsCheck = { ok: true; value: Record<string, unknown> } | { ok: false; message: string; cause: unknown };

export interface ToolParameters {
  kind: 'zod' | 'zod3' | 'json-schema';
  /** The JSON Schema the model sees, without `$schema`. */
  jsonSchema: Record<string, unknown>;
  validate(value: unknown): ArgumentsCheck;
}

/**
 * Reads a tool's `parameters`: a zod 4 object, a zod 3 object, or a JSON Schema object.
 *
 * @example
 * toolParameters('get_order', { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] }).validate({ orderId: 'A1' });
 */
export function toolParameters(toolName: string, parameters: unknown): ToolParameters {
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    throw new ToolDefinitionError(`Tool "${toolName}": parameters must be a zod object (z.object({...})) or a JSON Schema object, got ${describe(parameters)}.`);
  }
  if ('_zod' in parameters) return zod4Parameters(toolName, parameters as z.core.$ZodType);
  if ('_def' in parameters && typeof (parameters as { safeParse?: unknown }).safeParse === 'function') return zod3Parameters(toolName, parameters);
  return jsonSchemaParameters(toolName, parameters as JsonSchemaObject);
}

function zod4Parameters(toolName: string, schema: z.core.$ZodType): ToolParameters {
  if (schema._zod.def.type !== 'object') {
    throw new ToolDefinitionError(`Tool "${toolName}": parameters must be a zod object (z.object({...})), got a zod ${schema._zod.def.type}.`);
  }
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  } catch (cause) {
    throw new ToolDefinitionError(`Tool "${toolName}": parameters cannot be expressed as JSON Schema.`, { cause });
  }
  delete jsonSchema.$schema;
  // zod strips unknown keys, so telling the model "no other keys" is true, and OpenAI's strict mode requires it.
  jsonSchema.additionalProperties ??= false;
  return {
    kind: 'zod',
    jsonSchema,
    validate(value) {
      // z.safeParse (not schema.safeParse) also reads zod/mini schemas, which have no methods.
      const result = z.safeParse(schema, value);
      if (result.success) return { ok: true, value: result.data as Record<string, unknown> };
      return { ok: false, message: z.prettifyError(result.error), cause: result.error };
    },
  };
}

interface Zod3Like {
  _def: { typeName?: unknown };
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: (string | number)[]; message: string }[] } };
}

function zod3Parameters(toolName: string, parameters: object): ToolParameters {
  const schema = parameters as Zod3Like;
  if (schema._def.typeName !== 'ZodObject') {
    throw new ToolDefinitionError(`Tool "${toolName}": parameters must be a zod object (z.object({...})), got a zod 3 ${String(schema._def.typeName)}.`);
  }
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = zodToJsonSchema(schema as never, { target: 'jsonSchema7', $refStrategy: 'none' }) as Record<string, unknown>;
  } catch (cause) {
    throw new ToolDefinitionError(
      `Tool "${toolName}": these zod 3 parameters cannot be expressed as JSON Schema; pass a zod 4 object (zod ≥ 4, or "zod/v4") or a JSON Schema object instead.`,
      { cause },
    );
  }
  delete jsonSchema.$schema;
  jsonSchema.additionalProperties ??= false;
  return {
    kind: 'zod3',
    jsonSchema,
    validate(value) {
      const result = schema.safeParse(value);
      if (result.success) return { ok: true, value: result.data as Record<string, unknown> };
      const message = result.error.issues.map((issue) => `✖ ${issue.message}${issue.path.length > 0 ? `\n  → at ${issue.path.join('.')}` : ''}`).join('\n');
      return { ok: false, message, cause: result.error };
    },
  };
}

// One validator per JSON Schema dialect, created on first use: compiling is the expensive part and Ajv caches
// compiled schemas by identity. `strict: false` because tool schemas in the wild carry keywords (titles on
// properties, `examples`, vendor extensions) that strict mode rejects; formats (`date`, `email`) are hints to the
// model, not enforced (`validateFormats: false`), so an unknown one neither fails nor logs.
let draft7: Ajv | undefined;
let draft2020: Ajv2020 | undefined;

function compilerFor(schema: JsonSchemaObject): Ajv | Ajv2020 {
  const dialect = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (/2020-12|2019-09/.test(dialect)) return (draft2020 ??= new Ajv2020({ strict: false, allErrors: true, validateFormats: false }));
  return (draft7 ??= new Ajv({ strict: false, allErrors: true, validateFormats: false }));
}

function jsonSchemaParameters(toolName: string, schema: JsonSchemaObject): ToolParameters {
  const type = schema.type;
  if (type !== undefined && type !== 'object') {
    throw new ToolDefinitionError(`Tool "${toolName}": a JSON Schema for parameters must describe an object (type "object"), got type ${JSON.stringify(type)}.`);
  }
  if (type === undefined && typeof schema.properties !== 'object') {
    throw new ToolDefinitionError(
      `Tool "${toolName}": parameters must be a zod object (z.object({...})) or a JSON Schema object ({ type: 'object', properties: {...} }), got an object with neither.`,
    );
  }
  let copy: JsonSchemaObject;
  try {
    copy = structuredClone(schema);
  } catch (cause) {
    throw new ToolDefinitionError(`Tool "${toolName}": the JSON Schema of parameters must be plain data (it cannot be copied).`, { cause });
  }
  let check: ValidateFunction;
  try {
    check = compilerFor(copy).compile(copy);
  } catch (cause) {
    throw new ToolDefinitionError(`Tool "${toolName}": parameters is not a valid JSON Schema: ${(cause as Error).message}`, { cause });
  }
  const jsonSchema: Record<string, unknown> = { ...copy, type: 'object' };
  delete jsonSchema.$schema;
  return {
    kind: 'json-schema',
    jsonSchema,
    validate(value) {
      if (check(value)) return { ok: true, value: value as Record<string, unknown> };
      const errors = check.errors ?? [];
      return { ok: false, message: errors.map(errorLine).join('\n'), cause: errors };
    },
  };
}

function errorLine(error: ErrorObject): string {
  const where = error.instancePath === '' ? '' : `\n  → at ${error.instancePath.slice(1).replaceAll('/', '.')}`;
  const extra = error.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})` : '';
  return `✖ ${error.message ?? 'is invalid'}${extra}${where}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
