// Runs an agent's guardrails on the run's input. The loop starts them alongside the first model call when
// `parallelModelWork` is on (the guardrail latency hides behind the model's), or awaits them first when it is off.
import { callModel } from './call-model.ts';
import type { RunContext } from './run-context.ts';

/** The guardrail that tripped and why. */
export interface GuardrailTrip {
  guardrail: string;
  reason: string;
}

/** Checks every guardrail at once; resolves with the first that trips (in declaration order), or undefined. */
export async function checkGuardrails(run: RunContext, signal: AbortSignal): Promise<GuardrailTrip | undefined> {
  const verdicts = await Promise.all(
    run.agent.guardrails.map(async (guardrail) => {
      const verdict = await guardrail.check(run.input, {
        signal,
        runId: run.runId,
        callModel: async ({ model, messages, maxOutputTokens }) => {
          const response = await callModel(run, {
            request: {
              model,
              messages,
              tools: [],
              stream: run.settings.streaming,
              ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
            },
            step: 0,
            purpose: 'guardrail',
            signal,
          });
          return response.text;
        },
      });
      return verdict.tripwire ? { guardrail: guardrail.name, reason: verdict.reason ?? 'no reason given' } : undefined;
    }),
  );
  return verdicts.find((verdict) => verdict !== undefined);
}
