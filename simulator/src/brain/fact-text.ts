// Facts written as text and read back: the simulated model writes its answers and summaries as fact lines
// (`Customer C-1001: name Ada Lovelace, tier gold, email ada@lovelace.example`), so a later request that no longer
// shows the tool result (masked or summarised history) can still use the fact from the answer or summary.
import type { Playbook } from './playbook.ts';

export type Attributes = Map<string, unknown>;

/**
 * The phrase an attribute is written as in a fact line.
 *
 * @example
 * attributePhrase('memberSince'); // 'member since'
 */
export const attributePhrase = (name: string): string => name.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);

/**
 * Formats one attribute value for a fact line, or `undefined` when it has no text form (nested objects).
 *
 * @example
 * formatValue(playbook, 'total', 33.99); // '$33.99'
 * formatValue(playbook, 'orders', []); // 'none'
 */
export function formatValue(playbook: Playbook, name: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return playbook.moneyAttributes.includes(name) ? `$${value.toFixed(2)}` : String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length === 0 ? 'none' : value.join(', ');
  }
  return undefined;
}

/**
 * Writes a fact line for an entity.
 *
 * @example
 * formatFactLine(playbook, 'Customer', 'C-1001', [['tier', 'gold']]); // 'Customer C-1001: tier gold'
 */
export function formatFactLine(
  playbook: Playbook,
  label: string,
  id: string,
  attributes: Iterable<readonly [string, unknown]>,
): string {
  const parts: string[] = [];
  for (const [name, value] of attributes) {
    if (!playbook.attributes.includes(name)) continue;
    const text = formatValue(playbook, name, value);
    if (text !== undefined) parts.push(`${attributePhrase(name)} ${text}`);
  }
  return `${label} ${id}: ${parts.join(', ')}`;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface FactPatterns {
  header: RegExp;
  keys: RegExp;
  phrases: Map<string, string>;
  ids: RegExp[];
}

// Compiled once per playbook: reading facts runs on every message of every request.
const compiled = new WeakMap<Playbook, FactPatterns>();

function patternsOf(playbook: Playbook): FactPatterns {
  let patterns = compiled.get(playbook);
  if (!patterns) {
    const labels = playbook.entityTypes.map((type) => `${escapeRegExp(type.label)} (${type.idPattern.source}):`).join('|');
    const byLength = [...playbook.attributes].sort((a, b) => attributePhrase(b).length - attributePhrase(a).length);
    patterns = {
      header: new RegExp(`(?:${labels})\\s*`, 'g'),
      keys: new RegExp(`(?:^|,\\s)(${byLength.map((name) => escapeRegExp(attributePhrase(name))).join('|')})\\s`, 'g'),
      phrases: new Map(playbook.attributes.map((name) => [attributePhrase(name), name])),
      ids: playbook.entityTypes.map((type) => new RegExp(type.idPattern.source, 'g')),
    };
    compiled.set(playbook, patterns);
  }
  return patterns;
}

/**
 * Reads every fact line in a text: the entity id and the attributes the line states.
 *
 * @example
 * parseFactLines(playbook, '- Customer C-1001: tier gold, orders O-5001, O-5002');
 * // [{ id: 'C-1001', attributes: Map { 'tier' => 'gold', 'orders' => ['O-5001', 'O-5002'] } }]
 */
export function parseFactLines(playbook: Playbook, text: string): { id: string; attributes: Attributes }[] {
  const { header, keys, phrases, ids: idPatterns } = patternsOf(playbook);
  const facts: { id: string; attributes: Attributes }[] = [];
  if (text.search(header) === -1) return facts; // most messages carry no fact line
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(header)) {
      const id = match.slice(1).find((group) => group !== undefined);
      if (id === undefined) continue;
      const body = line.slice((match.index ?? 0) + match[0].length);
      const attributes: Attributes = new Map();
      const found = [...body.matchAll(keys)];
      found.forEach((key, index) => {
        const phrase = key[1] as string;
        const name = phrases.get(phrase) as string;
        const end = found[index + 1]?.index ?? body.length;
        const raw = body.slice((key.index ?? 0) + key[0].length, end).trim().replace(/[.;]$/, '');
        if (playbook.listAttributes.includes(name)) {
          attributes.set(name, raw === 'none' ? [] : idPatterns.flatMap((pattern) => raw.match(pattern) ?? []));
        } else attributes.set(name, raw);
      });
      facts.push({ id, attributes });
    }
  }
  return facts;
}
