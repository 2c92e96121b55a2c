// Reads the message content a span captured (gen_ai.input.messages, gen_ai.output.messages,
// gen_ai.system_instructions) into role + text pairs for display. The values are JSON strings from untrusted
// senders in either the current GenAI shape ({ role, parts: [{ type, content }] }) or the older
// ({ role, content }); anything else is shown raw rather than dropped.

export interface DisplayMessage {
  role: string;
  text: string;
}

export interface CapturedMessages {
  system: DisplayMessage[];
  input: DisplayMessage[];
  output: DisplayMessage[];
}

/**
 * The captured conversation of a model call span, empty lists when content capture was off.
 *
 * @example
 * capturedMessages({ 'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]' }).input
 * // [{ role: 'user', text: 'Hi' }]
 */
export function capturedMessages(attributes: Record<string, unknown>): CapturedMessages {
  return {
    system: readMessages(attributes['gen_ai.system_instructions'], 'system'),
    input: readMessages(attributes['gen_ai.input.messages'], 'user'),
    output: readMessages(attributes['gen_ai.output.messages'], 'assistant'),
  };
}

function readMessages(value: unknown, defaultRole: string): DisplayMessage[] {
  if (value === undefined || value === null || value === '') return [];
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [{ role: defaultRole, text: value }];
    }
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item) => toMessage(item, defaultRole));
}

function toMessage(item: unknown, defaultRole: string): DisplayMessage {
  if (typeof item === 'string') return { role: defaultRole, text: item };
  if (typeof item !== 'object' || item === null) return { role: defaultRole, text: JSON.stringify(item) };
  const record = item as Record<string, unknown>;
  const role = typeof record.role === 'string' ? record.role : defaultRole;
  if (Array.isArray(record.parts)) return { role, text: record.parts.map(partText).join('\n') };
  if (typeof record.content === 'string') return { role, text: record.content };
  if (record.type !== undefined) return { role, text: partText(record) };
  return { role, text: JSON.stringify(record, null, 2) };
}

function partText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (typeof part !== 'object' || part === null) return JSON.stringify(part);
  const record = part as Record<string, unknown>;
  if (typeof record.content === 'string') return record.content;
  if (record.type === 'tool_call') {
    const args = typeof record.arguments === 'string' ? record.arguments : JSON.stringify(record.arguments ?? {});
    return `→ ${String(record.name ?? 'tool')}(${args})`;
  }
  if (record.type === 'tool_call_response') {
    const response = typeof record.response === 'string' ? record.response : JSON.stringify(record.response);
    return `← ${response}`;
  }
  return JSON.stringify(record, null, 2);
}

/**
 * An attribute value as display text: strings as they are, lists of plain values on one line, anything else as
 * indented JSON.
 *
 * @example
 * attributeText(['stop']) // '["stop"]'
 */
export function attributeText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) return JSON.stringify(value);
  return JSON.stringify(value, null, 2) ?? String(value);
}
