// Model routing: pick the model per step by rules or a classifier, or cascade from a cheap model to a strong one.
export type { DraftSettings, ModelRouter, RouteContext } from './model-router.ts';
export { resolveDraft, type DraftOption } from './draft-settings.ts';
export {
  router,
  type Classification,
  type Classifier,
  type RouteRule,
  type RouterOptions,
  type StepKind,
} from './router.ts';
export { cascade, type CascadeCheckContext, type CascadeCheckResult, type CascadeOptions, type DraftCascadeOptions } from './cascade.ts';
export { isModelRouter } from './is-model-router.ts';
export { RoutingError } from './routing-error.ts';
