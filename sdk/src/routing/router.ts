// A rule-based model router: per step, the first rule whose conditions all hold picks the model (step kind,
// estimated input size, a label from the user's classifier, or any predicate). Cheap steps go to the small model,
// hard ones to the big one, and every decision records which rule fired and why, for the `chat` span.
import type { RoutingDecision } from '../runner/run-events.ts';
import { resolveDraft, type DraftOption } from './draft-settings.ts';
import type { ModelRouter, RouteContext } from './model-router.ts';
import { errorMessage } from './error-message.ts';
import { isPromiseLike } from './is-promise-like.ts';
import { resolveModelList } from './model-list.ts';
import { RoutingError } from './routing-error.ts';

export type StepKind = RouteContext['stepKind'];
const STEP_KINDS: readonly StepKind[] = ['first', 'after-tools', 'final'];

/** What a classifier returns: a label, optionally with the reason recorded in the decision. */
export type Classification = string | { label: string; reason?: string };

/** A user classifier for the step, sync or async (e.g. a cheap model call). Called at most once per step. */
export type Classifier = (context: RouteContext) => Classification | PromiseLike<Classification>;

/** One routing rule. All the conditions it sets must hold; at least one must be set. */
export interface RouteRule {
  /** The model this rule picks; one of the router's `models`. */
  model: string;
  /** Recorded as the decision's `rule`. Default: from the conditions, e.g. `step:after-tools`, `input-size`. */
  name?: string;
  /** Recorded as the decision's `reason` instead of the generated one. */
  reason?: string;
  /** Matches steps of this kind (or any of these kinds). */
  stepKind?: StepKind | StepKind[];
  /** Matches when the estimated input tokens are within these inclusive bounds. */
  inputTokens?: { atLeast?: number; atMost?: number };
  /** Matches when the router's `classify` returns this label (or any of these labels). */
  classifier?: string | string[];
  /** Matches when the predicate returns true (sync or async). A predicate that throws does not match. */
  when?: (context: RouteContext) => boolean | PromiseLike<boolean>;
}

export interface RouterOptions {
  /** Every model the router may choose, cheapest first. */
  models: string[];
  /** Used when no rule matches, and by the baseline (routing off). Default: the last (strongest) model. */
  defaultModel?: string;
  /** Tried in order; the first match wins. May be left out with a `draft`: every step's answer model is then `defaultModel`. */
  rules?: RouteRule[];
  classify?: Classifier;
  /**
   * A draft model (one of `models`): each step routed to another model is first served by the draft, and the routed
   * model is asked only when the draft answers instead of calling tools (the runner's `draftCascade` switch).
   */
  draft?: DraftOption;
}

interface CompiledRule {
  rule: RouteRule;
  name: string;
  stepKinds?: readonly StepKind[];
  labels?: readonly string[];
}

/** Per-step evaluation state: the classifier is called lazily, once, and failures become notes in the reason. */
interface Evaluation {
  context: RouteContext;
  classification?: Promise<Label | Error> | Label | Error;
  notes: string[];
}
interface Label {
  label: string;
  reason?: string;
}

/**
 * Creates a rule-based {@link ModelRouter}. Rules are tried in order and the first whose conditions all hold picks
 * the model; when none matches, `defaultModel` is used with rule `default`. Each decision carries the chosen model,
 * all candidates, the rule's name and a reason. Rules that need no classifier or async predicate are evaluated
 * synchronously; the classifier is called only when a rule reaches it, at most once per step. A classifier or
 * predicate that throws makes its rule not match, and the failure is appended to the decision's reason, whichever
 * rule then decides.
 *
 * @example
 * const models = router({
 *   models: ['sim-small', 'sim-large'],
 *   defaultModel: 'sim-large',
 *   classify: async ({ input }) => ((await cheapClassifier(input)) === 'complex' ? 'hard' : 'easy'),
 *   rules: [
 *     { inputTokens: { atLeast: 12_000 }, model: 'sim-large', name: 'long-context' },
 *     { stepKind: 'after-tools', model: 'sim-small' }, // summarising tool results is easy
 *     { classifier: 'hard', model: 'sim-large' },
 *     { classifier: 'easy', model: 'sim-small' },
 *   ],
 * });
 * const agent = new Agent({ name: 'support', instructions, tools, model: models });
 */
