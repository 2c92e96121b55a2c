import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Agent, AgentDefinitionError, type ToolSelectionContext } from '../agent/agent.ts';
import { scriptedModel, type ScriptedResponse } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import type { OptimizationsOption } from './optimizations.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

const lookup = (name: string, executed: string[]) =>
  tool({
    name,
    description: `looks a ${name} up`,
    parameters: z.object({ id: z.string() }),
    execute: ({ id }) => {
      executed.push(name);
      return { id, from: name };
    },
  });

const ORDER_WORDS = /\border|\bO-\d+/i;

function setup(script: ScriptedResponse[], optimizations: OptimizationsOption = 'optimized') {
  const executed: string[] = [];
  const seen: ToolSelectionContext[] = [];
  const agent = new Agent({
    name: 'desk',
    instructions: 'help',
    model: 'm',
    tools: ['get_customer', 'get_order', 'get_shipment', 'get_ticket', 'escalate_ticket'].map((name) => lookup(name, executed)),
    toolGroups: [
      {
        name: 'orders',
        tools: ['get_order', 'get_shipment'],
        when: (context) => {
          seen.push(context);
          return ORDER_WORDS.test(context.input);
        },
      },
      { name: 'tickets', tools: ['get_ticket', 'escalate_ticket'], when: ({ input }) => /\bticket/i.test(input) },
      { name: 'escalations', tools: ['escalate_ticket'], when: ({ input }) => /\bescalat/i.test(input) },
    ],
  });
  const model = scriptedModel(script);
  const runner = new Runner({ provider: model, optimizations });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  const offered = () => model.calls.map((call) => call.request.tools.map((spec) => spec.name));
  return { agent, runner, model, events, executed, seen, offered };
}

const call = (name: string, id = 'x') => ({ name, arguments: { id } });

