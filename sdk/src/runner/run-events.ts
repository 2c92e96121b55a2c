// Typed lifecycle events the runner emits. Telemetry listens to these and turns them into spans; the runner never
// depends on telemetry, so a run with no listener pays nothing for it. `stream()` exposes the user-facing subset.
// Times are epoch milliseconds with sub-millisecond precision (performance.timeOrigin + performance.now()).
import type { Message, ToolCall } from '../messages.ts';
import type { FinishReason, ModelUsage, TransportInfo } from '../provider/model-provider.ts';

export type RunOutcome = 'completed' | 'budget_exhausted' | 'stuck' | 'max_steps' | 'error' | 'aborted';

/** Why a model was chosen for a step (model routing and cascades). */
export interface RoutingDecision {
  model: string;
  candidates: string[];
  /** The rule that fired, e.g. `step:tool-selection`, `input-size`, `classifier`, `cascade:escalate`. */
  rule: string;
  reason: string;
}

export type ToolCacheOutcome = 'hit' | 'miss' | 'shared' | 'off';

/**
 * Where a speculative tool execution came from: the agent's declared `prefetch` or `prefetch.after` follow-ups, a
 * learned follow-up pattern, or a discarded model response's read-only calls (a draft the answer model replaced).
 */
export type SpeculationSource = 'prefetch' | 'follow-up' | 'learned' | 'draft';

/** Speculative executions of a run: started, put to use by the model, cancelled unused. */
export interface SpeculationCounts {
  started: number;
  used: number;
  wasted: number;
}

export interface SpeculationSummary extends SpeculationCounts {
  bySource: Partial<Record<SpeculationSource, SpeculationCounts>>;
}

interface Base {
  runId: string;
  time: number;
}

export type RunEvent =
  | (Base & {
      type: 'run-start';
      agentName: string;
      agentDescription?: string;
      /** Set only when the caller passed a real conversation/session id. */
      conversationId?: string;
      /** The run that started this one (sub-agent fan-out), for nesting. */
      parentRunId?: string;
      parentToolCallId?: string;
      /** `gen_ai.provider.name` of the runner's provider. */
      provider: string;
      /** The agent's default model (a router's `defaultModel`). */
      model: string;
      input: string;
      instructions: string;
      optimizations: Record<string, unknown>;
      /** With `promptCompression`: estimated tokens the compressed instructions and tool schemas save per request. */
      promptTokensSaved?: number;
      /** The caller's `attributes` from run options, to be set on the run's span as given. */
      attributes?: Record<string, string | number | boolean | string[]>;
    })
  | (Base & {
      type: 'model-call-start';
      callId: string;
      step: number;
      provider: string;
      model: string;
      /** `chat` for agent steps; `summarize`, `guardrail`, `classify` for side calls. */
      purpose: 'chat' | 'summarize' | 'guardrail' | 'classify' | 'cascade-check';
      routing?: RoutingDecision;
      messages: Message[];
      toolNames: string[];
      /** On `chat` calls: the agent's tools left out of the request by tool selection (0 when all were offered). */
      toolsOmitted?: number;
      maxOutputTokens?: number;
      temperature?: number;
      stream: boolean;
    })
  | (Base & { type: 'model-call-first-chunk'; callId: string })
  | (Base & { type: 'text-delta'; callId: string; delta: string })
  | (Base & {
      type: 'model-call-end';
      callId: string;
      model: string;
      responseModel?: string;
      responseId?: string;
      finishReason?: FinishReason;
      usage?: ModelUsage;
      /** USD, from the runner's price table when it knows the model. */
      costUsd?: number;
      transport?: TransportInfo;
      output?: Message;
      error?: { type: string; message: string };
      /** The routing decision as it stands once the response is in (a draft kept as a tool step), replacing the start's. */
      routing?: RoutingDecision;
      /**
       * Set when the runner threw this response away, with why: a draft whose final answer the answer model rewrites,
       * or a race's losing call, cancelled. The call still counts in usage.
       */
      discarded?: string;
    })
  | (Base & {
      type: 'tool-call-start';
      callId: string;
      step: number;
      toolCall: ToolCall;
      toolDescription?: string;
      /** Started while the model was still streaming (eager execution). */
      eager: boolean;
      /** Started ahead of the model because the agent declared it (prefetch at run start, or a follow-up). */
      prefetched: boolean;
      /** A follow-up prefetch (speculative): the tool whose result started it. */
      prefetchTrigger?: string;
      /** On speculative executions: where it came from, and whether the model used it (false: cancelled unused). */
      speculation?: { source: SpeculationSource; used: boolean };
    })
  | (Base & {
      type: 'tool-call-end';
      callId: string;
      toolCall: ToolCall;
      cache: ToolCacheOutcome;
      /** What the model will see. */
      result: string;
      isError: boolean;
      timedOut: boolean;
      fallbackUsed: boolean;
      /** Ran on the worker-thread pool. */
      worker: boolean;
      /** On cache hits and shared in-flight calls: how long the execution whose result was reused took. */
      savedMs?: number;
      /** With `toolResultViews` on: estimated tokens the result view kept out of the model's input. */
      resultTokensSaved?: number;
      error?: { type: string; message: string };
    })
  | (Base & {
      type: 'history-condensed';
      step: number;
      strategy: 'mask-tool-outputs' | 'summarize' | 'drop';
      tokensBefore: number;
      tokensAfter: number;
      messagesBefore: number;
      messagesAfter: number;
    })
  | (Base & {
      /**
       * A routing decision that waited on user code: an async classifier or predicate choosing the step's model
       * (`choose`), or an async cascade check judging a response (`check`). Synchronous decisions take no time worth
       * a span and only annotate the chat span (`hotpath.route.*`).
       */
      type: 'route-wait';
      step: number;
      phase: 'choose' | 'check';
      /** When the router was asked (epoch ms); `time` is when it answered. */
      startTime: number;
      /** The model chosen, or for `check` the model escalated to; null when the check kept the response. */
      model: string | null;
      /** The decision's rule (`classifier`, `cascade:escalate`, …); null when the check kept the response. */
      rule: string | null;
    })
  | (Base & { type: 'stuck-detected'; step: number; pattern: 'repeat' | 'ping-pong' | 'repeated-error' | 'max-steps'; detail: string })
  | (Base & {
      type: 'budget-exhausted';
      step: number;
      budget: 'tokens' | 'cost' | 'time' | 'steps';
      limit: number;
      used: number;
    })
  | (Base & { type: 'step-end'; step: number; toolCalls: number; finishReason?: FinishReason })
  | (Base & {
      type: 'run-end';
      outcome: RunOutcome;
      finalOutput: string;
      usage: RunUsage;
      steps: number;
      /** Speculative tool executions of the run (absent when there were none). */
      speculation?: SpeculationSummary;
      error?: { type: string; message: string };
    });

export type RunEventType = RunEvent['type'];

export interface ModelUsageTotals {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  requests: number;
  costUsd: number;
}

/** What a run used: totals and a per-model breakdown. */
export interface RunUsage extends ModelUsageTotals {
  byModel: Record<string, ModelUsageTotals>;
}

/** A function that receives every event of every run of a Runner. Must not throw; errors are swallowed. */
export type RunListener = (event: RunEvent) => void;
