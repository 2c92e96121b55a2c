import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import type { Message } from '../messages.ts';
import { cascade, router } from '../routing/index.ts';
import { scriptedModel, type Script } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import type { OptimizationsOption } from './optimizations.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

const lookup = tool({ name: 'lookup', description: '', parameters: z.object({ q: z.string() }), execute: ({ q }) => `${q}: ${'detail '.repeat(80)}` });
const agent = new Agent({ name: 'a', instructions: 'Support agent.', model: 'big', tools: [lookup] });

/** A long earlier conversation whose first turn holds the fact the last question needs. */
function longHistory(): Message[] {
  const history: Message[] = [{ role: 'user', content: 'My customer id is C-77. Look up my orders.' }];
  for (let turn = 0; turn < 6; turn++) {
    const id = `call_${turn}`;
    history.push(
      { role: 'assistant', content: null, toolCalls: [{ id, name: 'lookup', arguments: JSON.stringify({ q: `order ${turn}` }) }] },
      { role: 'tool', toolCallId: id, toolName: 'lookup', content: `order ${turn}: ${'detail '.repeat(120)}` },
      { role: 'assistant', content: `Order ${turn} is fine.` },
      { role: 'user', content: `Thanks. What about the next order?` },
    );
  }
  history.push({ role: 'assistant', content: 'All orders are fine.' });
  return history;
}

const script: Script = (request) =>
  request.model === 'cheap'
    ? { text: 'Summary: the customer id is C-77; orders 0-5 were looked up and are fine.' }
    : { text: `The answer. ${JSON.stringify(request.messages).includes('C-77') ? 'Your id is C-77.' : 'I do not know your id.'}` };

async function askAfterLongHistory(optimizations: OptimizationsOption) {
  const model = scriptedModel(script);
  const runner = new Runner({ provider: model, optimizations });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  const result = await runner.run(agent, 'Remind me: what is my customer id?', { history: longHistory() });
  return { model, events, result };
}

describe('history management', () => {
  const policy = { maxInputTokens: 600, keepRecentMessages: 4, summarize: true, summaryModel: 'cheap' };

  it('condenses an over-budget history before the model call, keeping the early fact, and records it', async () => {
    const { model, events, result } = await askAfterLongHistory({ history: policy });
    const condensed = events.find((e) => e.type === 'history-condensed');
    assert.ok(condensed?.type === 'history-condensed');
    assert.ok(condensed.tokensAfter < condensed.tokensBefore);
    assert.ok(condensed.messagesAfter < condensed.messagesBefore);
    const summarize = events.find((e) => e.type === 'model-call-start' && e.purpose === 'summarize');
    assert.ok(summarize?.type === 'model-call-start' && summarize.model === 'cheap');
    const main = model.calls.find((call) => call.request.model === 'big')!;
    assert.ok(main.request.messages.length < longHistory().length);
    assert.match(result.finalOutput, /C-77/);
    assert.equal(result.usage.byModel.cheap?.requests, 1, 'the summary call is counted in usage');
  });

  it('sends the full history in baseline', async () => {
    const { model, events } = await askAfterLongHistory('baseline');
    assert.ok(!events.some((e) => e.type === 'history-condensed'));
    assert.equal(model.calls.length, 1);
    assert.equal(model.calls[0]!.request.messages.length, longHistory().length + 2);
  });
});

describe('routing with the routing module', () => {
  it('routes steps by rule with router() and records the decision on each call', async () => {
    const routed = router({ models: ['small', 'big'], rules: [{ stepKind: 'after-tools', model: 'small' }] });
    const model = scriptedModel([{ toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }] }, { text: 'done' }]);
    const runner = new Runner({ provider: model });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    await runner.run(new Agent({ name: 'a', instructions: '', model: routed, tools: [lookup] }), 'go');
    const decisions = events.flatMap((e) => (e.type === 'model-call-start' ? [e.routing] : []));
    assert.deepEqual(decisions.map((d) => d?.model), ['big', 'small']);
    assert.deepEqual(model.calls.map((call) => call.request.model), ['big', 'small']);
    assert.ok(decisions.every((d) => d && d.candidates.length > 0 && d.rule.length > 0));
  });

  it('escalates with cascade() when the cheap answer fails the check', async () => {
    const chain = cascade({ models: ['small', 'big'], check: (output) => (output.content ?? '').includes('confident') });
    const model = scriptedModel((request) => ({ text: request.model === 'small' ? 'no idea' : 'a confident answer' }));
    const result = await new Runner({ provider: model }).run(new Agent({ name: 'a', instructions: '', model: chain }), 'hard');
    assert.equal(result.finalOutput, 'a confident answer');
    assert.deepEqual(model.calls.map((call) => call.request.model), ['small', 'big']);
  });
});
