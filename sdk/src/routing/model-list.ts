// Validation shared by router() and cascade(): the list of models a router may choose and its default model.
import { RoutingError } from './routing-error.ts';

/**
 * Checks a model list (non-empty, distinct, non-empty names) and resolves the default model (the last, i.e. the
 * strongest, unless given), returning frozen copies so later edits by the caller cannot change the router.
 *
 * @example
 * resolveModelList('router', ['sim-small', 'sim-large'], undefined); // { models: [...], defaultModel: 'sim-large' }
 */
export function resolveModelList(
  owner: string,
  models: unknown,
  defaultModel: unknown,
  minimum = 1,
): { models: string[]; defaultModel: string } {
  if (!Array.isArray(models) || models.length < minimum) {
    throw new RoutingError(`${owner}: models must be an array of at least ${minimum} model name${minimum > 1 ? 's' : ''}`);
  }
  models.forEach((model, index) => {
    if (typeof model !== 'string' || model.trim() === '') {
      throw new RoutingError(`${owner}: models[${index}] must be a non-empty string, got ${JSON.stringify(model)}`);
    }
    if (models.indexOf(model) !== index) throw new RoutingError(`${owner}: model ${JSON.stringify(model)} is listed twice`);
  });
  const resolved = defaultModel ?? models[models.length - 1];
  if (typeof resolved !== 'string' || !models.includes(resolved)) {
    throw new RoutingError(`${owner}: defaultModel ${JSON.stringify(resolved)} is not one of models`);
  }
  return { models: Object.freeze([...models]) as string[], defaultModel: resolved };
}
