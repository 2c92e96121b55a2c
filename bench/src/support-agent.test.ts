import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, checkAnswer, createSupportDeskTools, openaiCompatible, Runner, scriptedModel, startSimulatedServer, supportDeskTasks } from './sdk.ts';
import type { ModelRouter } from './sdk.ts';
import {
  hotpathSupportDeskTools,
  RECOMMENDATIONS_TIMEOUT_MS,
  SUPPORT_DESK_HISTORY,
  SUPPORT_DESK_TOOL_GROUPS,
  supportDeskAgent,
  supportDeskRouter,
} from './support-agent.ts';

const route = (router: ModelRouter, input: string, estimatedInputTokens = 1_000) =>
  router.route({ agentName: 'support-desk', step: 0, stepKind: 'first', input, messages: [], estimatedInputTokens, toolNames: [] });

describe('the support-desk agent', () => {
  it('caches only idempotent tools, lets only read-only ones start early, and times out only the slow service', () => {
    const neutral = createSupportDeskTools();
    const tools = hotpathSupportDeskTools(neutral, { latencyScale: 0.5 });
    for (const [index, tool] of tools.entries()) {
      assert.equal(Boolean(tool.cache), neutral[index]!.idempotent, tool.name);
      assert.equal(tool.readOnly, neutral[index]!.readOnly, tool.name);
    }
    const timed = tools.filter((tool) => tool.timeoutMs !== undefined);
    assert.deepEqual(timed.map((tool) => [tool.name, tool.timeoutMs]), [['get_product_recommendations', RECOMMENDATIONS_TIMEOUT_MS * 0.5]]);
    assert.equal(tools.find((tool) => tool.name === 'escalate_ticket')?.cache, false);
    assert.throws(() => hotpathSupportDeskTools(neutral, { latencyScale: 0 }), RangeError);
  });

  it('routes questions that compute a refund or decide a return to sim-large and lookups to sim-small', async () => {
    const router = supportDeskRouter();
    assert.equal(router.defaultModel, 'sim-large');
    const cases: [string, string][] = [
      ['Customer C-1005 wants to send back everything from order O-5009. How much should we refund?', 'sim-large'],
      ['Is order O-5004 still eligible for a return?', 'sim-large'],
      ['What is our refund policy for damaged items?', 'sim-small'],
      ['How long is our return window after delivery?', 'sim-small'],
      ['Where is order O-5002?', 'sim-small'],
    ];
    for (const [input, model] of cases) assert.equal((await route(router, input)).model, model, input);
    const long = await route(router, 'Where is order O-5002?', 20_000);
    assert.deepEqual([long.model, long.rule], ['sim-large', 'long-context']);
  });

  it('runs on an endpoint that serves one model, with that model for both tiers', async () => {
    const router = supportDeskRouter({ small: 'only-model', large: 'only-model' });
    assert.deepEqual(router.models, ['only-model']);
    for (const input of ['Is order O-5004 still eligible for a return?', 'Where is order O-5002?']) {
      assert.equal((await route(router, input)).model, 'only-model', input);
    }
  });

  it('prefetches each customer and each order the question names, once, and nothing otherwise', () => {
    const agent = supportDeskAgent(createSupportDeskTools());
    assert.deepEqual(agent.prefetchFor('Compare C-1001 with C-1002, then C-1001 again, and orders O-5002 and O-5002.'), [
      { tool: 'get_customer', arguments: { customerId: 'C-1001' } },
      { tool: 'get_customer', arguments: { customerId: 'C-1002' } },
      { tool: 'get_order', arguments: { orderId: 'O-5002' } },
    ]);
    assert.deepEqual(agent.prefetchFor('What does the knowledge base say about returns?'), []);
  });

  it('follows each chain to its next record from what the previous one returned', async () => {
    const agent = supportDeskAgent(createSupportDeskTools());
    const run = (name: string, args: Record<string, unknown>) => createSupportDeskTools({ latencyScale: 0 }).find((t) => t.name === name)!.execute(args, {});
    assert.deepEqual(agent.followUpsFor('get_order', await run('get_order', { orderId: 'O-5002' }), {}), [
      { tool: 'get_shipment', arguments: { shipmentId: 'S-9002' } },
    ]);
    assert.deepEqual(agent.followUpsFor('get_order', await run('get_order', { orderId: 'O-5003' }), {}), [], 'not shipped: no shipment');
    assert.deepEqual(agent.followUpsFor('list_orders', await run('list_orders', { customerId: 'C-1001' }), {}), [
      { tool: 'get_order', arguments: { orderId: 'O-5003' } },
    ], 'the latest order of the list');
    assert.deepEqual(agent.followUpsFor('find_customer', await run('find_customer', { query: 'Ada Lovelace' }), {}), [
      { tool: 'list_orders', arguments: { customerId: 'C-1001' } },
    ]);
    assert.deepEqual(agent.followUpsFor('get_ticket', await run('get_ticket', { ticketId: 'T-301' }), {}), [
      { tool: 'get_order', arguments: { orderId: 'O-5001' } },
    ]);
    assert.deepEqual(agent.followUpsFor('get_customer', await run('get_customer', { customerId: 'C-1002' }), {}), [
      { tool: 'list_orders', arguments: { customerId: 'C-1002' } },
      { tool: 'list_tickets', arguments: { customerId: 'C-1002' } },
    ]);
    assert.deepEqual(agent.followUpsFor('get_customer', {}, {}), [], 'no id, no follow-up');
    assert.deepEqual(agent.followUpsFor('get_shipment', {}, {}), [], 'a chain ends at the shipment');
  });

  it('offers each question the services it talks about, customer lookups always, escalation only when asked', async () => {
    const desk = supportDeskAgent(createSupportDeskTools({ latencyScale: 0 }));
    // The desk's tools and groups without its guardrail, so the scripted model only sees agent steps.
    const agent = new Agent({ name: 'desk', instructions: desk.instructions, model: 'm', tools: [...desk.tools], toolGroups: [...desk.toolGroups] });
    const offered = async (input: string) => {
      const model = scriptedModel([{ text: 'ok' }]);
      await new Runner({ provider: model }).run(agent, input);
      return model.calls[0]!.request.tools.map((spec) => spec.name);
    };
    assert.deepEqual(await offered('What is the email address of customer C-1001?'), ['find_customer', 'get_customer']);
    assert.deepEqual(await offered('Has order O-5003 shipped yet?'), ['find_customer', 'get_customer', 'get_order', 'get_shipment', 'list_orders']);
    assert.deepEqual(await offered('Do they have any open tickets?'), ['find_customer', 'get_customer', 'get_ticket', 'list_tickets']);
    assert.deepEqual(await offered('Please escalate ticket T-9 to the returns team.'), ['escalate_ticket', 'find_customer', 'get_customer', 'get_order', 'get_refund_policy', 'get_ticket', 'list_orders', 'list_tickets']);
    assert.deepEqual(await offered('How do I change my address? Check the help centre.'), ['find_customer', 'get_customer', 'search_knowledge_base']);
    assert.ok((await offered('Any product recommendations for C-1004?')).includes('get_product_recommendations'));
    assert.ok((await offered('How much should we refund for order O-1?')).includes('get_refund_policy'));
    for (const name of ['list_orders', 'list_tickets']) assert.ok((await offered('Give me an overview of customer C-1001.')).includes(name), name);
    assert.ok(!(await offered('Where is order O-5002?')).includes('escalate_ticket'), 'a write is offered only when asked for');
  });

  it('answers every chain task correctly with tool result views and follow-ups on, and shows the model less', async () => {
    const latencyScale = 0.02;
    const server = await startSimulatedServer({ port: 0, latencyScale });
    const provider = openaiCompatible({ baseURL: server.baseURL, apiKey: 'sk-test' });
    try {
      const runner = new Runner({ provider, optimizations: { history: SUPPORT_DESK_HISTORY } });
      let saved = 0;
      const speculative: string[] = [];
      runner.subscribe((event) => {
        if (event.type === 'tool-call-end') saved += event.resultTokensSaved ?? 0;
        if (event.type === 'tool-call-start' && event.prefetchTrigger && !event.toolCall.id.startsWith('prefetch:')) speculative.push(event.toolCall.name);
      });
      const agent = supportDeskAgent(createSupportDeskTools({ latencyScale }), { latencyScale });
      for (const task of supportDeskTasks.filter((candidate) => candidate.category === 'dependent-chain')) {
        const result = await runner.run(agent, task.turns[0]!);
        assert.deepEqual(checkAnswer(task, result.finalOutput).missing, [], `${task.id}: ${result.finalOutput}`);
      }
      assert.ok(saved > 0, 'the views kept tokens out of the requests');
      assert.ok(speculative.includes('get_shipment'), `a shipment came from a follow-up: ${speculative.join(',')}`);
    } finally {
      await provider.close?.();
      await server.close();
    }
  });

  it('answers a briefing without the slow recommendation service, through its timeout and fallback', async () => {
    const latencyScale = 0.02;
    const server = await startSimulatedServer({ port: 0, latencyScale });
    const provider = openaiCompatible({ baseURL: server.baseURL, apiKey: 'sk-test' });
    try {
      const runner = new Runner({ provider, optimizations: { history: SUPPORT_DESK_HISTORY } });
      const ended: { name: string; timedOut: boolean; fallbackUsed: boolean }[] = [];
      runner.subscribe((event) => {
        if (event.type === 'tool-call-end') ended.push({ name: event.toolCall.name, timedOut: event.timedOut, fallbackUsed: event.fallbackUsed });
      });
      const task = supportDeskTasks.find((candidate) => candidate.id === 'slow-briefing-barbara')!;
      const agent = supportDeskAgent(createSupportDeskTools({ latencyScale }), { latencyScale });
      const result = await runner.run(agent, task.turns[0]!);
      assert.equal(checkAnswer(task, result.finalOutput).correct, true, result.finalOutput);
      assert.deepEqual(ended.find((call) => call.name === 'get_product_recommendations'), {
        name: 'get_product_recommendations',
        timedOut: true,
        fallbackUsed: true,
      });
    } finally {
      await provider.close?.();
      await server.close();
    }
  });
});