export function router(options: RouterOptions): ModelRouter {
  if (typeof options !== 'object' || options === null) throw new RoutingError('router: options must be an object');
  const { models, defaultModel } = resolveModelList('router', options.models, options.defaultModel);
  const { classify } = options;
  if (classify !== undefined && typeof classify !== 'function') throw new RoutingError('router: classify must be a function');
  if (options.rules === undefined ? options.draft === undefined : !Array.isArray(options.rules)) {
    throw new RoutingError('router: rules must be an array (they may be left out only with a draft model)');
  }
  const rules = (options.rules ?? []).map((rule, index) => compileRule(rule, index, models, classify !== undefined));
  const draft = options.draft === undefined ? undefined : resolveDraft('router', options.draft, models);

  const decide = (model: string, rule: string, reason: string): RoutingDecision => ({
    model,
    candidates: [...models],
    rule,
    reason,
  });

  const fromRule = (start: number, evaluation: Evaluation): RoutingDecision | Promise<RoutingDecision> => {
    for (let index = start; index < rules.length; index++) {
      const compiled = rules[index]!;
      const reasons = matchRule(compiled, evaluation, classify);
      const finish = (matched: string[] | null) =>
        matched
          ? decide(compiled.rule.model, compiled.name, [compiled.rule.reason ?? matched.join('; '), ...evaluation.notes].join('; '))
          : fromRule(index + 1, evaluation);
      if (isPromiseLike(reasons)) return Promise.resolve(reasons).then(finish);
      if (reasons) return finish(reasons);
    }
    return decide(defaultModel, 'default', ['no rule matched', ...evaluation.notes].join('; '));
  };

  return {
    kind: 'router',
    models,
    defaultModel,
    ...(draft && { draft }),
    route: (context) => fromRule(0, { context, notes: [] }),
  };
}

/** The reasons a rule matched, or null; a promise only when an async classifier or predicate is involved. */
function matchRule(
  compiled: CompiledRule,
  evaluation: Evaluation,
  classify: Classifier | undefined,
): string[] | null | Promise<string[] | null> {
  const { rule } = compiled;
  const { context } = evaluation;
  const reasons: string[] = [];
  if (compiled.stepKinds) {
    if (!compiled.stepKinds.includes(context.stepKind)) return null;
    reasons.push(`step kind is ${context.stepKind}`);
  }
  if (rule.inputTokens) {
    const { atLeast, atMost } = rule.inputTokens;
    const tokens = context.estimatedInputTokens;
    if ((atLeast !== undefined && tokens < atLeast) || (atMost !== undefined && tokens > atMost)) return null;
    const bounds = [atLeast !== undefined ? `≥ ${format(atLeast)}` : '', atMost !== undefined ? `≤ ${format(atMost)}` : ''];
    reasons.push(`estimated input ${format(tokens)} tokens ${bounds.filter(Boolean).join(' and ')}`);
  }
  const afterClassifier = (): string[] | null | Promise<string[] | null> => {
    if (!rule.when) return reasons;
    let verdict: boolean | PromiseLike<boolean>;
    try {
      verdict = rule.when(context);
    } catch (error) {
      evaluation.notes.push(`rule ${compiled.name} failed: ${errorMessage(error)}`);
      return null;
    }
    const conclude = (value: boolean) => (value === true ? [...reasons, `${compiled.name} predicate matched`] : null);
    if (!isPromiseLike(verdict)) return conclude(verdict);
    return Promise.resolve(verdict).then(conclude, (error: unknown) => {
      evaluation.notes.push(`rule ${compiled.name} failed: ${errorMessage(error)}`);
      return null;
    });
  };
  if (!compiled.labels) return afterClassifier();
  const labels = compiled.labels;
  const withLabel = (result: Label | Error) => {
    if (result instanceof Error || !labels.includes(result.label)) return null;
    reasons.push(`classifier said ${JSON.stringify(result.label)}${result.reason ? `: ${result.reason}` : ''}`);
    return afterClassifier();
  };
  const classification = classifyOnce(evaluation, classify!);
  return isPromiseLike(classification) ? classification.then(withLabel) : withLabel(classification);
}

