// The model call of an agent step, with what surrounds it: read-only tools started eagerly as soon as their
// arguments are complete in the stream (the `eagerTools` switch), and cascades — when the router's check on a
// response fails, the response is discarded (its eager tools cancelled) and the step is repeated with the model the
// router escalates to.
import type { RunContext, ToolCallRecord } from './run-context.ts';
import { callModel, type ModelResponse } from './call-model.ts';
import { executeToolCall } from './execute-tool-call.ts';
import type { PreparedStep } from './prepare-step.ts';
import type { RoutingDecision } from './run-events.ts';
import { routerAnswer } from './router-answer.ts';

export interface StepResponse {
  response: ModelResponse;
  routing?: RoutingDecision;
  /** Tool executions started while the model streamed, by tool call id. */
  started: Map<string, Promise<ToolCallRecord>>;
  /** Cancels the eager executions (when the step is abandoned before its tools are awaited). */
  cancelStarted(): Promise<void>;
}

/** Calls the step's model, starting eager tools and following the router's escalations. */
export async function callStepModel(run: RunContext, prepared: PreparedStep, signal: AbortSignal): Promise<StepResponse> {
  const router = typeof run.agent.model === 'string' ? undefined : run.agent.model;
  let routing = prepared.routing;
  let request = prepared.request;
  for (let attempt = 0; ; attempt++) {
    const eager = new AbortController();
    const eagerSignal = AbortSignal.any([signal, eager.signal]);
    const started = new Map<string, Promise<ToolCallRecord>>();
    const cancelStarted = async () => {
      eager.abort();
      await Promise.allSettled(started.values());
    };
    const onToolCall = run.settings.eagerTools
      ? (toolCall: { id: string; name: string; arguments: string }) => {
          if (run.tools.get(toolCall.name)?.readOnly && !started.has(toolCall.id)) {
            started.set(toolCall.id, executeToolCall(run, toolCall, prepared.step, { eager: true, signal: eagerSignal }));
          }
        }
      : undefined;
    let response: ModelResponse;
    try {
      response = await callModel(run, {
        request,
        step: prepared.step,
        purpose: 'chat',
        ...(routing ? { routing } : {}),
        signal,
        ...(onToolCall ? { onToolCall } : {}),
      });
    } catch (error) {
      await cancelStarted();
      throw error;
    }
    const escalated =
      routing && prepared.route && router?.escalate && attempt < router.models.length
        ? await routerAnswer(run, prepared.step, 'check', () => router.escalate!(response.message, prepared.route!, routing!))
        : null;
    if (!escalated) return { response, ...(routing ? { routing } : {}), started, cancelStarted };
    await cancelStarted();
    routing = escalated;
    request = { ...request, model: escalated.model };
  }
}
