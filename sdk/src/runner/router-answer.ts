// A model router's answer, timed only when it has to be awaited: rule-based routing answers synchronously and costs
// no promise or event, while a wait on an async classifier, predicate or cascade check becomes a `route-wait` event
// (and, instrumented, a `route` / `route check` span).
import { isPromiseLike } from '../routing/is-promise-like.ts';
import { now, type RunContext } from './run-context.ts';
import type { RoutingDecision } from './run-events.ts';

/**
 * Asks the router (`ask`) and reports a wait for its answer as a `route-wait` event of `phase`.
 *
 * @example
 * const routing = await routerAnswer(run, step, 'choose', () => router.route(route));
 */
export async function routerAnswer<T extends RoutingDecision | null>(
  run: RunContext,
  step: number,
  phase: 'choose' | 'check',
  ask: () => T | PromiseLike<T>,
): Promise<T> {
  const startTime = now();
  const answer = ask();
  if (!isPromiseLike(answer)) return answer;
  const decision = await answer;
  run.emit({ type: 'route-wait', step, phase, startTime, model: decision?.model ?? null, rule: decision?.rule ?? null });
  return decision;
}
