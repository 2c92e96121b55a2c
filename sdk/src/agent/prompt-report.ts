// Prompt compression: what an agent's fixed prompt costs (instructions plus tool schemas, sent with every request)
// and a compressed variant of it. `lossless` only removes what carries no meaning — runs of spaces and blank lines,
// a sentence said twice, schema titles and property descriptions that repeat the property's name; the runner applies
// it on every request (the `promptCompression` switch). `aggressive` also shortens verbose descriptions to their first
// sentence(s) and drops `examples`: proposed by `hotpath report-prompt` and `compressAgent()`, for a user to check
// (the benchmark's A/B run does) before adopting it. Token figures use the SDK's estimate (≈ 4 characters a token).
import { estimateTextTokens } from '../history/estimate-tokens.ts';
import type { Tool } from '../tools/tool.ts';
import { Agent } from './agent.ts';

export type CompressionLevel = 'lossless' | 'aggressive';

/** One tool's share of the prompt, before and after compression. */
export interface ToolPromptCost {
  name: string;
  tokens: number;
  compressedTokens: number;
  description: string;
  parameters: Record<string, unknown>;
}

export interface PromptReport {
  agent: string;
  level: CompressionLevel;
  instructions: { tokens: number; compressedTokens: number; text: string };
  tools: ToolPromptCost[];
  /** Instructions plus every tool schema: what each request carries before its messages. */
  tokens: number;
  compressedTokens: number;
  /** What the compression did, one line per kind of change, e.g. `instructions: 1 repeated sentence`. */
  changes: string[];
}

/** A sentence ends at `.`, `!` or `?` followed by whitespace. */
const SENTENCE_END = /(?<=[.!?])\s+/;
/** Longer property descriptions are shortened by `aggressive` to their first sentence. */
const VERBOSE_PROPERTY_DESCRIPTION = 80;
/** Tool descriptions are shortened by `aggressive` to their first two sentences. */
const TOOL_DESCRIPTION_SENTENCES = 2;

/**
 * What an agent's fixed prompt costs and what compression would save.
 *
 * @example
 * const report = promptReport(agent);
 * console.log(`${report.tokens} → ${report.compressedTokens} tokens per request`);
 */
export function promptReport(agent: Agent, level: CompressionLevel = 'lossless'): PromptReport {
  const changes = new Map<string, number>();
  const note = (change: string) => changes.set(change, (changes.get(change) ?? 0) + 1);
  const instructions = compressText(agent.instructions, Infinity, (change) => note(`instructions: ${change}`));
  const tools = agent.tools.map((tool): ToolPromptCost => {
    const description = compressText(tool.description, level === 'aggressive' ? TOOL_DESCRIPTION_SENTENCES : Infinity, (change) => note(`tool descriptions: ${change}`));
    const parameters = compressSchema(tool.jsonSchema, level, note) as Record<string, unknown>;
    return {
      name: tool.name,
      tokens: specTokens(tool.name, tool.description, tool.jsonSchema),
      compressedTokens: specTokens(tool.name, description, parameters),
      description,
      parameters,
    };
  });
  const instructionTokens = estimateTextTokens(agent.instructions);
  const compressedInstructionTokens = estimateTextTokens(instructions);
  return {
    agent: agent.name,
    level,
    instructions: { tokens: instructionTokens, compressedTokens: compressedInstructionTokens, text: instructions },
    tools,
    tokens: instructionTokens + tools.reduce((sum, tool) => sum + tool.tokens, 0),
    compressedTokens: compressedInstructionTokens + tools.reduce((sum, tool) => sum + tool.compressedTokens, 0),
    changes: [...changes].map(([change, count]) => `${change}${count > 1 ? ` (×${count})` : ''}`),
  };
}

/**
 * The agent with its prompt compressed: same name, model, settings and tools (each tool keeps its validation and
 * execution; only its description and the schema the model sees change).
 *
 * @example
 * const lean = compressAgent(agent, 'aggressive'); // check it answers the same before adopting it
 */
