// A faithful, compact summary of what a conversation shows: what the user asked, then every fact visible in the
// messages as fact lines, which the brain (and a human) can read back later.
import type { ChatMessage } from '../chat-request.ts';
import { formatFactLine, formatValue, attributePhrase } from './fact-text.ts';
import type { Knowledge } from './knowledge.ts';
import type { Playbook } from './playbook.ts';

const MAX_REQUEST_CHARACTERS = 160;
/** The imperative only: a history that merely contains "Summary of …" is not a request to summarise. */
const ASKS_FOR_SUMMARY = /\b(summari[sz]e|condense)\b/i;
/** A user line in a transcript, or one carried in an earlier summary (which rolls forward). */
const TRANSCRIPT_USER_LINE = /^\s*(?:\[user\]|user:|- The user asked:)\s*(.+)$/gim;

/**
 * Whether a request asks for a summary: no tools are offered, and a system or developer message, or the latest user
 * message, says to summarise.
 *
 * @example
 * isSummaryRequest([{ role: 'system', content: 'Summarise the conversation.', toolCalls: [] }], 0); // true
 */
export function isSummaryRequest(messages: readonly ChatMessage[], toolCount: number): boolean {
  if (toolCount > 0) return false;
  const latestUser = messages.findLast((message) => message.role === 'user');
  return messages.some(
    (message) => (message.role === 'system' || message.role === 'developer' || message === latestUser) && ASKS_FOR_SUMMARY.test(message.content),
  );
}

/**
 * Summarises the facts a conversation shows.
 *
 * @example
 * summarize(playbook, knowledge, messages); // 'Summary of the conversation so far:\n- The user asked: …\nCustomer C-1001: …'
 */
export function summarize(playbook: Playbook, knowledge: Knowledge, messages: readonly ChatMessage[]): string {
  const lines = ['Summary of the conversation so far:'];
  for (const request of userRequests(messages)) {
    const text = request.replace(/\s+/g, ' ').trim();
    if (text === '' || text.startsWith('{')) continue;
    lines.push(`- The user asked: ${text.length > MAX_REQUEST_CHARACTERS ? `${text.slice(0, MAX_REQUEST_CHARACTERS)}…` : text}`);
  }
  for (const [id, attributes] of knowledge.entities()) {
    const type = knowledge.typeOf(id);
    if (type) lines.push(formatFactLine(playbook, type.label, id, attributes));
  }
  for (const call of knowledge.calls) {
    if (call.outcome.status === 'error') lines.push(`- ${call.tool} ${JSON.stringify(call.args)} failed: ${call.outcome.message}`);
  }
  // Results that are not about one entity (a policy, a search) are kept with their scalar and id-list fields.
  for (const { source, value } of knowledge.documents) {
    const parts = Object.entries(value)
      .map(([name, field]) => [name, formatValue(playbook, name, idsOf(field) ?? field)] as const)
      .filter(([, text]) => text !== undefined)
      .map(([name, text]) => `${attributePhrase(name)} ${text}`);
    // An object with nothing to say (`{}`, the arguments of a call without any) is not a fact.
    if (parts.length > 0) lines.push(`- ${source}: ${parts.join(', ')}`);
  }
  return lines.join('\n');
}

function idsOf(field: unknown): string[] | undefined {
  if (!Array.isArray(field) || field.length === 0) return undefined;
  const ids = field.map((item) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined));
  return ids.every((id) => typeof id === 'string') ? (ids as string[]) : undefined;
}

/** What the user asked: their own messages, or the user lines of a transcript or earlier summary handed over. */
function userRequests(messages: readonly ChatMessage[]): string[] {
  const requests: string[] = [];
  for (const message of messages) {
    if (message.role !== 'user') continue;
    const quoted = [...message.content.matchAll(TRANSCRIPT_USER_LINE)].map((match) => match[1] as string);
    if (quoted.length > 0) requests.push(...quoted);
    else if (!ASKS_FOR_SUMMARY.test(message.content)) requests.push(message.content);
  }
  return requests;
}
