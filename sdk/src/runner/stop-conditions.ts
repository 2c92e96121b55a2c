// Stop conditions as small pure predicates over what a run has done: a budget ran out, the model is stuck in a
// loop, or the step cap is reached. The loop checks them between steps and decides what to do.
import { canonicalJson } from '../tools/canonical-json.ts';
import type { StuckDetectionOptions } from './optimizations.ts';
import type { Budgets, StepResult } from './run-context.ts';
import type { RunUsage } from './run-events.ts';

export interface BudgetExhaustion {
  budget: 'tokens' | 'cost' | 'time';
  limit: number;
  used: number;
}

/**
 * The first per-run budget that is used up, or null.
 *
 * @example
 * exhaustedBudget({ maxTokens: 1000 }, usage, elapsedMs) // { budget: 'tokens', limit: 1000, used: 1200 }
 */
export function exhaustedBudget(budgets: Budgets, usage: RunUsage, elapsedMs: number): BudgetExhaustion | null {
  const tokens = usage.inputTokens + usage.outputTokens;
  if (budgets.maxTokens !== undefined && tokens >= budgets.maxTokens) return { budget: 'tokens', limit: budgets.maxTokens, used: tokens };
  if (budgets.maxCostUsd !== undefined && usage.costUsd >= budgets.maxCostUsd) {
    return { budget: 'cost', limit: budgets.maxCostUsd, used: usage.costUsd };
  }
  if (budgets.maxWallTimeMs !== undefined && elapsedMs >= budgets.maxWallTimeMs) {
    return { budget: 'time', limit: budgets.maxWallTimeMs, used: elapsedMs };
  }
  return null;
}

export interface StuckPattern {
  pattern: 'repeat' | 'ping-pong' | 'repeated-error';
  detail: string;
}

/**
 * Whether the last steps show the model going round in circles: the same tool calls again and again, two sets of
 * calls alternating, or the same tool error over and over. Arguments are compared canonically.
 *
 * @example
 * stuckPattern(steps, { repeatThreshold: 3, pingPongSteps: 4, errorThreshold: 3 }) // { pattern: 'repeat', detail: '…' }
 */
export function stuckPattern(
  steps: readonly StepResult[],
  options: Required<Pick<StuckDetectionOptions, 'repeatThreshold' | 'pingPongSteps' | 'errorThreshold'>>,
): StuckPattern | null {
  const actions = steps.map(actionSignature);
  const last = actions.at(-1);
  if (!last) return null;
  const tail = (count: number) => (actions.length >= count ? actions.slice(-count) : null);

  const repeated = tail(options.repeatThreshold);
  if (repeated?.every((action) => action === last)) {
    return { pattern: 'repeat', detail: `the same tool calls ${options.repeatThreshold} steps in a row: ${last}` };
  }
  const alternating = tail(options.pingPongSteps);
  if (alternating && alternating.every((action, index) => index < 2 || action === alternating[index - 2]) && alternating[0] !== alternating[1]) {
    return { pattern: 'ping-pong', detail: `alternating between ${alternating[0]} and ${alternating[1]}` };
  }
  const errors = steps.slice(-options.errorThreshold).map(errorSignature);
  const lastError = errors.at(-1);
  if (lastError && errors.length === options.errorThreshold && errors.every((error) => error === lastError)) {
    return { pattern: 'repeated-error', detail: `the same tool error ${options.errorThreshold} steps in a row: ${lastError}` };
  }
  return null;
}

/** The step cap. */
export function maxStepsReached(steps: readonly StepResult[], maxSteps: number): boolean {
  return steps.length >= maxSteps;
}

/** The tool calls of a step, order-independent, arguments canonical; '' for a step without tool calls. */
function actionSignature(step: StepResult): string {
  return step.toolCalls
    .map(({ toolCall }) => `${toolCall.name}(${canonicalArguments(toolCall.arguments)})`)
    .sort()
    .join(' + ');
}

function errorSignature(step: StepResult): string {
  return step.toolCalls
    .filter((call) => call.isError)
    .map((call) => `${call.toolCall.name}: ${call.result}`)
    .sort()
    .join(' + ');
}

function canonicalArguments(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}
