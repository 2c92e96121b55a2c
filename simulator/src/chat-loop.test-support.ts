// Test support: the smallest honest agent loop over plain fetch (the SDK's runner is built elsewhere), so the
// workload and the server can be checked end to end over real HTTP.
import { z } from 'zod';
import type { WorkloadTool } from './workload-tool.ts';

export interface LoopOptions {
  baseURL: string;
  model: string;
  tools: WorkloadTool[];
  parallelToolCalls?: boolean;
  /** Model calls per turn before the loop forces an answer with `tool_choice: 'none'`. */
  maxSteps?: number;
  stream?: boolean;
  /** The system message a new conversation starts with. Default: the support desk's. */
  systemPrompt?: string;
}

export interface LoopResult {
  answer: string;
  messages: Record<string, unknown>[];
  requests: number;
  /** Tool calls per model response that asked for tools. */
  toolCallBatches: string[][];
  forced: number;
}

export const SYSTEM_PROMPT = 'You are a support-desk assistant. Use the tools to look facts up; answer with the facts.';

export async function postChat(baseURL: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer unused', ...headers },
    body: JSON.stringify(body),
  });
}

export function toolSpecs(tools: WorkloadTool[]) {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: z.toJSONSchema(tool.parameters) },
  }));
}

/** Runs every turn of a task on one conversation: model call, all tool calls, repeat; forced answer at maxSteps. */
export async function runTurns(turns: readonly string[], options: LoopOptions, history: Record<string, unknown>[] = []): Promise<LoopResult> {
  const messages: Record<string, unknown>[] = history.length > 0 ? [...history] : [{ role: 'system', content: options.systemPrompt ?? SYSTEM_PROMPT }];
  const result: LoopResult = { answer: '', messages, requests: 0, toolCallBatches: [], forced: 0 };
  for (const turn of turns) {
    messages.push({ role: 'user', content: turn });
    for (let step = 0; ; step++) {
      const force = step >= (options.maxSteps ?? 8);
      const response = await postChat(options.baseURL, {
        model: options.model,
        messages,
        tools: toolSpecs(options.tools),
        ...(options.parallelToolCalls === false ? { parallel_tool_calls: false } : {}),
        ...(force ? { tool_choice: 'none' } : {}),
      });
      result.requests++;
      if (force) result.forced++;
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      const completion = (await response.json()) as { choices: { message: { content: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[] } }[] };
      const message = completion.choices[0]?.message;
      if (!message) throw new Error('no choice');
      messages.push({ role: 'assistant', content: message.content, ...(message.tool_calls ? { tool_calls: message.tool_calls } : {}) });
      if (!message.tool_calls?.length) {
        result.answer = message.content ?? '';
        break;
      }
      result.toolCallBatches.push(message.tool_calls.map((call) => call.function.name));
      const outputs = await Promise.all(
        message.tool_calls.map(async (call) => {
          const tool = options.tools.find((candidate) => candidate.name === call.function.name);
          try {
            if (!tool) throw new Error(`unknown tool ${call.function.name}`);
            return JSON.stringify(await tool.execute(JSON.parse(call.function.arguments), {}));
          } catch (error) {
            return `Error: ${(error as Error).message}`;
          }
        }),
      );
      message.tool_calls.forEach((call, index) => messages.push({ role: 'tool', tool_call_id: call.id, content: outputs[index] }));
    }
  }
  return result;
}
