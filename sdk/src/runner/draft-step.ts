// The automatic cheap-step cascade (the `draftCascade` switch): a step of an agent whose router has a draft model is
// first served by the draft. A draft response made of valid tool calls is kept — the step only chose the next lookups
// — and the answer model (the step's routed model) is not needed (rule `draft-tool-step`). Anything else is answered by
// the answer model (rule `answer-escalation`): a final answer (answers are always written by the answer model), an
// unknown tool, arguments failing the schema, a response cut off, a call of a tool that is not `readOnly` (with
// `escalateWrites`), or a failed draft call. Nothing reads the question's wording.
//
// When the answer model is asked depends on the draft's `race`: `on-text` starts it beside the draft as soon as the
// draft starts writing text instead of calling tools, `always` starts both together, `never` waits for the whole
// draft, and `auto` (the default) starts both together on the steps where the answer model has mostly been needed
// for this agent so far (draft-statistics.ts), `on-text` on the others. A call that turns out not to be needed is cancelled (`DiscardedCall`) and its end reported as discarded, so
// the waterfall shows the discarded draft or the losing call with why.
import type { DraftSettings } from '../routing/model-router.ts';
import { callModel, DiscardedCall, type ModelCall, type ModelCallReview, type ModelResponse } from './call-model.ts';
import { parseArguments } from './execute-tool-call.ts';
import type { PreparedStep } from './prepare-step.ts';
import type { RunContext } from './run-context.ts';
import { describeError } from './run-errors.ts';
import type { RoutingDecision } from './run-events.ts';
import { discard, eagerStart, releaseAll, responseOwner, type StepResponse } from './step-response.ts';

type Settled = { ok: true; response: ModelResponse } | { ok: false; error: unknown };
type Verdict = { keep: true } | { keep: false; reason: string };

interface RunningCall {
  owner: string;
  controller: AbortController;
  settled: Promise<Settled>;
}

/**
 * Serves a step with the draft model, asking `answer` (the step's routing decision) only when the draft does not end
 * in valid tool calls.
 *
 * @example
 * const stepResponse = await callWithDraft(run, prepared, signal, router.draft, prepared.routing);
 */
