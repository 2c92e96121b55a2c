// A model cascade, in two forms. The automatic one, `cascade({ draft, answer })`: steps that end in tool calls are
// served by the cheap draft model, and the answer model writes every answer (the run loop does the drafting, see
// runner/step-model-call.ts), with no check to write. The checked one, `cascade({ models, check })`: every step first
// goes to the cheapest model; when the user's check rejects its output, the step is repeated with the next model up,
// and so on to the strongest. Each escalation is recorded with its reason.
import type { AssistantMessage } from '../messages.ts';
import type { RoutingDecision } from '../runner/run-events.ts';
import { resolveDraft } from './draft-settings.ts';
import type { DraftSettings, ModelRouter, RouteContext } from './model-router.ts';
import { errorMessage } from './error-message.ts';
import { isPromiseLike } from './is-promise-like.ts';
import { resolveModelList } from './model-list.ts';
import { RoutingError } from './routing-error.ts';

/** `true` accepts the output; `false` or `{ pass: false, reason }` escalates. */
export type CascadeCheckResult = boolean | { pass: boolean; reason?: string };

/** The route context of the step plus the model whose output is being checked. */
export type CascadeCheckContext = RouteContext & { model: string };

export interface CascadeOptions {
  /** Cheapest first, strongest last; at least two. */
  models: string[];
  /**
   * Judges a response of any model but the last (tool-calling responses included). Sync or async — it may itself
   * call a model. A check that throws or returns anything but a boolean or `{ pass }` counts as failed.
   */
  check: (output: AssistantMessage, context: CascadeCheckContext) => CascadeCheckResult | PromiseLike<CascadeCheckResult>;
  /** The model used when routing is off (baseline). Default: the last (strongest). */
  defaultModel?: string;
  /**
   * Start each step with the strongest model that already answered in the current turn (the user's latest message
   * and after), so a turn that needed escalation does not pay for a failing cheap call at every step. Default false.
   */
  sticky?: boolean;
}

/** The automatic cascade: tool steps on `draft`, answers by `answer`. */
export interface DraftCascadeOptions {
  /** The cheap model: serves every step that ends in valid tool calls. */
  draft: string;
  /** The strong model: writes every answer (and decides side effects, with `escalateWrites`). */
  answer: string;
  /** When the answer model is asked (default `on-text`): see {@link DraftSettings.race}. */
  race?: DraftSettings['race'];
  /** Escalate a draft that asks for a tool that is not `readOnly` (default true). */
  escalateWrites?: boolean;
  /** After this many draft steps in a row calling the same tool, the answer model serves the rest of the run (default 3; false: never). */
  sameToolSteps?: number | false;
}

/**
 * Creates a cascade {@link ModelRouter}.
 *
 * `cascade({ draft, answer })`: every step is drafted by `draft`; a draft made of valid tool calls is kept (rule
 * `draft-tool-step`), anything else — a final answer, an unknown tool, arguments failing the schema — is answered by
 * `answer` (rule `answer-escalation`). Needs the runner's `routing` and `draftCascade` switches; with `draftCascade`
 * off every step goes to `answer`, with `routing` off too (`defaultModel` = `answer`).
 *
 * `cascade({ models, check })`: `route` picks the cheapest model (rule `cascade:start`), and after each
 * response `escalate` runs `check`; when it fails, the step is repeated with the next model (rule
 * `cascade:escalate`, reason naming the failing check), up to the strongest, whose output is always kept.
 *
 * @example
 * const models = cascade({
 *   models: ['sim-small', 'sim-large'],
 *   check: (output) =>
 *     (output.toolCalls?.length ?? 0) > 0 || /\bA-\d{4}\b/.test(output.content ?? '')
 *       ? true
 *       : { pass: false, reason: 'the answer names no order id' },
 * });
 * const agent = new Agent({ name: 'support', instructions, tools, model: models });
 *
 * // or, with no check to write:
 * new Agent({ name: 'support', instructions, tools, model: cascade({ draft: 'gpt-4.1-nano', answer: 'gpt-4.1' }) });
 */
