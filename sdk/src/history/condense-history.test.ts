import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message, ToolMessage } from '../messages.ts';
import type { Summarizer } from './history-policy.ts';
import { condenseHistory } from './condense-history.ts';
import { estimateTokens } from './estimate-tokens.ts';
import { HistoryError } from './history-error.ts';
import { isMaskedToolOutput } from './mask-tool-output.ts';
import { isSummaryMessage } from './summary-message.ts';
import { findToolPairingViolations } from './tool-pairing.ts';

const SYSTEM: Message = { role: 'system', content: 'You are the support agent of Northwind Shop. Answer from tool results only.' };
const filler = (topic: string) => `${topic}: ${'The warehouse log records each scan of the parcel in detail. '.repeat(36)}`;

/** One support turn: a question, one lookup whose output is large, and the answer. */
function turn(index: number, facts: Record<string, unknown>, answer: string): Message[] {
  const id = `call_${index}`;
  return [
    { role: 'user', content: `Question ${index}: what about ${Object.values(facts)[0]}?` },
    { role: 'assistant', content: null, toolCalls: [{ id, name: 'get_order', arguments: JSON.stringify({ orderId: facts.orderId ?? index }) }] },
    { role: 'tool', toolCallId: id, toolName: 'get_order', content: JSON.stringify({ ...facts, log: filler(`order ${index}`) }) },
    { role: 'assistant', content: answer },
  ];
}

/** The session of the fact test: turn 1 learns a tracking number that only the last question asks about again. */
function longSession(): Message[] {
  return [
    SYSTEM,
    ...turn(1, { orderId: 'A-1042', trackingNumber: '1Z999AA10123456784', total: '42.50 EUR' }, 'Order A-1042 has shipped.'),
    ...turn(2, { orderId: 'A-2077', status: 'processing' }, 'Order A-2077 is still being packed.'),
    ...turn(3, { orderId: 'A-3001', status: 'delivered', deliveredAt: '2026-03-05' }, 'A-3001 was delivered on 5 March.'),
    ...turn(4, { orderId: 'A-4100', status: 'cancelled' }, 'A-4100 was cancelled.'),
    { role: 'user', content: 'And what was the tracking number of my first order?' },
  ];
}

/**
 * A summariser that behaves like a model following the instruction: it reads the transcript, copies the scalar
 * facts of every tool result and the gist of every message, and stays within the requested word limit.
 */
const factKeepingSummarizer = (requests: Message[][] = []): Summarizer => async (request) => {
  requests.push(request);
  const system = request[0]!.content as string;
  const transcript = /<conversation>\n([\s\S]*)\n<\/conversation>/.exec(request[1]!.content as string)?.[1] ?? '';
  const maxWords = Number(/about (\d+) words/.exec(system)?.[1] ?? 100);
  const bullets: string[] = [];
  for (const entry of transcript.split('\n\n')) {
    const json = /^\[\w+ result\] (\{.*\})$/.exec(entry)?.[1];
    if (json) {
      const facts = Object.entries(JSON.parse(json) as Record<string, unknown>).filter(([, value]) => String(value).length <= 40);
      bullets.push(`- ${facts.map(([key, value]) => `${key} ${String(value)}`).join(', ')}`);
    } else bullets.push(`- ${entry.slice(0, 80)}`);
  }
  return bullets.join('\n').split(/\s+/).slice(0, maxWords).join(' ');
};

/** The protected part of `longSession()` with keepRecentMessages 4: instructions and the last four messages. */
const protectedTokens = () => estimateTokens([SYSTEM, ...longSession().slice(-4)]);
/** Room for the protected part plus a summary, but well under what masking alone leaves. */
const summaryBudget = () => protectedTokens() + 400;
/** Room for the protected part plus about one masked turn: only dropping gets there. */
const dropBudget = () => protectedTokens() + 150;

const failingSummarizer: Summarizer = async () => {
  throw new Error('summary model unavailable');
};