function classifyOnce(evaluation: Evaluation, classify: Classifier): Label | Error | Promise<Label | Error> {
  if (evaluation.classification !== undefined) return evaluation.classification;
  const fail = (error: unknown): Error => {
    evaluation.notes.push(`classifier failed: ${errorMessage(error)}`);
    return error instanceof Error ? error : new Error(errorMessage(error));
  };
  let result: Classification | PromiseLike<Classification>;
  try {
    result = classify(evaluation.context);
  } catch (error) {
    return (evaluation.classification = fail(error));
  }
  const normalize = (value: Classification): Label | Error => {
    if (typeof value === 'string') return { label: value };
    if (typeof value === 'object' && value !== null && typeof value.label === 'string') {
      return typeof value.reason === 'string' ? { label: value.label, reason: value.reason } : { label: value.label };
    }
    return fail(`returned ${JSON.stringify(value)}, expected a label or { label }`);
  };
  evaluation.classification = isPromiseLike(result) ? Promise.resolve(result).then(normalize, fail) : normalize(result);
  return evaluation.classification;
}

function compileRule(rule: RouteRule, index: number, models: readonly string[], hasClassifier: boolean): CompiledRule {
  const where = `router: rules[${index}]`;
  if (typeof rule !== 'object' || rule === null) throw new RoutingError(`${where} must be an object`);
  if (!models.includes(rule.model)) {
    throw new RoutingError(`${where}: model ${JSON.stringify(rule.model)} is not one of models (${models.join(', ')})`);
  }
  const parts: string[] = [];
  const compiled: CompiledRule = { rule, name: '' };
  if (rule.stepKind !== undefined) {
    const kinds = Array.isArray(rule.stepKind) ? rule.stepKind : [rule.stepKind];
    const unknown = kinds.find((kind) => !STEP_KINDS.includes(kind));
    if (kinds.length === 0 || unknown !== undefined) {
      throw new RoutingError(`${where}: stepKind must be ${STEP_KINDS.join(', ')} (or a list of them), got ${JSON.stringify(rule.stepKind)}`);
    }
    compiled.stepKinds = kinds;
    parts.push(`step:${kinds.join('|')}`);
  }
  if (rule.inputTokens !== undefined) {
    const { atLeast, atMost } = rule.inputTokens ?? {};
    const valid = (value: unknown) => value === undefined || (typeof value === 'number' && value >= 0 && !Number.isNaN(value));
    if (!valid(atLeast) || !valid(atMost) || (atLeast === undefined && atMost === undefined) ||
      (atLeast !== undefined && atMost !== undefined && atLeast > atMost)) {
      throw new RoutingError(`${where}: inputTokens needs atLeast and/or atMost, numbers ≥ 0 with atLeast ≤ atMost`);
    }
    parts.push('input-size');
  }
  if (rule.classifier !== undefined) {
    const labels = Array.isArray(rule.classifier) ? rule.classifier : [rule.classifier];
    if (labels.length === 0 || labels.some((label) => typeof label !== 'string' || label === '')) {
      throw new RoutingError(`${where}: classifier must be a label or a non-empty list of labels`);
    }
    if (!hasClassifier) throw new RoutingError(`${where} matches on a classifier label but the router has no classify`);
    compiled.labels = labels;
    parts.push('classifier');
  }
  if (rule.when !== undefined) {
    if (typeof rule.when !== 'function') throw new RoutingError(`${where}: when must be a function`);
    parts.push('custom');
  }
  if (parts.length === 0) throw new RoutingError(`${where} has no condition (stepKind, inputTokens, classifier or when)`);
  if (rule.name !== undefined && (typeof rule.name !== 'string' || rule.name === '')) {
    throw new RoutingError(`${where}: name must be a non-empty string`);
  }
  compiled.name = rule.name ?? parts.join('+');
  return compiled;
}

function format(value: number): string {
  return value.toLocaleString('en-US');
}
