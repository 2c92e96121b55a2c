// The search box's language, shared by the trace list (`GET /api/traces?search=`) and the search inside one trace
// (`GET /api/traces/:traceId/matches?q=`). Terms are separated by spaces; double quotes keep spaces inside one:
//   4bf92f3577b34da6a3ce929d0e0e4736   a trace id (32 hex digits); 8 to 31 hex digits: a trace id prefix
//   00f067aa0ba902b7                   a span id (16 hex digits), or a trace id starting so
//   key=value  key="a b"               an attribute equals (Jaeger-style tag search)
//   anything else                      text in span, agent, tool, model or service names, or in error messages
import { invalid } from './query-params.ts';

export interface SearchTerms {
  /**
   * Hex terms with a digit, lower-cased: a full trace id (32), a span id (16) or a trace id prefix (8–31). A term of
   * digits only also matches as a word, since `20251121` may be an order number as well.
   */
  ids: string[];
  /** `key=value` terms, in order. */
  attributes: [key: string, value: string][];
  /** The remaining words, lower-cased, each to be found. */
  words: string[];
}

const maxTerms = 16;
const hexId = /^[0-9a-f]{8,32}$/;
const attribute = /^([^=\s"]+)=(.*)$/s;

/**
 * Splits a search text into its terms.
 *
 * @throws CollectorError `bad_request` for more than 16 terms or an unclosed quote.
 * @example
 * parseSearchTerms('gen_ai.conversation.id="c 42" timeout')
 * // { ids: [], attributes: [['gen_ai.conversation.id', 'c 42']], words: ['timeout'] }
 */
export function parseSearchTerms(text: string, parameter = 'search'): SearchTerms {
  const terms: SearchTerms = { ids: [], attributes: [], words: [] };
  const tokens = tokenize(text, parameter);
  if (tokens.length > maxTerms) throw invalid(parameter, `at most ${maxTerms} terms`);
  for (const token of tokens) {
    const match = attribute.exec(token);
    if (match) terms.attributes.push([match[1]!, unquote(match[2]!)]);
    else if (hexId.test(token.toLowerCase()) && /\d/.test(token)) terms.ids.push(token.toLowerCase());
    else terms.words.push(unquote(token).toLowerCase());
  }
  return terms;
}

/**
 * The value an attribute term compares with, typed as well: `true`, `false` and numbers match boolean and numeric
 * attributes as well as the same text.
 *
 * @example
 * typedValue('3') // 3
 */
export function typedValue(value: string): string | number {
  if (value === 'true') return 1;
  if (value === 'false') return 0;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

function tokenize(text: string, parameter: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && /\s/.test(char)) {
      if (current !== '') tokens.push(current);
      current = '';
    } else current += char;
  }
  if (quoted) throw invalid(parameter, 'a double quote is not closed');
  if (current !== '') tokens.push(current);
  return tokens;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value.replaceAll('"', '');
}
