import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spanCategory } from './waterfall-span.ts';

describe('spanCategory', () => {
  it('classifies by GenAI operation, cache hits apart from executed tools', () => {
    assert.equal(spanCategory({ operation: 'invoke_agent', cacheHit: null, name: 'invoke_agent triage' }), 'agent');
    assert.equal(spanCategory({ operation: 'chat', cacheHit: null, name: 'chat sim-large' }), 'model');
    assert.equal(spanCategory({ operation: 'execute_tool', cacheHit: 'hit', name: 'execute_tool search' }), 'cache-hit');
    assert.equal(spanCategory({ operation: 'execute_tool', cacheHit: 'miss', name: 'execute_tool search' }), 'tool');
    assert.equal(spanCategory({ operation: 'execute_tool', cacheHit: 'shared', name: 'execute_tool search' }), 'tool');
  });

  it('reads the operations the collector derives from other conventions: workflows as agents, Vercel AI and OpenInference calls as models', () => {
    assert.equal(spanCategory({ operation: 'invoke_workflow', cacheHit: null, name: 'invoke_workflow Agent workflow' }), 'agent');
    assert.equal(spanCategory({ operation: 'invoke_agent', cacheHit: null, name: 'ai.streamText' }), 'agent');
    assert.equal(spanCategory({ operation: 'chat', cacheHit: null, name: 'ai.streamText.doStream' }), 'model');
    assert.equal(spanCategory({ operation: 'chat', cacheHit: null, name: 'OpenAI Chat Completions' }), 'model');
    assert.equal(spanCategory({ operation: 'execute_tool', cacheHit: null, name: 'ai.toolCall' }), 'tool');
  });

  it('falls back to the span name for senders without an operation, and to other', () => {
    assert.equal(spanCategory({ operation: null, cacheHit: null, name: 'text_completion gpt-3.5' }), 'model');
    assert.equal(spanCategory({ operation: null, cacheHit: null, name: 'GET /users' }), 'other');
  });

  it("tells the SDK's routing waits apart, by their exact names", () => {
    assert.equal(spanCategory({ operation: null, cacheHit: null, name: 'route' }), 'routing');
    assert.equal(spanCategory({ operation: null, cacheHit: null, name: 'route check' }), 'routing');
    assert.equal(spanCategory({ operation: null, cacheHit: null, name: 'route /users/:id' }), 'other');
  });
});
