import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from '../agent/agent.ts';
import { scriptedModel, type Script } from '../testing/scripted-model.ts';
import type { RunEvent } from './run-events.ts';
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
  });
});
