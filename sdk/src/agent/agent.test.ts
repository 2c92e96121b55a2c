import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import type { ModelRouter } from '../routing/model-router.ts';
import { tool, type Tool } from '../tools/tool.ts';
import { Agent, AgentDefinitionError } from './agent.ts';

const readTool = tool({ name: 'read', description: '', parameters: z.object({ id: z.string() }), readOnly: true, execute: () => 1 });
const writeTool = tool({ name: 'write', description: '', parameters: z.object({}), execute: () => 1 });

describe('Agent', () => {
  it('keeps its definition immutable', () => {
    const tools: Tool[] = [readTool];
    const agent = new Agent({ name: 'a', instructions: 'i', model: 'm', tools });
    tools.push(writeTool);
    assert.equal(agent.tools.length, 1);
    assert.throws(() => (agent.tools as unknown[]).push(writeTool));
  });

  it('takes its default model from a string or from a router', () => {
    const r: ModelRouter = { kind: 'router', models: ['s', 'l'], defaultModel: 'l', route: () => ({ model: 's', candidates: [], rule: 'r', reason: '' }) };
    assert.equal(new Agent({ name: 'a', instructions: '', model: 'gpt' }).defaultModel, 'gpt');
    assert.equal(new Agent({ name: 'a', instructions: '', model: r }).defaultModel, 'l');
  });

  for (const [what, options, message] of [
    ['a bad name', { name: 'my agent', instructions: '', model: 'm' }, /Agent name/],
    ['missing instructions', { name: 'a', model: 'm' }, /instructions must be a string/],
    ['an empty model', { name: 'a', instructions: '', model: '' }, /model must be/],
    ['a model that is neither name nor router', { name: 'a', instructions: '', model: { kind: 'x' } }, /model must be/],
    ['two tools with one name', { name: 'a', instructions: '', model: 'm', tools: [readTool, readTool] }, /two tools are named "read"/],
    ['a sub-agent named like a tool', { name: 'a', instructions: '', model: 'm', tools: [readTool], subAgents: [new Agent({ name: 'read', instructions: '', model: 'm' })] }, /two tools are named "read"/],
    ['a prefetch of an unknown tool', { name: 'a', instructions: '', model: 'm', prefetch: [{ tool: 'nope', arguments: {} }] }, /unknown tool "nope"/],
    ['a prefetch of a tool that is not read-only', { name: 'a', instructions: '', model: 'm', tools: [writeTool], prefetch: [{ tool: 'write', arguments: {} }] }, /must be readOnly/],
    ['a prefetch plan starting a write at run start', { name: 'a', instructions: '', model: 'm', tools: [writeTool], prefetch: { atStart: [{ tool: 'write', arguments: {} }] } }, /must be readOnly/],
    ['a follow-up that is not a function', { name: 'a', instructions: '', model: 'm', tools: [writeTool], prefetch: { after: { write: [] } } }, /must be a function/],
  ] as const) {
    it(`refuses ${what}`, () => {
      assert.throws(() => new Agent(options as never), (error: unknown) => error instanceof AgentDefinitionError && message.test(error.message));
    });
  }

  it('checks follow-ups computed from a result: a write or a non-array is a definition error', () => {
    const agent = new Agent({
      name: 'a',
      instructions: '',
      model: 'm',
      tools: [writeTool],
      prefetch: { after: { write: (result) => (result === 'list' ? [{ tool: 'write', arguments: {} }] : ('oops' as never)) } },
    });
    assert.throws(() => agent.followUpsFor('write', 'list', {}), /must be readOnly/);
    assert.throws(() => agent.followUpsFor('write', 'other', {}), /must return an array/);
    assert.deepEqual(agent.followUpsFor('unrelated', 'list', {}), []);
    assert.deepEqual(agent.prefetchFor('x'), [], 'a plan without atStart prefetches nothing at start');
  });

  it('checks prefetch calls computed from the input too', () => {
    const agent = new Agent({ name: 'a', instructions: '', model: 'm', tools: [writeTool], prefetch: () => [{ tool: 'write', arguments: {} }] });
    assert.throws(() => agent.prefetchFor('x'), AgentDefinitionError);
  });

  it('computes the per-run context from the input', () => {
    const agent = new Agent({ name: 'a', instructions: '', model: 'm', context: (input) => `asked: ${input}` });
    assert.equal(agent.contextFor('q'), 'asked: q');
    assert.equal(new Agent({ name: 'a', instructions: '', model: 'm', context: '' }).contextFor('q'), undefined);
  });
});