export function compressAgent(agent: Agent, level: CompressionLevel = 'lossless'): Agent {
  const report = promptReport(agent, level);
  const byName = new Map(report.tools.map((tool) => [tool.name, tool]));
  return new Agent({
    name: agent.name,
    ...(agent.description !== undefined && { description: agent.description }),
    instructions: report.instructions.text,
    ...(agent.context !== undefined && { context: agent.context }),
    model: agent.model,
    tools: agent.tools.map((tool) => withPrompt(tool, byName.get(tool.name)!)),
    modelSettings: agent.modelSettings,
    ...(agent.prefetch !== undefined && { prefetch: agent.prefetch }),
    guardrails: [...agent.guardrails],
    subAgents: [...agent.subAgents],
    toolGroups: agent.toolGroups.map((group) => ({ ...group, tools: [...group.tools] })),
  });
}

/** The tool as the model sees it after compression; validation, execution and switches unchanged. */
function withPrompt(tool: Tool, cost: ToolPromptCost): Tool {
  return Object.freeze({ ...tool, description: cost.description, jsonSchema: cost.parameters });
}

function specTokens(name: string, description: string, parameters: unknown): number {
  return estimateTextTokens(JSON.stringify({ type: 'function', function: { name, description, parameters } }));
}

/**
 * Whitespace collapsed, repeated sentences dropped, and at most `sentences` sentences kept (`Infinity`: all).
 *
 * @example
 * compressText('Be brief.  Be brief.\n\n\n\nCite ids.', Infinity, () => {}); // 'Be brief.\n\nCite ids.'
 */
export function compressText(text: string, sentences: number, note: (change: string) => void): string {
  const spaced = text
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (spaced !== text) note('whitespace');
  const seen = new Set<string>();
  let kept = 0;
  let truncated = false;
  const lines = spaced.split('\n').map((line) =>
    line
      .split(SENTENCE_END)
      .filter((sentence) => {
        const key = sentence.toLowerCase().replace(/\s+/g, ' ').trim();
        if (key === '') return true;
        if (seen.has(key)) {
          note('repeated sentence');
          return false;
        }
        seen.add(key);
        if (kept >= sentences) {
          truncated = true;
          return false;
        }
        kept += 1;
        return true;
      })
      .join(' '),
  );
  if (truncated) note('shortened to the first sentences');
  return lines.filter((line, index) => line !== '' || (index > 0 && lines[index - 1] !== '')).join('\n').trim();
}

/** The words of a property name: `orderId`, `order_id` and `order-id` all give `order id`. */
function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

const FILLER = new Set(['the', 'a', 'an', 'of', 'this', 'its']);

/** A description that says nothing the property's name does not: `The order id.` for `orderId`. */
function restatesName(description: string, name: string): boolean {
  const words = description.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '' && !FILLER.has(word));
  const own = new Set(nameWords(name));
  return words.length > 0 && words.every((word) => own.has(word));
}

function compressSchema(schema: unknown, level: CompressionLevel, note: (change: string) => void, propertyName?: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => compressSchema(item, level, note));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'title' && typeof value === 'string' && propertyName !== undefined && nameWords(value).join(' ') === nameWords(propertyName).join(' ')) {
      note('schema: title repeating the property name');
      continue;
    }
    if (key === 'description' && typeof value === 'string') {
      if (propertyName !== undefined && restatesName(value, propertyName)) {
        note('schema: description repeating the property name');
        continue;
      }
      const sentences = level === 'aggressive' && value.length > VERBOSE_PROPERTY_DESCRIPTION ? 1 : Infinity;
      out[key] = compressText(value, sentences, (change) => note(`schema descriptions: ${change}`));
      continue;
    }
    if (key === 'examples' && level === 'aggressive') {
      note('schema: examples');
      continue;
    }
    if (key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, compressSchema(property, level, note, name)]));
      continue;
    }
    out[key] = compressSchema(value, level, note);
  }
  return out;
}
