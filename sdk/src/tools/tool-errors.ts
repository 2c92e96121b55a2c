// Errors about tools. Failures of a tool *call* are not thrown into the run: they become tool-error results the
// model sees (see runner/execute-tool-call.ts); these classes name them and the definition mistakes made in code.
import { HotpathError } from '../errors.ts';

/** A tool was defined wrongly (bad name, non-object parameters, …): a programming error, thrown at definition. */
export class ToolDefinitionError extends HotpathError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'ToolDefinitionError';
  }
}

/** Why a tool call failed; `kind` is stable and becomes the span's `error.type`. */
export type ToolCallFailureKind =
  | 'unknown_tool'
  | 'invalid_json'
  | 'invalid_arguments'
  | 'execution_failed'
  | 'unserializable_result'
  | 'timeout'
  | 'aborted';

/** A failed tool call, turned into a tool-error result for the model. */
export class ToolCallError extends HotpathError {
  readonly kind: ToolCallFailureKind;
  readonly toolName: string;

  constructor(kind: ToolCallFailureKind, toolName: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'ToolCallError';
    this.kind = kind;
    this.toolName = toolName;
  }
}
