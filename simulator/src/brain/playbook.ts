// The contract between the simulated model's generic reasoning (brain.ts) and a workload's domain knowledge: which
// entities exist, how they are written in text, and which intents a user message can carry with the facts each
// intent needs. A playbook only ever sees what the request shows it, through `PlanContext`.
import type { ModelStrength } from '../model-profile.ts';
import type { Knowledge } from './knowledge.ts';

/** A kind of thing the conversation talks about, recognised by its id (`C-1001`, `O-5002`, …). */
export interface EntityType {
  type: string;
  /** How a fact line names it: `Customer C-1001: …`. */
  label: string;
  /** Matches one id; must not be anchored and must not use the `g` flag. */
  idPattern: RegExp;
}

/** The outcome of a fact the plan asked for. */
export type NeedResult =
  | { status: 'known'; value: unknown }
  | { status: 'failed'; error: string }
  /** Not visible in the request: the brain will ask for the tool call (when it may). */
  | { status: 'missing' };

export interface NeedOptions {
  /** The fact is satisfied without the call when this entity already has these attributes (e.g. from an earlier answer). */
  entity?: string;
  attributes?: string[];
  /**
   * The call's output still counts when only a placeholder of it is visible (masked history), provided the placeholder
   * shows these top-level fields: the value is then what it shows. For results that are not about one entity (a
   * policy), whose facts `entity`/`attributes` cannot vouch for.
   */
  fields?: string[];
  /** Ask for the call again even though its result is visible (models that repeat themselves). */
  repeat?: boolean;
}

export interface PlanContext {
  /** The latest user message. */
  readonly text: string;
  readonly knowledge: Knowledge;
  readonly strength: ModelStrength;
  /** Returns what is visible about a tool call's result, registering the call as wanted when it is missing. */
  need(tool: string, args: Record<string, unknown>, options?: NeedOptions): NeedResult;
  /** The entity of this type the user most likely means: named in the latest message, else the latest mentioned. */
  focus(type: string): string | undefined;
}

export interface Intent {
  name: string;
  /** Multi-step reasoning a weak model gets wrong. */
  hard?: boolean;
  matches(text: string): boolean;
  /**
   * Returns the answer lines for what is visible now (none when the intent turns out not to apply); facts still
   * missing are registered through `need`.
   */
  plan(context: PlanContext): string[];
}

export interface Playbook {
  entityTypes: EntityType[];
  /** Attribute names (camelCase) that fact lines may carry, e.g. `memberSince` ↔ "member since". */
  attributes: string[];
  /** Attributes whose values are lists of ids (`orders O-5001, O-5002`), or `none`. */
  listAttributes: string[];
  /** Attributes holding amounts of money, written `$12.50`. */
  moneyAttributes: string[];
  intents: Intent[];
  /** The answer when no intent matches. */
  fallbackAnswer: string;
}
