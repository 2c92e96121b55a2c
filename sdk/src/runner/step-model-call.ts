// The model call of an agent step, with what surrounds it:
// - eager tools: read-only calls start as soon as their arguments are complete in the stream (the `eagerTools`
//   switch), as speculative executions owned by the response, which its own tool calls then claim;
// - the draft cascade (`draftCascade`, draft-step.ts): with a router that has a draft model, the draft serves the step
//   and the answer model is asked only when the draft answers instead of calling tools;
// - checked cascades: when the router's check on a response fails, the response is discarded and the step is repeated
//   with the model the router escalates to.
// A discarded response's read-only calls keep running as speculation for the next response (`draftSpeculation`);
// whatever the kept response does not claim is cancelled when the step's tools have run (`release`).
import type { RunContext } from './run-context.ts';
import { callModel, type ModelResponse } from './call-model.ts';
import { callWithDraft } from './draft-step.ts';
import type { PreparedStep } from './prepare-step.ts';
import { routerAnswer } from './router-answer.ts';
import { discard, eagerStart, releaseAll, responseOwner, type StepResponse } from './step-response.ts';
import type { DraftSettings } from '../routing/model-router.ts';

/** Calls the step's model, starting eager tools and following the draft cascade or the router's escalations. */
export async function callStepModel(run: RunContext, prepared: PreparedStep, signal: AbortSignal): Promise<StepResponse> {
  const router = typeof run.agent.model === 'string' ? undefined : run.agent.model;
  const draft = router?.draft;
  let routing = prepared.routing;
  if (
    draft &&
    run.settings.draftCascade &&
    routing &&
    routing.model !== draft.model &&
    prepared.request.tools.length > 0 &&
    prepared.request.toolChoice !== 'none'
  ) {
    const stalled = stalledDraft(run, draft);
    if (stalled === undefined) return callWithDraft(run, prepared, signal, draft, routing);
    routing = { ...routing, rule: 'answer-escalation', reason: `${stalled}; ${routing.model} serves the rest of the run` };
  }
  let request = prepared.request;
  const discarded: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const owner = responseOwner(prepared.step, attempt);
    let response: ModelResponse;
    try {
      response = await callModel(run, {
        request,
        step: prepared.step,
        purpose: 'chat',
        ...(routing ? { routing } : {}),
        signal,
        ...eagerStart(run, owner),
      });
    } catch (error) {
      await releaseAll(run, [...discarded, owner]);
      throw error;
    }
    const escalated =
      routing && prepared.route && router?.escalate && attempt < router.models.length
        ? await routerAnswer(run, prepared.step, 'check', () => router.escalate!(response.message, prepared.route!, routing!))
        : null;
    if (!escalated) return { response, ...(routing ? { routing } : {}), owner, release: () => releaseAll(run, [...discarded, owner]) };
    await discard(run, owner, discarded);
    routing = escalated;
    request = { ...request, model: escalated.model };
  }
}

/**
 * Why the draft should no longer serve this run, if it should not: it kept calling one tool — `sameToolSteps` kept
 * draft steps in a row, each calling only that tool (paging, rewording, walking dates) — now or earlier in the run.
 */
function stalledDraft(run: RunContext, draft: DraftSettings): string | undefined {
  if (draft.sameToolSteps === false) return undefined;
  const limit = draft.sameToolSteps;
  let streak = 0;
  let streakTool: string | undefined;
  for (const step of run.steps) {
    const tools = new Set(step.toolCalls.map((record) => record.toolCall.name));
    const single = step.routing?.rule === 'draft-tool-step' && tools.size === 1 ? [...tools][0] : undefined;
    streak = single !== undefined && single === streakTool ? streak + 1 : single !== undefined ? 1 : 0;
    streakTool = single;
    if (streak >= limit) return `${draft.model} called ${streakTool} ${limit} steps in a row`;
  }
  return undefined;
}
