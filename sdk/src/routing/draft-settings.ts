// Validation of a router's draft model, shared by cascade({ draft, answer }) and router({ draft }): a model name or
// `{ model, race, escalateWrites }`, filled in with the defaults.
import type { DraftSettings } from './model-router.ts';
import { RoutingError } from './routing-error.ts';

/** A draft model as users give it: its name, or the name with options (see {@link DraftSettings}). */
export type DraftOption = string | ({ model: string } & Partial<Omit<DraftSettings, 'model'>>);

const RACES: readonly DraftSettings['race'][] = ['auto', 'on-text', 'always', 'never'];

/**
 * Resolves a draft option against the router's models (the draft must be one of them).
 *
 * @example
 * resolveDraft('router', 'sim-small', ['sim-small', 'sim-large']); // { model: 'sim-small', race: 'auto', escalateWrites: true, sameToolSteps: 3 }
 */
export function resolveDraft(owner: string, option: DraftOption, models: readonly string[]): DraftSettings {
  const given = typeof option === 'string' ? { model: option } : option;
  if (typeof given !== 'object' || given === null) throw new RoutingError(`${owner}: draft must be a model name or { model, race?, escalateWrites?, sameToolSteps? }`);
  if (typeof given.model !== 'string' || !models.includes(given.model)) {
    throw new RoutingError(`${owner}: draft ${JSON.stringify(given.model)} is not one of models (${models.join(', ')})`);
  }
  const race = given.race ?? 'auto';
  if (!RACES.includes(race)) throw new RoutingError(`${owner}: draft race must be ${RACES.map((value) => `'${value}'`).join(', ')}, got ${JSON.stringify(race)}`);
  const escalateWrites = given.escalateWrites ?? true;
  if (typeof escalateWrites !== 'boolean') throw new RoutingError(`${owner}: draft escalateWrites must be a boolean`);
  const sameToolSteps = given.sameToolSteps ?? 3;
  if (sameToolSteps !== false && !(Number.isInteger(sameToolSteps) && sameToolSteps >= 1)) {
    throw new RoutingError(`${owner}: draft sameToolSteps must be a whole number ≥ 1 or false`);
  }
  return Object.freeze({ model: given.model, race, escalateWrites, sameToolSteps });
}
