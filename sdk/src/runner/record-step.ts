// Phase "record step": the model's message and the tool results join the history (appended, never rewritten), the
// step joins the run's steps, and `step-end` is emitted.
import type { AssistantMessage, ToolMessage } from '../messages.ts';
import type { ModelResponse } from './call-model.ts';
import type { RunContext, StepResult, ToolCallRecord } from './run-context.ts';
import type { RoutingDecision } from './run-events.ts';

/** Appends one completed step to the run. */
export function recordStep(
  run: RunContext,
  step: number,
  response: ModelResponse,
  routing: RoutingDecision | undefined,
  records: ToolCallRecord[],
  message: AssistantMessage = response.message,
): StepResult {
  run.messages.push(message);
  for (const record of records) {
    const toolMessage: ToolMessage = {
      role: 'tool',
      toolCallId: record.toolCall.id,
      toolName: record.toolCall.name,
      content: record.result,
      ...(record.isError ? { isError: true } : {}),
    };
    run.messages.push(toolMessage);
  }
  const result: StepResult = {
    step,
    model: message.model ?? response.message.model ?? '',
    ...(routing ? { routing } : {}),
    text: response.text,
    toolCalls: records,
    finishReason: response.finishReason,
    usage: response.usage,
  };
  run.steps.push(result);
  run.emit({ type: 'step-end', step, toolCalls: records.length, finishReason: response.finishReason });
  return result;
}