export function cascade(options: CascadeOptions | DraftCascadeOptions): ModelRouter {
  if (typeof options !== 'object' || options === null) throw new RoutingError('cascade: options must be an object');
  if ('draft' in options || 'answer' in options) return draftCascade(options as DraftCascadeOptions);
  const { models, defaultModel } = resolveModelList('cascade', options.models, options.defaultModel, 2);
  const { check } = options;
  if (typeof check !== 'function') throw new RoutingError('cascade: check must be a function');
  if (options.sticky !== undefined && typeof options.sticky !== 'boolean') {
    throw new RoutingError('cascade: sticky must be a boolean');
  }
  const sticky = options.sticky ?? false;
  const decide = (model: string, rule: string, reason: string): RoutingDecision => ({
    model,
    candidates: [...models],
    rule,
    reason,
  });

  return {
    kind: 'router',
    models,
    defaultModel,
    route(context) {
      const level = sticky ? strongestInCurrentTurn(context, models) : 0;
      return level > 0
        ? decide(models[level]!, 'cascade:sticky', `${models[level]} already answered in this turn after an escalation`)
        : decide(models[0]!, 'cascade:start', `cascade starts with the cheapest model, ${models[0]}`);
    },
    escalate(output, context, decision) {
      const level = models.indexOf(decision.model);
      if (level === -1 || level === models.length - 1) return null;
      const escalateWith = (reason: string) =>
        decide(models[level + 1]!, 'cascade:escalate', `${decision.model} output failed the check: ${reason}`);
      const judge = (result: unknown) => {
        const failure = checkFailure(result);
        return failure === null ? null : escalateWith(failure);
      };
      let result: CascadeCheckResult | PromiseLike<CascadeCheckResult>;
      try {
        result = check(output, { ...context, model: decision.model });
      } catch (error) {
        return escalateWith(`check threw: ${errorMessage(error)}`);
      }
      if (!isPromiseLike(result)) return judge(result);
      return Promise.resolve(result).then(judge, (error: unknown) => escalateWith(`check threw: ${errorMessage(error)}`));
    },
  };
}

function draftCascade(options: DraftCascadeOptions): ModelRouter {
  const { models, defaultModel } = resolveModelList('cascade', [options.draft, options.answer], options.answer, 2);
  const draft = resolveDraft(
    'cascade',
    {
      model: options.draft,
      ...(options.race && { race: options.race }),
      ...(options.escalateWrites !== undefined && { escalateWrites: options.escalateWrites }),
      ...(options.sameToolSteps !== undefined && { sameToolSteps: options.sameToolSteps }),
    },
    models,
  );
  const decision: RoutingDecision = {
    model: defaultModel,
    candidates: [...models],
    rule: 'answer',
    reason: `answers are written by ${defaultModel}; ${draft.model} drafts the steps that only call tools`,
  };
  return { kind: 'router', models, defaultModel, draft, route: () => decision };
}

/** Null when the check passed, otherwise why it failed. */
function checkFailure(result: unknown): string | null {
  if (result === true) return null;
  if (result === false) return 'check returned false';
  if (typeof result === 'object' && result !== null && typeof (result as { pass?: unknown }).pass === 'boolean') {
    const { pass, reason } = result as { pass: boolean; reason?: unknown };
    if (pass) return null;
    return typeof reason === 'string' && reason !== '' ? reason : 'check returned pass: false';
  }
  return `check returned ${JSON.stringify(result) ?? String(result)}, expected a boolean or { pass }`;
}

/** Index in `models` of the strongest model that wrote an assistant message since the user's latest message. */
function strongestInCurrentTurn(context: RouteContext, models: readonly string[]): number {
  let level = 0;
  for (let index = context.messages.length - 1; index >= 0; index--) {
    const message = context.messages[index]!;
    if (message.role === 'user') break;
    if (message.role === 'assistant' && message.model) level = Math.max(level, models.indexOf(message.model));
  }
  return level;
}
