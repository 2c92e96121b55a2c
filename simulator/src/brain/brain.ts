// The simulated model's reasoning. It reads only the request: the latest user message says what is wanted, the
// playbook's intents say which facts that takes, and the conversation shows which of those facts are already
// visible. Missing facts become tool calls (all independent ones at once when parallel tool calls are allowed,
// a dependent one only after the result it depends on is visible); when nothing is missing, or the client forces
// an answer with `tool_choice: 'none'`, it answers from what it sees and says what it could not find.
// Two requests without tools are side jobs rather than agent steps: a guardrail or classifier of the user's message
// (a JSON verdict, guardrail.ts) and a summary of the conversation (summarize.ts).
import { randomUUID } from 'node:crypto';
import type { ChatRequest } from '../chat-request.ts';
import type { ModelProfile } from '../model-profile.ts';
import { isGuardrailRequest, judgeMessage, messageUnderReview } from './guardrail.ts';
import { Knowledge, callKey } from './knowledge.ts';
import type { NeedOptions, NeedResult, PlanContext, Playbook } from './playbook.ts';
import { isSummaryRequest, summarize } from './summarize.ts';

export interface PlannedToolCall {
  id: string;
  name: string;
  /** JSON text. */
  arguments: string;
}

export type Decision = { kind: 'text'; text: string } | { kind: 'tool-calls'; toolCalls: PlannedToolCall[] };

interface WantedCall {
  tool: string;
  args: Record<string, unknown>;
}

const WRAP_UP = /\b(answer (now|with what you have)|give (me )?your final answer|final answer now|stop (calling|using|searching)|no more tool calls|do not call (any )?(more )?tools)\b/i;

const newCallId = (): string => `call_${randomUUID().replaceAll('-', '').slice(0, 24)}`;

function toPlanned(call: WantedCall): PlannedToolCall {
  return { id: newCallId(), name: call.tool, arguments: JSON.stringify(call.args) };
}

/**
 * Decides the simulated model's next message for a request.
 *
 * @example
 * const decision = decide(request, SIM_LARGE, supportDeskPlaybook);
 * if (decision.kind === 'tool-calls') console.log(decision.toolCalls.map((call) => call.name));
 */
export function decide(request: ChatRequest, profile: ModelProfile, playbook: Playbook): Decision {
  if (isGuardrailRequest(request.messages, request.tools.length)) {
    return { kind: 'text', text: JSON.stringify(judgeMessage(messageUnderReview(request.messages))) };
  }
  if (isSummaryRequest(request.messages, request.tools.length)) {
    return { kind: 'text', text: summarize(playbook, new Knowledge(playbook, request.messages), request.messages) };
  }
  // A closing instruction ("stop searching and answer with what you have") is not a new request: answer the one
  // before it from what is visible, as `tool_choice: 'none'` would.
  const last = request.messages.at(-1);
  const wrapUp = last !== undefined && last.role !== 'assistant' && last.role !== 'tool' && WRAP_UP.test(last.content);
  const messages = wrapUp ? request.messages.slice(0, -1) : request.messages;
  const knowledge = new Knowledge(playbook, messages);
  const intents = playbook.intents.filter((intent) => intent.matches(knowledge.latestUserText));

  const wanted: WantedCall[] = [];
  const asked: WantedCall[] = [];
  const context: PlanContext = {
    text: knowledge.latestUserText,
    knowledge,
    strength: profile.strength,
    need(tool: string, args: Record<string, unknown>, options: NeedOptions = {}): NeedResult {
      asked.push({ tool, args });
      if (!options.repeat) {
        const entity = options.entity === undefined ? undefined : knowledge.entity(options.entity);
        if (entity && options.attributes?.every((name) => entity.has(name))) {
          return { status: 'known', value: Object.fromEntries(entity) };
        }
        const outcome = knowledge.outcome(callKey(tool, args));
        if (outcome?.status === 'result') return { status: 'known', value: outcome.value };
        if (outcome?.status === 'error') return { status: 'failed', error: outcome.message };
        const shown = outcome?.status === 'unreadable' ? outcome.shown : undefined;
        if (shown && options.fields?.every((name) => shown[name] !== undefined)) return { status: 'known', value: shown };
      }
      wanted.push({ tool, args });
      return { status: 'missing' };
    },
    focus(type: string): string | undefined {
      const ofType = (id: string): boolean => knowledge.typeOf(id)?.type === type;
      const entityType = playbook.entityTypes.find((candidate) => candidate.type === type);
      const named = entityType ? knowledge.latestUserText.match(new RegExp(entityType.idPattern.source)) : null;
      return named?.[0] ?? knowledge.mentions.findLast(ofType);
    },
  };
  // Several intents may say the same thing ("which customer do you mean?"): say it once.
  const lines = [...new Set(intents.flatMap((intent) => intent.plan(context)))];
  if (lines.length === 0 && wanted.length === 0) return { kind: 'text', text: playbook.fallbackAnswer };

  const offered = new Set(request.tools.map((tool) => tool.name));
  const seen = new Set<string>();
  const calls = wanted.filter((call) => {
    const key = callKey(call.tool, call.args);
    if (!offered.has(call.tool) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const choice = request.toolChoice;
  if (choice === 'none' || offered.size === 0 || wrapUp) return { kind: 'text', text: lines.join('\n') };
  if (typeof choice === 'object') {
    const forced = calls.find((call) => call.tool === choice.name) ?? asked.find((call) => call.tool === choice.name);
    return { kind: 'tool-calls', toolCalls: [toPlanned(forced ?? { tool: choice.name, args: {} })] };
  }
  if (calls.length === 0 && choice === 'required') {
    // Forced to call a tool with nothing left to look up, a model repeats its most relevant lookup.
    const again = asked.find((call) => offered.has(call.tool)) ?? { tool: request.tools[0]?.name ?? '', args: {} };
    return { kind: 'tool-calls', toolCalls: [toPlanned(again)] };
  }
  if (calls.length === 0) return { kind: 'text', text: lines.join('\n') };
  const chosen = request.parallelToolCalls ? calls : calls.slice(0, 1);
  return { kind: 'tool-calls', toolCalls: chosen.map(toPlanned) };
}
