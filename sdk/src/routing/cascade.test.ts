import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AssistantMessage } from '../messages.ts';
import type { RoutingDecision } from '../runner/run-events.ts';
import type { ModelRouter, RouteContext } from './model-router.ts';
import { cascade, type CascadeCheckContext } from './cascade.ts';
import { RoutingError } from './routing-error.ts';

const CHAIN = ['sim-small', 'sim-medium', 'sim-large'];
const context = (overrides: Partial<RouteContext> = {}): RouteContext => ({
  agentName: 'support',
  step: 0,
  stepKind: 'first',
  input: 'Where is order A-1042?',
  messages: [{ role: 'user', content: 'Where is order A-1042?' }],
  estimatedInputTokens: 900,
  toolNames: ['get_order'],
  ...overrides,
});
const answer = (content: string, model: string): AssistantMessage => ({ role: 'assistant', content, model });
const mentionsOrder = (output: AssistantMessage) =>
  /A-\d{4}/.test(output.content ?? '') ? true : { pass: false, reason: 'the answer names no order id' };

/** Runs one step the way the run loop does: route, then escalate while the router asks to. */
async function runStep(models: ModelRouter, respond: (model: string) => AssistantMessage, step = context()) {
  const decisions: RoutingDecision[] = [await models.route(step)];
  for (;;) {
    const next = await models.escalate!(respond(decisions.at(-1)!.model), step, decisions.at(-1)!);
    if (!next) return decisions;
    decisions.push(next);
  }
}

describe('cascade', () => {
  it('starts with the cheapest model and keeps its output when the check passes', async () => {
    const models = cascade({ models: CHAIN, check: mentionsOrder });
    assert.equal(models.defaultModel, 'sim-large');
    assert.deepEqual(models.models, CHAIN);
    const decisions = await runStep(models, (model) => answer('Order A-1042 shipped.', model));
    assert.deepEqual(decisions, [
      { model: 'sim-small', candidates: CHAIN, rule: 'cascade:start', reason: 'cascade starts with the cheapest model, sim-small' },
    ]);
  });

  it('escalates one model at a time, recording the failing reason, until the check passes', async () => {
    const models = cascade({ models: CHAIN, check: mentionsOrder });
    const decisions = await runStep(models, (model) => answer(model === 'sim-small' ? 'It shipped.' : 'A-1042 shipped.', model));
    assert.deepEqual(decisions.slice(1), [
      {
        model: 'sim-medium',
        candidates: CHAIN,
        rule: 'cascade:escalate',
        reason: 'sim-small output failed the check: the answer names no order id',
      },
    ]);
  });

  it('escalates through the whole chain and keeps the strongest model’s output without checking it', async () => {
    const checked: string[] = [];
    const models = cascade({
      models: CHAIN,
      check: async (_output, step: CascadeCheckContext) => {
        checked.push(step.model);
        return false;
      },
    });
    const decisions = await runStep(models, (model) => answer('?', model));
    assert.deepEqual(decisions.map((decision) => [decision.model, decision.rule]), [
      ['sim-small', 'cascade:start'],
      ['sim-medium', 'cascade:escalate'],
      ['sim-large', 'cascade:escalate'],
    ]);
    assert.equal(decisions[2]!.reason, 'sim-medium output failed the check: check returned false');
    assert.deepEqual(checked, ['sim-small', 'sim-medium']);
  });

  it('counts a check that throws, sync or async, as failed and escalates', async () => {
    const sync = cascade({ models: CHAIN, check: () => { throw new Error('judge crashed'); } });
    assert.deepEqual(sync.escalate!(answer('x', 'sim-small'), context(), await sync.route(context())), {
      model: 'sim-medium',
      candidates: CHAIN,
      rule: 'cascade:escalate',
      reason: 'sim-small output failed the check: check threw: judge crashed',
    });
    const async = cascade({ models: CHAIN, check: async () => Promise.reject(new Error('judge timed out')) });
    const decision = await async.escalate!(answer('x', 'sim-small'), context(), await async.route(context()));
    assert.equal(decision?.reason, 'sim-small output failed the check: check threw: judge timed out');
  });

  it('counts a check result that is neither a boolean nor { pass } as failed', async () => {
    const models = cascade({ models: CHAIN, check: () => 'looks fine' as never });
    const decision = await models.escalate!(answer('x', 'sim-small'), context(), await models.route(context()));
    assert.equal(decision?.reason, 'sim-small output failed the check: check returned "looks fine", expected a boolean or { pass }');
    const passing = cascade({ models: CHAIN, check: () => ({ pass: true, reason: 'fine' }) });
    assert.equal(await passing.escalate!(answer('x', 'sim-small'), context(), await passing.route(context())), null);
  });

  it('hands the check the output, the step context and the model that wrote it, tool calls included', async () => {
    let seen: [AssistantMessage, CascadeCheckContext] | undefined;
    const models = cascade({ models: CHAIN, check: (output, step) => ((seen = [output, step]), true) });
    const output: AssistantMessage = { role: 'assistant', content: null, toolCalls: [{ id: 'c1', name: 'get_order', arguments: '{}' }] };
    await models.escalate!(output, context({ step: 3 }), await models.route(context({ step: 3 })));
    assert.equal(seen![0], output);
    assert.equal(seen![1].model, 'sim-small');
    assert.equal(seen![1].step, 3);
  });

  it('does not escalate a decision for a model outside the chain', async () => {
    const models = cascade({ models: CHAIN, check: () => false });
    const foreign = { model: 'gpt-9', candidates: ['gpt-9'], rule: 'manual', reason: 'pinned' };
    assert.equal(await models.escalate!(answer('x', 'gpt-9'), context(), foreign), null);
  });

  it('with sticky, starts at the strongest model that already answered in the current turn', async () => {
    const models = cascade({ models: CHAIN, check: () => true, sticky: true });
    const turn = context({
      stepKind: 'after-tools',
      messages: [
        { role: 'user', content: 'earlier question' },
        answer('earlier answer', 'sim-large'),
        { role: 'user', content: 'Where is order A-1042?' },
        { role: 'assistant', content: null, model: 'sim-medium', toolCalls: [{ id: 'c1', name: 'get_order', arguments: '{}' }] },
        { role: 'tool', toolCallId: 'c1', toolName: 'get_order', content: '{}' },
      ],
    });
    assert.deepEqual(await models.route(turn), {
      model: 'sim-medium',
      candidates: CHAIN,
      rule: 'cascade:sticky',
      reason: 'sim-medium already answered in this turn after an escalation',
    });
    assert.equal((await models.route(context())).rule, 'cascade:start', 'a new turn starts cheap again');
    const plain = cascade({ models: CHAIN, check: () => true });
    assert.equal((await plain.route(turn)).model, 'sim-small', 'without sticky every step starts cheap');
  });

  it('rejects a bad configuration with a RoutingError', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /options must be an object/],
      [{ models: ['sim-small'], check: () => true }, /at least 2 model names/],
      [{ models: CHAIN }, /check must be a function/],
      [{ models: CHAIN, check: () => true, defaultModel: 'gpt-9' }, /defaultModel "gpt-9" is not one of models/],
      [{ models: CHAIN, check: () => true, sticky: 'yes' }, /sticky must be a boolean/],
    ];
    for (const [options, expected] of cases) {
      assert.throws(() => cascade(options as never), (error: unknown) => RoutingError.isInstance(error) && expected.test(error.message));
    }
  });
});
