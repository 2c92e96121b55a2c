import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readConventions } from './read-conventions.ts';

// The recorded-span tests beside this file check each convention end to end; these pin the merge rules and the
// span kinds those recordings do not contain (agent, chain and workflow spans).
describe('readConventions', () => {
  it('takes the GenAI names first and a framework’s own provider over the gen_ai.system it copied', () => {
    const facts = readConventions('ai.generateText.doGenerate', {
      'ai.operationId': 'ai.generateText.doGenerate',
      'ai.model.provider': 'openai.responses',
      'ai.model.id': 'gpt-4.1',
      'gen_ai.system': 'openai.responses',
      'gen_ai.response.model': 'gpt-4.1-2025-04-14',
    });
    assert.deepEqual(facts, { operation: 'chat', provider: 'openai', model: 'gpt-4.1-2025-04-14', agent: null, toolName: null, role: 'model-call' });
  });

  it('reads OpenInference agent, chain and tool spans as aggregates', () => {
    assert.deepEqual(readConventions('AgentExecutor', { 'openinference.span.kind': 'AGENT', 'agent.name': 'desk' }), {
      operation: 'invoke_agent', provider: null, model: null, agent: 'desk', toolName: null, role: 'aggregate',
    });
    assert.equal(readConventions('RunnableSequence', { 'openinference.span.kind': 'CHAIN', 'llm.token_count.prompt': 900 }).role, 'aggregate');
    assert.equal(readConventions('lookup', { 'openinference.span.kind': 'TOOL', 'tool.name': 'lookup' }).toolName, 'lookup');
  });

  it('reads Traceloop workflow, agent and tool spans by their kind and entity name', () => {
    assert.equal(readConventions('support.workflow', { 'traceloop.span.kind': 'workflow', 'traceloop.entity.name': 'support' }).operation, 'invoke_workflow');
    assert.equal(readConventions('desk.agent', { 'traceloop.span.kind': 'agent', 'traceloop.entity.name': 'desk' }).agent, 'desk');
    assert.equal(readConventions('lookup.tool', { 'traceloop.span.kind': 'tool', 'traceloop.entity.name': 'lookup' }).toolName, 'lookup');
    assert.deepEqual(readConventions('openai.chat', { 'llm.request.type': 'chat', 'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-4o' }), {
      operation: 'chat', provider: 'openai', model: 'gpt-4o', agent: null, toolName: null, role: 'model-call',
    });
  });

  it('leaves a span no convention speaks of undecided', () => {
    assert.deepEqual(readConventions('GET /orders', { 'http.request.method': 'GET' }), {
      operation: null, provider: null, model: null, agent: null, toolName: null, role: null,
    });
  });
});
