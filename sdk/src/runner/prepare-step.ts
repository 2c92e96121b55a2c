// Phase "prepare step": keep the history within its token budget (the `history` switch), choose the step's model
// (the `routing` switch; a decision that waits on an async classifier is reported as a `route-wait` event), and
// build the request in the prompt-cache-friendly layout.
import { condenseHistory, estimateTokens } from '../history/index.ts';
import type { ModelRequest } from '../provider/model-provider.ts';
import type { RouteContext } from '../routing/model-router.ts';
import { buildRequest } from './build-request.ts';
import { callModel } from './call-model.ts';
import type { RunContext } from './run-context.ts';
import type { RoutingDecision } from './run-events.ts';
import { routerAnswer } from './router-answer.ts';

export interface PreparedStep {
  step: number;
  request: ModelRequest;
  routing?: RoutingDecision;
  /** What the router saw (only when a router chose the model), for its `escalate` check. */
  route?: RouteContext;
}

/** Condenses the history if it is over budget, routes, and builds the step's request. */
export async function prepareStep(
  run: RunContext,
  step: number,
  signal: AbortSignal,
  options: { final?: boolean; toolChoice?: ModelRequest['toolChoice']; extra?: ModelRequest['messages'] } = {},
): Promise<PreparedStep> {
  if (run.settings.history) await condense(run, step, signal);
  const router = typeof run.agent.model === 'string' || !run.settings.routing ? undefined : run.agent.model;
  if (!router) return { step, request: buildRequest(run, run.agent.defaultModel, options) };
  const route = routeContext(run, step, options.final === true);
  const routing = await routerAnswer(run, step, 'choose', () => router.route(route));
  return { step, request: buildRequest(run, routing.model, options), routing, route };
}

/** What a router sees about the step. */
export function routeContext(run: RunContext, step: number, final: boolean): RouteContext {
  const last = run.messages.at(-1);
  const messages = [run.system, ...run.messages];
  return {
    agentName: run.agent.name,
    step,
    stepKind: final ? 'final' : last?.role === 'tool' ? 'after-tools' : 'first',
    input: run.input,
    messages,
    estimatedInputTokens: estimateTokens(messages),
    toolNames: run.toolSpecs.map((spec) => spec.name),
  };
}

async function condense(run: RunContext, step: number, signal: AbortSignal): Promise<void> {
  const policy = run.settings.history;
  if (!policy) return;
  const model = run.agent.model;
  const summaryModel = policy.summaryModel ?? (typeof model === 'string' ? model : (model.models[0] ?? model.defaultModel));
  const result = await condenseHistory(
    run.messages,
    policy,
    async (messages, summarySignal) => {
      const response = await callModel(run, {
        request: { model: summaryModel, messages, tools: [], stream: run.settings.streaming },
        step,
        purpose: 'summarize',
        signal: summarySignal ?? signal,
      });
      return response.text;
    },
    { signal },
  );
  if (!result.condensed) return;
  run.messages = result.messages;
  run.emit({ type: 'history-condensed', step, ...result.condensed });
}
