import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from '../agent/agent.ts';
import { scriptedModel, type Script } from '../testing/scripted-model.ts';
import type { RunEvent, RunUsage } from './run-events.ts';
import { Runner } from './runner.ts';

const researcher = new Agent({ name: 'researcher', description: 'Finds facts', instructions: 'Research.', model: 'worker-model' });
const writer = new Agent({ name: 'writer', instructions: 'Write.', model: 'worker-model' });
const lead = new Agent({ name: 'lead', instructions: 'Delegate.', model: 'lead-model', subAgents: [researcher, writer] });

const script: Script = (request) => {
  if (request.model === 'worker-model') {
    const task = request.messages.at(-1)!.content;
    return { text: `${request.messages[0]!.content} done: ${task}`, delayMs: 20 };
  }
  if (request.messages.at(-1)!.role === 'tool') return { text: 'joined' };
  return {
    toolCalls: [
      { name: 'researcher', arguments: { input: 'find the facts' } },
      { name: 'writer', arguments: { input: 'draft the reply' } },
    ],
  };
};

describe('sub-agents as tools', () => {
  it('fans out to sub-agents in parallel as nested runs and joins their answers in order', async () => {
    const runner = new Runner({ provider: scriptedModel(script) });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    const result = await runner.run(lead, 'handle it');
    assert.equal(result.finalOutput, 'joined');
    assert.deepEqual(
      result.steps[0]!.toolCalls.map((c) => c.result),
      ['Research. done: find the facts', 'Write. done: draft the reply'],
    );
    const starts = events.flatMap((e) => (e.type === 'run-start' ? [e] : []));
    const [parent, ...children] = starts;
    assert.equal(children.length, 2);
    const toolCallIds = result.steps[0]!.toolCalls.map((c) => c.toolCall.id);
    for (const child of children) {
      assert.equal(child.parentRunId, parent!.runId);
      assert.ok(toolCallIds.includes(child.parentToolCallId!));
    }
    const childEnds = events.filter((e) => e.type === 'run-end' && e.runId !== parent!.runId);
    const secondChildStart = events.indexOf(children[1]!);
    assert.ok(events.indexOf(childEnds[0]!) > secondChildStart, 'both sub-agents ran at the same time');
  });

  it("adds each sub-agent's usage to the parent run's totals and per-model breakdown", async () => {
    const runner = new Runner({ provider: scriptedModel(script) });
    const ends = new Map<string, RunUsage>();
    runner.subscribe((event) => {
      if (event.type === 'run-end') ends.set(event.runId, structuredClone(event.usage));
    });
    const result = await runner.run(lead, 'handle it');
    const children = [...ends].filter(([runId]) => runId !== result.runId).map(([, usage]) => usage);
    assert.equal(children.length, 2);
    const worker = result.usage.byModel['worker-model']!;
    assert.equal(worker.requests, 2, 'one call per sub-agent');
    assert.equal(worker.inputTokens, children[0]!.inputTokens + children[1]!.inputTokens);
    assert.equal(worker.outputTokens, children[0]!.outputTokens + children[1]!.outputTokens);
    const own = result.usage.byModel['lead-model']!;
    assert.equal(own.requests, 2);
    assert.equal(result.usage.requests, 4);
    assert.equal(result.usage.inputTokens, own.inputTokens + worker.inputTokens);
    assert.deepEqual(ends.get(result.runId), result.usage, 'the run-end event reports the same totals');
  });

  it('stops the parent once its sub-agents used up its token budget', async () => {
    const spendy: Script = (request) =>
      request.model === 'worker-model'
        ? { text: 'long research', usage: { inputTokens: 900, outputTokens: 200 } }
        : request.messages.at(-1)!.role === 'tool'
          ? { toolCalls: [{ name: 'researcher', arguments: { input: 'more' } }], usage: { inputTokens: 50, outputTokens: 5 } }
          : { toolCalls: [{ name: 'researcher', arguments: { input: 'x' } }], usage: { inputTokens: 50, outputTokens: 5 } };
    const result = await new Runner({ provider: scriptedModel(spendy), budgets: { maxTokens: 1000 } }).run(lead, 'go');
    assert.equal(result.outcome, 'budget_exhausted');
    assert.equal(result.usage.byModel['worker-model']?.requests, 1, 'the first sub-agent run spent the budget: no second one');
    assert.ok(result.usage.inputTokens + result.usage.outputTokens >= 1000);
  });

  it('describes a sub-agent tool with the agent description and an input parameter', async () => {
    const model = scriptedModel([{ text: 'fine' }]);
    await new Runner({ provider: model }).run(lead, 'hi');
    const spec = model.calls[0]!.request.tools.find((t) => t.name === 'researcher')!;
    assert.equal(spec.description, 'Finds facts');
    assert.deepEqual((spec.parameters as { required: string[] }).required, ['input']);
  });

  it('turns a failing sub-agent into a tool error the lead sees', async () => {
    const failing: Script = (request) =>
      request.model === 'worker-model'
        ? { error: { status: 400, message: 'bad' } }
        : request.messages.at(-1)!.role === 'tool'
          ? { text: 'handled' }
          : { toolCalls: [{ name: 'researcher', arguments: { input: 'x' } }] };
    const result = await new Runner({ provider: scriptedModel(failing), optimizations: { retries: false } }).run(lead, 'go');
    assert.equal(result.finalOutput, 'handled');
    assert.equal(result.steps[0]!.toolCalls[0]!.isError, true);
    assert.match(result.steps[0]!.toolCalls[0]!.result, /researcher/);
    assert.equal(result.usage.byModel['worker-model']?.requests, 1, "the failed sub-agent's call is counted in the parent's usage");
  });
});