describe('tool selection', () => {
  it('offers the tools in no group plus those of every matching group, and says how many it left out', async () => {
    const { agent, runner, events, offered } = setup([{ text: 'ok' }]);
    await runner.run(agent, 'Where is order O-5002?');
    assert.deepEqual(offered(), [['get_customer', 'get_order', 'get_shipment']]);
    const start = events.find((e) => e.type === 'model-call-start');
    assert.ok(start?.type === 'model-call-start');
    assert.equal(start.toolsOmitted, 2);
  });

  it('offers a tool when any group naming it matches', async () => {
    const { agent, runner, offered } = setup([{ text: 'ok' }]);
    await runner.run(agent, 'Please escalate this.');
    assert.deepEqual(offered(), [['escalate_ticket', 'get_customer']]);
  });

  it('offers only the ungrouped tools when no group matches', async () => {
    const { agent, runner, offered } = setup([{ text: 'ok' }]);
    await runner.run(agent, 'Who is C-1001?');
    assert.deepEqual(offered(), [['get_customer']]);
  });

  it('decides once per run: every step of the run carries the same tools, and the predicate sees input and history', async () => {
    const { agent, runner, offered, seen } = setup([
      { toolCalls: [call('get_order', 'O-1')] },
      { toolCalls: [call('get_shipment', 'S-1')] },
      { text: 'shipped' },
      { text: 'Ada' },
    ]);
    const first = await runner.run(agent, 'Track order O-1');
    const steps = offered();
    assert.equal(steps.length, 3);
    for (const tools of steps) assert.deepEqual(tools, ['get_customer', 'get_order', 'get_shipment']);
    assert.equal(seen.length, 1, 'the groups are matched at run start only');
    await runner.run(agent, 'And who placed it?', { history: first.history });
    assert.equal(seen.length, 2);
    assert.equal(seen[1]!.input, 'And who placed it?');
    assert.deepEqual(seen[1]!.history, first.history, 'the predicate sees the conversation before this input');
  });

  it('executes a call to an agent tool that was not offered, and keeps offering it for the rest of the run', async () => {
    const { agent, runner, offered, executed, events } = setup([{ toolCalls: [call('get_ticket', 'T-1')] }, { text: 'found it' }]);
    const result = await runner.run(agent, 'Who is C-1001?');
    assert.equal(result.finalOutput, 'found it');
    assert.deepEqual(executed, ['get_ticket']);
    const record = result.steps[0]!.toolCalls[0]!;
    assert.equal(record.isError, false);
    assert.equal(record.result, '{"id":"T-1","from":"get_ticket"}');
    assert.deepEqual(offered(), [['get_customer'], ['get_customer', 'get_ticket']]);
    const omitted = events.flatMap((e) => (e.type === 'model-call-start' ? [e.toolsOmitted] : []));
    assert.deepEqual(omitted, [4, 3]);
  });

  it('adds nothing to the offer for a call to a tool the agent does not have (that is an unknown_tool result)', async () => {
    const { agent, runner, offered } = setup([{ toolCalls: [call('delete_everything')] }, { text: 'ok' }]);
    const result = await runner.run(agent, 'Who is C-1001?');
    assert.equal(result.steps[0]!.toolCalls[0]!.isError, true);
    assert.deepEqual(offered(), [['get_customer'], ['get_customer']]);
  });

  it('keeps the declared order when the prompt-cache layout is off', async () => {
    const { agent, runner, offered } = setup([{ toolCalls: [call('get_ticket')] }, { text: 'ok' }], { promptCacheLayout: false });
    await runner.run(agent, 'order O-1');
    assert.deepEqual(offered(), [['get_customer', 'get_order', 'get_shipment'], ['get_customer', 'get_order', 'get_shipment', 'get_ticket']]);
  });

  it('offers every tool in the baseline and with the switch off, without consulting the groups', async () => {
    for (const optimizations of ['baseline', { toolSelection: false }] as const) {
      const { agent, runner, offered, seen, events } = setup([{ text: 'ok' }], optimizations);
      await runner.run(agent, 'Who is C-1001?');
      assert.deepEqual(offered()[0]!.length, 5, `${JSON.stringify(optimizations)} offers every tool`);
      assert.equal(seen.length, 0);
      const start = events.find((e) => e.type === 'model-call-start');
      assert.ok(start?.type === 'model-call-start');
      assert.equal(start.toolsOmitted, 0);
    }
  });

  it('rejects a run whose group predicate throws or answers something other than a boolean, naming the group', async () => {
    for (const when of [() => { throw new Error('boom'); }, () => 'yes' as unknown as boolean]) {
      const agent = new Agent({ name: 'a', instructions: '', model: 'm', tools: [lookup('t', [])], toolGroups: [{ name: 'g', tools: ['t'], when }] });
      const runner = new Runner({ provider: scriptedModel([{ text: 'ok' }]) });
      await assert.rejects(runner.run(agent, 'x'), (error: unknown) => error instanceof AgentDefinitionError && /tool group "g"/.test(error.message));
    }
  });
});

describe('Agent toolGroups', () => {
  const tools = [lookup('a', []), lookup('b', [])];
  const when = () => true;
  it('rejects groups naming unknown tools, empty or duplicate groups, and missing predicates', () => {
    const cases: unknown[] = [
      [{ name: 'g', tools: ['nope'], when }],
      [{ name: 'g', tools: [], when }],
      [{ name: 'g', tools: ['a'], when }, { name: 'g', tools: ['b'], when }],
      [{ name: 'g', tools: ['a'] }],
      [{ name: '', tools: ['a'], when }],
      [{ name: 'g', tools: 'a', when }],
      'g',
    ];
    for (const toolGroups of cases) {
      assert.throws(
        () => new Agent({ name: 'x', instructions: '', model: 'm', tools, toolGroups: toolGroups as never }),
        AgentDefinitionError,
        JSON.stringify(toolGroups),
      );
    }
  });

  it('accepts sub-agents in groups and keeps a frozen copy', () => {
    const helper = new Agent({ name: 'helper', instructions: '', model: 'm' });
    const groups = [{ name: 'g', tools: ['a', 'helper'], when }];
    const agent = new Agent({ name: 'x', instructions: '', model: 'm', tools, subAgents: [helper], toolGroups: groups });
    groups[0]!.tools.push('b');
    assert.deepEqual(agent.toolGroups[0]!.tools, ['a', 'helper']);
    assert.ok(Object.isFrozen(agent.toolGroups[0]));
  });
});
