import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidRequestError, parseChatRequest } from './chat-request.ts';

describe('chat request', () => {
  it('reads content parts, developer messages, tool calls and tool results', () => {
    const request = parseChatRequest({
      model: 'sim-large',
      messages: [
        { role: 'developer', content: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', content: [{ type: 'text', text: 'Where is ' }, { type: 'text', text: 'O-5002?' }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_order', arguments: '{"orderId":"O-5002"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '{"id":"O-5002"}' },
      ],
    });
    assert.equal(request.messages[1]?.content, 'Where is O-5002?');
    assert.deepEqual(request.messages[2]?.toolCalls, [{ id: 'call_1', name: 'get_order', arguments: '{"orderId":"O-5002"}' }]);
    assert.equal(request.messages[3]?.toolCallId, 'call_1');
  });

  it("defaults to OpenAI's behaviour: no stream, parallel tool calls, tool choice auto only with tools", () => {
    const plain = parseChatRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    assert.equal(plain.stream, false);
    assert.equal(plain.parallelToolCalls, true);
    assert.equal(plain.toolChoice, 'none');
    assert.equal(plain.maxOutputTokens, undefined);
    const withTools = parseChatRequest({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      tools: [{ type: 'function', function: { name: 'get_order' } }],
      stream: true,
      stream_options: { include_usage: true },
      parallel_tool_calls: false,
      max_completion_tokens: 20,
    });
    assert.equal(withTools.toolChoice, 'auto');
    assert.deepEqual(withTools.tools, [{ name: 'get_order', description: '', parameters: {} }]);
    assert.equal(withTools.includeUsage, true);
    assert.equal(withTools.parallelToolCalls, false);
    assert.equal(withTools.maxOutputTokens, 20);
  });

  it('refuses tool results without their call, and calls without their results, as OpenAI does', () => {
    const call = (id: string) => ({ id, type: 'function', function: { name: 'get_order', arguments: '{}' } });
    const user = { role: 'user', content: 'x' };
    const orphan = () => parseChatRequest({ model: 'm', messages: [user, { role: 'tool', tool_call_id: 'call_9', content: '{}' }] });
    assert.throws(orphan, /must be a response to a preceding message with 'tool_calls'/);
    const unanswered = () =>
      parseChatRequest({
        model: 'm',
        messages: [user, { role: 'assistant', content: null, tool_calls: [call('call_1'), call('call_2')] }, { role: 'tool', tool_call_id: 'call_1', content: '{}' }, user],
      });
    assert.throws(unanswered, /did not have response messages: call_2/);
    const trailing = () => parseChatRequest({ model: 'm', messages: [user, { role: 'assistant', content: null, tool_calls: [call('call_1')] }] });
    assert.throws(trailing, /call_1/);
    const answeredTwice = () =>
      parseChatRequest({
        model: 'm',
        messages: [user, { role: 'assistant', content: null, tool_calls: [call('call_1')] }, { role: 'tool', tool_call_id: 'call_1', content: '{}' }, { role: 'tool', tool_call_id: 'call_1', content: '{}' }],
      });
    assert.throws(answeredTwice, InvalidRequestError);
  });

  it('throws a typed error naming the bad parameter', () => {
    const bad: [unknown, string][] = [
      [null, 'body'],
      [{ model: 'm', messages: [] }, 'messages'],
      [{ model: 'm', messages: [{ role: 'user', content: 5 }] }, 'messages[0].content'],
      [{ model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url' }] }] }, 'messages[0].content'],
      [{ model: 'm', messages: [{ role: 'assistant', content: null }] }, 'messages[0]'],
      [{ model: 'm', messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'x', function: { name: 'a' } }] }] }, 'messages[0].tool_calls[0]'],
      [{ model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function', function: { name: 'has space' } }] }, 'tools[0].function.name'],
      [{ model: 'm', messages: [{ role: 'user', content: 'x' }], tool_choice: 'sometimes' }, 'tool_choice'],
      [{ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: 'yes' }, 'stream'],
      [{ model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: 1.5 }, 'max_tokens'],
    ];
    for (const [body, param] of bad) {
      assert.throws(() => parseChatRequest(body), (error: unknown) => {
        assert.ok(error instanceof InvalidRequestError, String(error));
        assert.equal(error.status, 400);
        if (param !== 'body') assert.equal(error.param, param, JSON.stringify(body));
        return true;
      });
    }
  });
});
