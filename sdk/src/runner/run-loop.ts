// The agent loop, top to bottom: prepare step → call model → execute tools → record step → stop conditions.
// Each phase lives in its own file; this one only decides what happens next. Failures inside tools are data (tool
// results the model sees); failures of the model call end the run with a typed error (see runner.ts).
import { answerNow, lastAssistantText } from './final-answer.ts';
import { checkGuardrails, type GuardrailTrip } from './guardrails.ts';
import { executeTools } from './execute-tools.ts';
import { prepareStep } from './prepare-step.ts';
import { offerCalledTools } from './tool-selection.ts';
import { recordStep } from './record-step.ts';
import type { RunContext } from './run-context.ts';
import type { RunOutcome } from './run-events.ts';
import { callStepModel } from './step-model-call.ts';
import { exhaustedBudget, maxStepsReached, stuckPattern } from './stop-conditions.ts';

export interface LoopEnd {
  outcome: RunOutcome;
  finalOutput: string;
  stopReason?: string;
}

/** Thrown out of the loop when a guardrail refuses the input (runner.ts turns it into a GuardrailTrippedError). */
export class GuardrailTripSignal {
  constructor(readonly trip: GuardrailTrip) {}
}

/** Runs the agent loop until the model answers without tools or a stop condition ends it. */
export async function runLoop(run: RunContext): Promise<LoopEnd> {
  const { settings, config } = run;
  const deadline = settings.budgets && config.budgets.maxWallTimeMs !== undefined
    ? AbortSignal.timeout(Math.max(0, Math.ceil(config.budgets.maxWallTimeMs - (performance.now() - run.startedAt))))
    : undefined;
  // A guardrail that trips while the first model call runs cancels it at once.
  const refused = new AbortController();
  const signal = AbortSignal.any([run.signal, refused.signal, ...(deadline ? [deadline] : [])]);
  if (settings.prefetch || settings.learnedPrefetch) run.prefetch.start(run);
  let guardrails = run.agent.guardrails.length > 0 ? checkGuardrails(run, run.signal) : undefined;
  guardrails?.then(
    (trip) => trip && refused.abort(new GuardrailTripSignal(trip)),
    () => {},
  );
  try {
    if (guardrails && !settings.parallelModelWork) await passGuardrails(guardrails);

    for (let step = 0; ; step++) {
      run.signal.throwIfAborted();
      // Stop conditions before spending another model call.
      const budget = settings.budgets ? exhaustedBudget(config.budgets, run.usage, performance.now() - run.startedAt) : null;
      if (budget) {
        run.emit({ type: 'budget-exhausted', step, ...budget });
        return await endEarly(run, 'budget_exhausted', `${budget.budget} budget exhausted`, budget.budget === 'time');
      }
      if (maxStepsReached(run.steps, config.maxSteps)) {
        const reason = `reached the limit of ${config.maxSteps} steps`;
        if (!settings.stuckDetection) return { outcome: 'max_steps', finalOutput: lastAssistantText(run) ?? '', stopReason: reason };
        run.emit({ type: 'stuck-detected', step, pattern: 'max-steps', detail: reason });
        return await endEarly(run, 'max_steps', reason, false);
      }

      let outcome;
      try {
        // Prepare step → call model (eager tools start while it streams) → guardrail verdict → execute tools.
        const prepared = await prepareStep(run, step, signal);
        const stepResponse = await callStepModel(run, prepared, signal);
        if (guardrails) {
          const pending = guardrails;
          guardrails = undefined;
          await passGuardrails(pending).catch(async (error: unknown) => {
            await stepResponse.release();
            throw error;
          });
        }
        const { response, routing, owner } = stepResponse;
        offerCalledTools(run, response.toolCalls);
        const records = await executeTools(run, step, response.toolCalls, signal, owner);
        await stepResponse.release();
        outcome = { response, routing, records };
      } catch (error) {
        if (refused.signal.aborted) throw refused.signal.reason;
        if (deadline?.aborted && !run.signal.aborted) {
          run.emit({ type: 'budget-exhausted', step, budget: 'time', limit: config.budgets.maxWallTimeMs!, used: performance.now() - run.startedAt });
          return await endEarly(run, 'budget_exhausted', 'time budget exhausted', true);
        }
        throw error;
      }

      // Record step → stop conditions after it.
      recordStep(run, step, outcome.response, outcome.routing, outcome.records);
      if (outcome.response.toolCalls.length === 0) return { outcome: 'completed', finalOutput: outcome.response.text };
      const stuck = settings.stuckDetection ? stuckPattern(run.steps, settings.stuckDetection) : null;
      if (stuck) {
        run.emit({ type: 'stuck-detected', step, ...stuck });
        return await endEarly(run, 'stuck', `stuck: ${stuck.detail}`, false);
      }
    }
  } finally {
    await run.prefetch.settle(run);
  }
}

async function passGuardrails(guardrails: Promise<GuardrailTrip | undefined>): Promise<void> {
  const trip = await guardrails;
  if (trip) throw new GuardrailTripSignal(trip);
}

/** Ends with the best answer the run has. The final call is the one allowed past a budget, so only the caller's signal applies. */
async function endEarly(run: RunContext, outcome: RunOutcome, reason: string, preferLastText: boolean): Promise<LoopEnd> {
  const finalOutput = await answerNow(run, reason, { preferLastText, signal: run.signal });
  return { outcome, finalOutput, stopReason: reason };
}
