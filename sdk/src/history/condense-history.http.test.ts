// The fact test over real HTTP: the simulated model server's summariser condenses a support session, and the model,
// given only the condensed history, still answers a follow-up with a fact that was only ever in an early tool result.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import type { Message } from '../messages.ts';
import type { ModelProvider, ModelRequest } from '../provider/model-provider.ts';
import { openaiCompatible } from '../provider/index.ts';
import { createSupportDeskTools, startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import { condenseHistory } from './condense-history.ts';
import type { Summarizer } from './history-policy.ts';
import { isSummaryMessage } from './summary-message.ts';
import { findToolPairingViolations } from './tool-pairing.ts';

const SYSTEM: Message = { role: 'system', content: 'You are the support agent of a coffee-gear shop. Use the tools; answer with facts from them.' };
const tools = createSupportDeskTools({ latencyScale: 0 });
const toolSpecs = tools.map((tool) => ({ name: tool.name, description: tool.description, parameters: z.toJSONSchema(tool.parameters) }));

let callNumber = 0;
/** One real tool exchange: the assistant's call and the support desk's actual result. */
async function exchange(name: string, args: Record<string, unknown>): Promise<Message[]> {
  const id = `call_${++callNumber}`;
  const tool = tools.find((candidate) => candidate.name === name)!;
  return [
    { role: 'assistant', content: null, toolCalls: [{ id, name, arguments: JSON.stringify(args) }] },
    { role: 'tool', toolCallId: id, toolName: name, content: JSON.stringify(await tool.execute(args, {})) },
  ];
}

/** Sends a request and collects the text and tool calls of the response. */
async function complete(provider: ModelProvider, request: Omit<ModelRequest, 'stream'>, signal?: AbortSignal) {
  let text = '';
  const toolCalls: string[] = [];
  for await (const event of provider.stream({ ...request, stream: true }, signal ? { signal } : {})) {
    if (event.type === 'text-delta') text += event.delta;
    if (event.type === 'tool-call') toolCalls.push(`${event.toolCall.name} ${event.toolCall.arguments}`);
  }
  return { text, toolCalls };
}

describe('condenseHistory against the simulated model server', () => {
  let server: SimulatedServer;
  let provider: ModelProvider;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0 });
    provider = openaiCompatible({ baseURL: server.baseURL });
  });
  after(async () => {
    await provider.close?.();
    await server.close();
  });

  /** A support session whose first turn learns the carrier and expected delivery of O-5002 from tool results only. */
  async function session(): Promise<Message[]> {
    return [
      SYSTEM,
      { role: 'user', content: 'Where is my order O-5002?' },
      ...(await exchange('get_order', { orderId: 'O-5002' })),
      ...(await exchange('get_shipment', { shipmentId: 'S-9002' })),
      { role: 'assistant', content: 'Your order O-5002 has shipped and is on its way.' },
      { role: 'user', content: 'What orders does customer C-1002 have?' },
      ...(await exchange('list_orders', { customerId: 'C-1002' })),
      { role: 'assistant', content: 'C-1002 has orders O-5004 and O-5005.' },
      { role: 'user', content: 'What is your refund policy?' },
      ...(await exchange('get_refund_policy', {})),
      { role: 'assistant', content: 'Refunds are possible within the return window.' },
      { role: 'user', content: 'Which carrier is delivering O-5002, and when is it expected?' },
    ];
  }

  it('keeps a fact from the first turn that only a tool result held, and the model answers from it', async () => {
    const history = await session();
    const requests: Message[][] = [];
    const summarize: Summarizer = async (request, signal) => {
      requests.push(request);
      const { text, toolCalls } = await complete(provider, { model: 'sim-small', messages: request, tools: [] }, signal);
      assert.deepEqual(toolCalls, [], 'a summary request offers no tools');
      return text;
    };

    const result = await condenseHistory(history, { maxInputTokens: 400, keepRecentMessages: 1 }, summarize);
    assert.equal(result.condensed?.strategy, 'summarize');
    assert.equal(requests.length, 1);
    assert.deepEqual(result.messages.map((message) => message.role), ['system', 'user', 'user']);
    assert.ok(isSummaryMessage(result.messages[1]!));
    assert.equal(result.messages[2], history.at(-1), 'the question being asked is kept verbatim');
    assert.deepEqual(findToolPairingViolations(result.messages), []);
    assert.ok(result.condensed!.tokensAfter <= 400);
    const summary = result.messages[1]!.content as string;
    assert.match(summary, /Parcelway/, summary);
    assert.match(summary, /2026-11-23/, summary);

    // The strong model gets only the condensed history and answers without looking anything up again.
    const followUp = await complete(provider, { model: 'sim-large', messages: result.messages, tools: toolSpecs });
    assert.deepEqual(followUp.toolCalls, []);
    assert.match(followUp.text, /Parcelway/);
    assert.match(followUp.text, /2026-11-23/);
  });

  it('shows what the summary saved: after dropping instead, the model has to look the fact up again', async () => {
    const history = await session();
    const result = await condenseHistory(history, { maxInputTokens: 400, keepRecentMessages: 1, summarize: false }, async () => '');
    assert.equal(result.condensed?.strategy, 'drop');
    assert.ok(!result.messages.some((message) => message.content?.includes('Parcelway')));
    const followUp = await complete(provider, { model: 'sim-large', messages: result.messages, tools: toolSpecs });
    assert.ok(followUp.toolCalls.length > 0, `expected a lookup, got ${JSON.stringify(followUp)}`);
  });
});