describe('condenseHistory', () => {
  it('returns the very same history when it is under budget', async () => {
    const history = longSession();
    const result = await condenseHistory(history, { maxInputTokens: estimateTokens(history) }, failingSummarizer);
    assert.equal(result.messages, history);
    assert.equal(result.condensed, undefined);
  });

  it('masks stale tool outputs first, without a model call, keeping each result paired with its call', async () => {
    const history = longSession();
    const requests: Message[][] = [];
    const before = estimateTokens(history);
    const result = await condenseHistory(history, { maxInputTokens: Math.floor(before * 0.9) }, factKeepingSummarizer(requests));
    assert.equal(requests.length, 0);
    assert.equal(result.condensed?.strategy, 'mask-tool-outputs');
    assert.equal(result.condensed?.tokensBefore, before);
    assert.equal(result.condensed?.tokensAfter, estimateTokens(result.messages));
    assert.ok(result.condensed!.tokensAfter <= Math.floor(before * 0.9 * 0.5));
    assert.equal(result.messages.length, history.length);
    assert.deepEqual(findToolPairingViolations(result.messages), []);
    const first = result.messages[3] as ToolMessage;
    assert.ok(isMaskedToolOutput(first));
    assert.match(first.content, /"trackingNumber":"1Z999AA10123456784"/, 'the placeholder keeps the short facts');
    assert.equal(history[3]!.content!.includes('warehouse log'), true, 'the caller’s history is not mutated');
  });

  it('masks the oldest outputs only as far as the target needs', async () => {
    const history = longSession();
    const before = estimateTokens(history);
    const result = await condenseHistory(history, { maxInputTokens: before - 1 }, failingSummarizer, { targetRatio: 1 });
    const masked = result.messages.filter((message) => message.role === 'tool' && isMaskedToolOutput(message));
    assert.equal(masked.length, 1);
    assert.equal(result.messages[3], masked[0], 'the oldest output goes first');
  });

  it('never masks an output the model has not answered from yet (a chain still in progress)', async () => {
    const history = longSession().slice(0, -1);
    history.push(
      { role: 'user', content: 'Where is the parcel of A-5000 now?' },
      { role: 'assistant', content: null, toolCalls: [{ id: 'o', name: 'get_order', arguments: '{"orderId":"A-5000"}' }] },
      { role: 'tool', toolCallId: 'o', toolName: 'get_order', content: JSON.stringify({ shipmentId: 'S-9', log: filler('A-5000') }) },
      { role: 'assistant', content: null, toolCalls: [{ id: 's', name: 'get_shipment', arguments: '{"shipmentId":"S-9"}' }] },
      { role: 'tool', toolCallId: 's', toolName: 'get_shipment', content: JSON.stringify({ city: 'Lyon', log: filler('S-9') }) },
    );
    const result = await condenseHistory(history, { maxInputTokens: 200, keepRecentMessages: 0, summarize: false }, failingSummarizer);
    const current = result.messages.slice(result.messages.findIndex((m) => m.content === 'Where is the parcel of A-5000 now?'));
    assert.deepEqual(current, history.slice(-5), 'the current turn is kept verbatim');
    assert.deepEqual(findToolPairingViolations(result.messages), []);
  });

  it('never masks an output no final answer has followed yet, even outside the protected part', async () => {
    // The run of the first turn ended (aborted) before the model answered from the order lookup.
    const history: Message[] = [SYSTEM, ...turn(1, { orderId: 'A-1042' }, '').slice(0, 3), { role: 'user', content: 'Hello?' }];
    const result = await condenseHistory(history, { maxInputTokens: 200, keepRecentMessages: 1, summarize: false }, failingSummarizer, {
      targetRatio: 1,
    });
    assert.ok(!result.messages.some((message) => message.role === 'tool' && isMaskedToolOutput(message)));
    assert.equal(result.condensed?.strategy, 'drop');
  });

  it('summarises older turns with the cheap model when masking is not enough, and the early fact survives', async () => {
    const history = longSession();
    const requests: Message[][] = [];
    const result = await condenseHistory(history, { maxInputTokens: summaryBudget(), keepRecentMessages: 4 }, factKeepingSummarizer(requests));
    assert.equal(result.condensed?.strategy, 'summarize');
    assert.equal(requests.length, 1);
    assert.match(requests[0]![1]!.content as string, /warehouse log/, 'the summariser reads the full, unmasked outputs');
    assert.equal(result.messages[0], SYSTEM);
    assert.ok(isSummaryMessage(result.messages[1]!));
    assert.deepEqual(result.messages.slice(2), history.slice(-4), "the recent messages and the current turn are untouched");
    assert.ok(result.condensed!.tokensAfter <= summaryBudget());
    const text = result.messages.map((message) => message.content ?? '').join('\n');
    assert.ok(text.includes('1Z999AA10123456784'), 'the tracking number from turn 1 is still in the history');
    assert.ok(text.includes('42.50 EUR'));
  });

  it('folds an earlier summary into the next one', async () => {
    const requests: Message[][] = [];
    const summarize = factKeepingSummarizer(requests);
    const first = await condenseHistory(longSession(), { maxInputTokens: summaryBudget(), keepRecentMessages: 4 }, summarize);
    const grown = [...first.messages, { role: 'assistant', content: 'It is 1Z999AA10123456784.' } as Message, ...turn(5, { orderId: 'A-5555' }, 'Done.'), ...turn(6, { orderId: 'A-6666' }, 'Done.')];
    const second = await condenseHistory(grown, { maxInputTokens: summaryBudget(), keepRecentMessages: 4 }, summarize);
    assert.equal(second.condensed?.strategy, 'summarize');
    assert.match(requests[1]![1]!.content as string, /\[summary of still earlier messages\]/);
    assert.equal(second.messages.filter(isSummaryMessage).length, 1);
    assert.ok(second.messages.some((message) => message.content?.includes('1Z999AA10123456784')));
  });

  it('drops the oldest whole turns as a last resort when summaries are off', async () => {
    const history = longSession();
    const result = await condenseHistory(history, { maxInputTokens: dropBudget(), keepRecentMessages: 4, summarize: false }, failingSummarizer);
    assert.equal(result.condensed?.strategy, 'drop');
    assert.equal(result.messages[0], SYSTEM);
    const resumeAt = history.indexOf(result.messages[1]!);
    assert.equal(result.messages[1]!.role, 'user', 'turns go whole: the history resumes at a question');
    assert.ok(resumeAt > 1, 'at least the first turn went');
    assert.equal(result.messages.length, history.length - resumeAt + 1, 'everything after the dropped turns is kept');
    assert.ok(result.condensed!.tokensAfter <= dropBudget());
    assert.deepEqual(findToolPairingViolations(result.messages), []);
    assert.deepEqual(result.messages.slice(-5), history.slice(-5));
  });

  for (const [name, summarize] of [
    ['fails', failingSummarizer],
    ['returns nothing', (async () => '  ') as Summarizer],
    ['returns something longer than the span', (async () => 'x'.repeat(50_000)) as Summarizer],
  ] as const) {
    it(`falls back to masking and dropping when the summariser ${name}`, async () => {
      const result = await condenseHistory(longSession(), { maxInputTokens: dropBudget(), keepRecentMessages: 4 }, summarize);
      assert.equal(result.condensed?.strategy, 'drop');
      assert.ok(!result.messages.some(isSummaryMessage));
      assert.ok(result.condensed!.tokensAfter <= dropBudget());
    });
  }

  it('keeps the history over budget rather than touch the protected part', async () => {
    const history = longSession();
    const result = await condenseHistory(history, { maxInputTokens: 50, keepRecentMessages: 100 }, failingSummarizer);
    assert.equal(result.messages, history);
    assert.equal(result.condensed, undefined);
  });

  it('keeps its summary rather than drop it when the protected part alone is over budget', async () => {
    const history = longSession();
    const budget = protectedTokens() - 1;
    const result = await condenseHistory(history, { maxInputTokens: budget, keepRecentMessages: 4 }, factKeepingSummarizer());
    assert.equal(result.condensed?.strategy, 'summarize');
    assert.ok(isSummaryMessage(result.messages[1]!));
    assert.ok(result.condensed!.tokensAfter > budget);
    assert.ok(result.messages.some((message) => message.content?.includes('1Z999AA10123456784')));
  });

  it('is idempotent: condensing a condensed history again changes nothing', async () => {
    for (const policy of [
      { maxInputTokens: Math.floor(estimateTokens(longSession()) * 0.9) },
      { maxInputTokens: summaryBudget(), keepRecentMessages: 4 },
      { maxInputTokens: dropBudget(), keepRecentMessages: 4, summarize: false },
    ]) {
      const summarize = factKeepingSummarizer();
      const once = await condenseHistory(longSession(), policy, summarize);
      assert.ok(once.condensed, `policy ${JSON.stringify(policy)} condenses`);
      const twice = await condenseHistory(once.messages, policy, summarize);
      assert.equal(twice.messages, once.messages);
      assert.equal(twice.condensed, undefined);
    }
  });

  it('condenses rarely as a conversation grows, so the prompt prefix stays stable between condensations', async () => {
    const summarize = factKeepingSummarizer();
    const turnTokens = estimateTokens(turn(0, { orderId: 'B-0' }, 'Order B-0 is fine.'));
    const policy = { maxInputTokens: turnTokens * 8, keepRecentMessages: 4 };
    let history: Message[] = [SYSTEM];
    const condensedAt: number[] = [];
    for (let step = 1; step <= 30; step++) {
      const grown = [...history, ...turn(step, { orderId: `B-${step}` }, `Order B-${step} is fine.`)];
      const result = await condenseHistory(grown, policy, summarize);
      if (result.condensed) condensedAt.push(step);
      else assert.equal(result.messages, grown, 'between condensations the history is only appended to');
      history = result.messages;
    }
    // A condensation frees at least half the budget, so the next one is that many tokens of new turns away.
    const minimumGap = Math.floor(policy.maxInputTokens / 2 / turnTokens);
    assert.ok(minimumGap >= 3);
    assert.ok(condensedAt.length >= 2, `condensed at ${condensedAt.join(', ')}`);
    condensedAt.slice(1).forEach((step, index) => {
      assert.ok(step - condensedAt[index]! > minimumGap, `condensed at ${condensedAt.join(', ')}`);
    });
  });

  it('throws the abort reason when aborted during the summary, leaving the history as it was', async () => {
    const history = longSession();
    const snapshot = structuredClone(history);
    const controller = new AbortController();
    const summarize: Summarizer = async (_request, signal) => {
      controller.abort(new Error('user cancelled'));
      signal?.throwIfAborted();
      return 'never';
    };
    await assert.rejects(
      condenseHistory(history, { maxInputTokens: summaryBudget(), keepRecentMessages: 4 }, summarize, { signal: controller.signal }),
      /user cancelled/,
    );
    assert.deepEqual(history, snapshot);
  });

  it('rejects bad input with a HistoryError that says what is wrong', async () => {
    const cases: Array<[unknown, unknown, unknown, RegExp]> = [
      [[], { maxInputTokens: 0 }, failingSummarizer, /maxInputTokens must be a positive number, got 0/],
      [[], { maxInputTokens: Number.NaN }, failingSummarizer, /maxInputTokens/],
      [[], null, failingSummarizer, /policy must be an object/],
      [[], { maxInputTokens: 10, keepRecentMessages: 1.5 }, failingSummarizer, /keepRecentMessages must be a whole number/],
      [[], { maxInputTokens: 10 }, undefined, /summarize must be a function/],
      ['hello', { maxInputTokens: 10 }, failingSummarizer, /messages must be an array/],
      [[{ role: 'robot', content: 'x' }], { maxInputTokens: 10 }, failingSummarizer, /messages\[0\]: role must be/],
      [[{ role: 'user', content: 7 }], { maxInputTokens: 10 }, failingSummarizer, /messages\[0\]: user content must be a string/],
      [[{ role: 'assistant', content: null, toolCalls: [{ id: 1 }] }], { maxInputTokens: 10 }, failingSummarizer, /toolCalls\[0\]/],
      [[{ role: 'tool', content: 'x' }], { maxInputTokens: 10 }, failingSummarizer, /toolCallId, toolName and content/],
    ];
    for (const [messages, policy, summarize, expected] of cases) {
      await assert.rejects(
        condenseHistory(messages as Message[], policy as never, summarize as Summarizer),
        (error: unknown) => HistoryError.isInstance(error) && error.name === 'HistoryError' && expected.test(error.message),
      );
    }
    await assert.rejects(condenseHistory([], { maxInputTokens: 10 }, failingSummarizer, { targetRatio: 2 }), /targetRatio/);
    await assert.rejects(condenseHistory([], { maxInputTokens: 10 }, failingSummarizer, null as never), /options must be an object/);
    await assert.rejects(condenseHistory([], { maxInputTokens: 10, summaryModel: '' }, failingSummarizer), /summaryModel/);
    assert.ok(await condenseHistory([], { maxInputTokens: 10, summarize: false }, undefined as never));
  });
});
