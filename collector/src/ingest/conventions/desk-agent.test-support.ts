// A small agent on the `openai` client, run against the simulated model server inside one application span: a call
// that asks for two tools (run in parallel), then a streamed answer. The instrumentation under test records the
// model calls; the server's request records say what they really used.
import type { TracerProvider } from '@opentelemetry/api';
import { createSupportDeskTools, type RequestRecord, type SimulatedServer } from '@hotpath/simulator';
import type OpenAI from 'openai';

const QUESTION = 'Which orders has customer C-1001 placed, and do they have open tickets?';

/**
 * Runs the agent and returns the server's records of its two model calls.
 *
 * @example
 * const [toolStep, answerStep] = await runDeskAgent(client, server, recorder.tracerProvider);
 */
export async function runDeskAgent(client: OpenAI, server: SimulatedServer, tracerProvider: TracerProvider): Promise<RequestRecord[]> {
  const tools = createSupportDeskTools({ latencyScale: 0 }).filter((tool) => tool.name === 'list_orders' || tool.name === 'list_tickets');
  const toolSchemas = tools.map((tool) => ({
    type: 'function' as const,
    function: { name: tool.name, description: tool.description, parameters: { type: 'object', properties: { customerId: { type: 'string' } }, required: ['customerId'] } },
  }));
  const before = server.stats().requests;
  await tracerProvider.getTracer('desk-app').startActiveSpan('handle request', async (root) => {
    const messages: any[] = [{ role: 'user', content: QUESTION }];
    const first = await client.chat.completions.create({ model: 'sim-small', messages, tools: toolSchemas });
    const calls = first.choices[0]!.message.tool_calls ?? [];
    if (calls.length !== 2) throw new Error(`expected two tool calls, got ${calls.length}`);
    messages.push(first.choices[0]!.message);
    const results = await Promise.all(
      calls.map((call: any) => tools.find((tool) => tool.name === call.function.name)!.execute(JSON.parse(call.function.arguments) as never, {})),
    );
    calls.forEach((call, index) => messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(results[index]) }));
    const stream = await client.chat.completions.create({ model: 'sim-small', messages, tools: toolSchemas, stream: true, stream_options: { include_usage: true } });
    for await (const chunk of stream) void chunk;
    root.end();
  });
  return server.stats().recent.filter((record) => record.requestNumber > before);
}