export async function callWithDraft(
  run: RunContext,
  prepared: PreparedStep,
  signal: AbortSignal,
  draft: DraftSettings,
  answer: RoutingDecision,
): Promise<StepResponse> {
  const { step } = prepared;
  const decision = (model: string, rule: string, reason: string): RoutingDecision => ({ model, candidates: answer.candidates, rule, reason });
  const keptRouting = (calls: number) =>
    decision(draft.model, 'draft-tool-step', `${draft.model} asked for ${plural(calls, 'valid tool call')}: kept, ${answer.model} not needed`);
  const escalation = () =>
    decision(answer.model, 'answer-escalation', `${verdict && !verdict.keep ? verdict.reason : `${answer.model} finished before the draft`}; answers are written by ${answer.model}`);
  const statistics = run.config.draftStatistics;
  const fromStart = draft.race === 'always' || (draft.race === 'auto' && statistics.raceFromStart(run.agent.name, step));
  const race = fromStart ? 'always' : draft.race === 'never' ? 'never' : 'on-text';
  const seen = statistics.neededShare(run.agent.name, step);
  const raceReason =
    draft.race === 'always'
      ? 'started together with the draft (race: always)'
      : `started together with the draft: at step ${step + 1} of a run ${answer.model} was needed ${seen ? `${Math.round(seen.share * seen.drafted)} of ${seen.drafted}` : 'most'} times`;
  let verdict: Verdict | undefined;
  let answerCall: RunningCall | undefined;
  let resolveAnswer!: (settled: Settled) => void;
  const answerSettled = new Promise<Settled>((resolve) => (resolveAnswer = resolve));

  const start = (
    model: string,
    routing: RoutingDecision,
    attempt: string,
    review: (response: Omit<ModelResponse, 'callId'>) => ModelCallReview,
    hooks: Pick<ModelCall, 'onText' | 'onToolName'> = {},
  ): RunningCall => {
    const owner = responseOwner(step, attempt);
    const controller = new AbortController();
    const response = callModel(run, {
      request: { ...prepared.request, model },
      step,
      purpose: 'chat',
      routing,
      signal: AbortSignal.any([signal, controller.signal]),
      review,
      ...hooks,
      ...eagerStart(run, owner),
    });
    return { owner, controller, settled: response.then((value) => ({ ok: true, response: value }), (error: unknown) => ({ ok: false, error })) };
  };

  const startAnswer = (rule: string, reason: string): void => {
    if (answerCall) return;
    // The answer model's routing as it stands when its response is in: why it was needed, or that it was not.
    answerCall = start(answer.model, decision(answer.model, rule, reason), 'answer', () =>
      verdict?.keep ? { discarded: `draft-tool-step: ${draft.model}'s tool calls were kept` } : { routing: escalation() },
    );
    void answerCall.settled.then(resolveAnswer);
  };

  const draftCall = start(
    draft.model,
    decision(draft.model, 'draft', `${draft.model} drafts the step; a final answer or an invalid call goes to ${answer.model}`),
    'draft',
    (response) => {
      if (verdict) return verdict.keep ? { routing: keptRouting(response.toolCalls.length) } : { discarded: `answer-escalation: ${verdict.reason}` };
      verdict = judgeDraft(run, response, draft, answer.model);
      statistics.record(run.agent.name, step, !verdict.keep);
      return verdict.keep ? { routing: keptRouting(response.toolCalls.length) } : { discarded: `answer-escalation: ${verdict.reason}` };
    },
    {
      ...(race === 'on-text' && { onText: () => startAnswer('answer-race', `started beside the draft when ${draft.model} began writing text`) }),
      // A tool the draft cannot have (unknown, or a write the answer model decides) is known from its name: the answer
      // model starts at once and the rest of the draft is not waited for.
      onToolName: (name) => {
        const reason = toolNameVerdict(run, name, draft, answer.model);
        if (verdict || reason === undefined) return;
        verdict = { keep: false, reason };
        statistics.record(run.agent.name, step, true);
        startAnswer('answer-escalation', `${reason}; answers are written by ${answer.model}`);
        draftCall.controller.abort(new DiscardedCall(`answer-escalation: ${reason}`));
      },
    },
  );
  if (race === 'always') startAnswer('answer-race', raceReason);

  const discarded: string[] = [];
  const kept = (call: RunningCall, response: ModelResponse, routing: RoutingDecision): StepResponse => ({
    response,
    routing,
    owner: call.owner,
    release: () => releaseAll(run, [...discarded, call.owner]),
  });
  const cancel = async (call: RunningCall | undefined, reason: string): Promise<void> => {
    if (!call) return;
    call.controller.abort(new DiscardedCall(reason));
    await call.settled;
  };
  const fail = async (error: unknown): Promise<never> => {
    await Promise.all([cancel(draftCall, 'the step failed'), cancel(answerCall, 'the step failed')]);
    await releaseAll(run, [draftCall.owner, ...(answerCall ? [answerCall.owner] : [])]);
    throw error;
  };

  const first = await Promise.race([
    draftCall.settled.then((settled) => ({ from: 'draft' as const, settled })),
    answerSettled.then((settled) => ({ from: 'answer' as const, settled })),
  ]);

  if (first.from === 'answer') {
    if (first.settled.ok) {
      // The answer model was quicker than the draft: its response is the stronger one anyway.
      await cancel(draftCall, `${answer.model} answered before the draft finished`);
      await discard(run, draftCall.owner, discarded);
      return kept(answerCall!, first.settled.response, escalation());
    }
    if (signal.aborted) return fail(first.settled.error);
    // The answer call failed: the step can still be served if the draft is kept.
    const drafted = await draftCall.settled;
    if (drafted.ok && verdict?.keep) return kept(draftCall, drafted.response, keptRouting(drafted.response.toolCalls.length));
    return fail(first.settled.error);
  }

  const drafted = first.settled;
  if (!drafted.ok) {
    if (signal.aborted) return fail(drafted.error);
    verdict ??= { keep: false, reason: `the draft call failed (${describeError(drafted.error).message})` };
  }
  if (drafted.ok && verdict?.keep) {
    await cancel(answerCall, `draft-tool-step: ${draft.model}'s tool calls were kept`);
    if (answerCall) await run.prefetch.release(run, answerCall.owner);
    return kept(draftCall, drafted.response, keptRouting(drafted.response.toolCalls.length));
  }
  await discard(run, draftCall.owner, discarded);
  const reason = verdict && !verdict.keep ? verdict.reason : 'the draft was not kept';
  startAnswer('answer-escalation', `${reason}; answers are written by ${answer.model}`);
  const answered = await answerSettled;
  if (!answered.ok) return fail(answered.error);
  return kept(answerCall!, answered.response, escalation());
}

/** Whether a finished draft response can stand as the step: only valid tool calls (of read-only tools, with `escalateWrites`). */
function judgeDraft(run: RunContext, response: Omit<ModelResponse, 'callId'>, draft: DraftSettings, answerModel: string): Verdict {
  if (response.toolCalls.length === 0) return { keep: false, reason: `${draft.model} wrote a final answer` };
  if (response.finishReason === 'length' || response.finishReason === 'content_filter') {
    return { keep: false, reason: `${draft.model}'s response was cut off (${response.finishReason})` };
  }
  for (const toolCall of response.toolCalls) {
    const reason = toolNameVerdict(run, toolCall.name, draft, answerModel);
    if (reason !== undefined) return { keep: false, reason };
    const parsed = parseArguments(run.tools.get(toolCall.name)!, toolCall);
    if (!parsed.ok) return { keep: false, reason: `${draft.model}'s arguments for "${toolCall.name}" are invalid (${parsed.error.kind})` };
  }
  return { keep: true };
}

/** Why a draft's call of tool `name` cannot stand, known from the name alone: an unknown tool, or a write. */
function toolNameVerdict(run: RunContext, name: string, draft: DraftSettings, answerModel: string): string | undefined {
  const tool = run.tools.get(name);
  if (!tool) return `${draft.model} called an unknown tool "${name}"`;
  if (draft.escalateWrites && !tool.readOnly) return `${draft.model} asked for "${name}", which is not readOnly: ${answerModel} decides side effects`;
  return undefined;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
