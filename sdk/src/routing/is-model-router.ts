// An Agent's `model` is a model name or a ModelRouter; this tells them apart without importing a class.
import type { ModelRouter } from './model-router.ts';

/**
 * Whether a value is a {@link ModelRouter} (from `router()`, `cascade()` or a hand-written one).
 *
 * @example
 * const model = isModelRouter(agent.model) ? (await agent.model.route(context)).model : agent.model;
 */
export function isModelRouter(value: unknown): value is ModelRouter {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'router' &&
    typeof (value as { route?: unknown }).route === 'function'
  );
}
