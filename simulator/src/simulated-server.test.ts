import assert from 'node:assert/strict';
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { postChat, toolSpecs } from './chat-loop.test-support.ts';
import { SIM_LARGE } from './model-profile.ts';
import { type SimulatedServer, startSimulatedServer } from './simulated-server.ts';
import { createSupportDeskTools } from './support-desk/tools.ts';

const tools = toolSpecs(createSupportDeskTools({ latencyScale: 0 }));

interface Chunk {
  object: string;
  model: string;
  system_fingerprint: string;
  choices: { index: number; delta: Record<string, any>; finish_reason: string | null }[];
  usage?: Record<string, any> | null;
}

/** Reads an SSE response event by event. */
async function readEvents(response: Response): Promise<string[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((event) => event.trim() !== '')
    .map((event) => {
      assert.match(event, /^data: /);
      return event.slice('data: '.length);
    });
}

const chunksOf = (events: string[]): Chunk[] => events.filter((event) => event !== '[DONE]').map((event) => JSON.parse(event) as Chunk);

describe('simulated model server', () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0.001 });
  });
  after(() => server.close());

  it('lists its models', async () => {
    const response = await fetch(`${server.baseURL}/models`);
    assert.equal(response.headers.get('x-hotpath-simulated'), 'true');
    const body = (await response.json()) as { object: string; data: { id: string; object: string }[] };
    assert.equal(body.object, 'list');
    assert.deepEqual(body.data.map((model) => model.id), ['sim-large', 'sim-small']);
    const one = await fetch(`${server.baseURL}/models/sim-small`);
    assert.equal(((await one.json()) as { id: string }).id, 'sim-small');
    const missing = await fetch(`${server.baseURL}/models/gpt-9`);
    assert.equal(missing.status, 404);
  });

  it('streams several tool calls with their arguments in pieces, then usage and [DONE]', async () => {
    const response = await postChat(server.baseURL, {
      model: 'sim-large',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Give me an overview of customer C-1001: tier, orders and open tickets.' }],
      tools,
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(response.headers.get('x-hotpath-simulated'), 'true');
    const events = await readEvents(response);
    assert.equal(events.at(-1), '[DONE]');
    const chunks = chunksOf(events);
    for (const chunk of chunks) {
      assert.equal(chunk.object, 'chat.completion.chunk');
      assert.equal(chunk.model, 'sim-large');
      assert.equal(chunk.system_fingerprint, 'hotpath-simulated');
    }
    assert.equal(chunks[0]?.choices[0]?.delta.role, 'assistant');
    const usageChunk = chunks.at(-1) as Chunk;
    assert.deepEqual(usageChunk.choices, []);
    assert.ok(usageChunk.usage && usageChunk.usage.prompt_tokens > 0 && usageChunk.usage.completion_tokens > 0);
    assert.equal(typeof usageChunk.usage.prompt_tokens_details.cached_tokens, 'number');
    assert.equal(chunks.at(-2)?.choices[0]?.finish_reason, 'tool_calls');
    for (const chunk of chunks.slice(0, -1)) assert.equal(chunk.usage, null, 'include_usage puts usage: null on every other chunk');

    const calls: { id: string; name: string; arguments: string; pieces: number }[] = [];
    for (const chunk of chunks) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        if (delta.id) {
          assert.equal(delta.type, 'function');
          calls[delta.index] = { id: delta.id, name: delta.function.name, arguments: '', pieces: 0 };
        } else {
          const call = calls[delta.index];
          assert.ok(call, 'arguments arrive after the call header');
          call.arguments += delta.function.arguments;
          call.pieces++;
        }
      }
    }
    assert.deepEqual(calls.map((call) => call.name), ['get_customer', 'list_orders', 'list_tickets']);
    for (const call of calls) {
      assert.deepEqual(JSON.parse(call.arguments), { customerId: 'C-1001' });
      assert.ok(call.pieces > 3, 'arguments stream in several pieces');
      assert.match(call.id, /^call_/);
    }
  });

  it('streams a text answer token by token', async () => {
    const response = await postChat(server.baseURL, {
      model: 'sim-small',
      stream: true,
      messages: [{ role: 'user', content: 'Hello there' }],
    });
    const chunks = chunksOf(await readEvents(response));
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    assert.match(text, /customer profiles, orders/);
    assert.ok(chunks.length > 10);
    assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, 'stop');
    assert.ok(chunks.every((chunk) => chunk.usage === undefined), 'no usage without include_usage');
  });

  it('answers without streaming, with usage and one tool call when parallel tool calls are off', async () => {
    const messages = [{ role: 'user', content: 'Give me an overview of customer C-1002.' }];
    const parallel = await postChat(server.baseURL, { model: 'sim-large', messages, tools });
    const parallelBody = (await parallel.json()) as any;
    assert.equal(parallelBody.object, 'chat.completion');
    assert.equal(parallelBody.system_fingerprint, 'hotpath-simulated');
    assert.equal(parallelBody.choices[0].finish_reason, 'tool_calls');
    assert.equal(parallelBody.choices[0].message.tool_calls.length, 3);
    assert.equal(parallelBody.usage.total_tokens, parallelBody.usage.prompt_tokens + parallelBody.usage.completion_tokens);

    const single = await postChat(server.baseURL, { model: 'sim-large', messages, tools, parallel_tool_calls: false });
    const singleBody = (await single.json()) as any;
    assert.equal(singleBody.choices[0].message.tool_calls.length, 1);
    assert.equal(singleBody.choices[0].message.tool_calls[0].function.name, 'get_customer');
  });

  it("answers in text when tool_choice is 'none', and calls the named tool when one is forced", async () => {
    const messages = [{ role: 'user', content: 'Where is order O-5002?' }];
    const none = (await (await postChat(server.baseURL, { model: 'sim-large', messages, tools, tool_choice: 'none' })).json()) as any;
    assert.equal(none.choices[0].finish_reason, 'stop');
    assert.match(none.choices[0].message.content, /could not retrieve order O-5002/);
    const forced = (await (
      await postChat(server.baseURL, { model: 'sim-large', messages, tools, tool_choice: { type: 'function', function: { name: 'get_refund_policy' } } })
    ).json()) as any;
    assert.equal(forced.choices[0].message.tool_calls[0].function.name, 'get_refund_policy');
  });

  it('cuts the output at max_tokens with finish_reason length', async () => {
    for (const limit of [{ max_tokens: 5 }, { max_completion_tokens: 5 }]) {
      const body = (await (
        await postChat(server.baseURL, { model: 'sim-large', messages: [{ role: 'user', content: 'Hello' }], ...limit })
      ).json()) as any;
      assert.equal(body.choices[0].finish_reason, 'length');
      assert.equal(body.usage.completion_tokens, 5);
      assert.ok(body.choices[0].message.content.length < 40);
    }
  });

  it('rejects bad requests with OpenAI-shaped errors', async () => {
    const cases: [string | Record<string, unknown>, number, RegExp][] = [
      ['{not json', 400, /could not parse the JSON body/],
      [{ messages: [{ role: 'user', content: 'x' }] }, 400, /'model'/],
      [{ model: 'sim-large' }, 400, /'messages'/],
      [{ model: 'sim-large', messages: [{ role: 'wizard', content: 'x' }] }, 400, /role/],
      [{ model: 'sim-large', messages: [{ role: 'tool', content: 'x' }] }, 400, /tool_call_id/],
      [{ model: 'sim-large', messages: [{ role: 'user', content: 'x' }], max_tokens: 0 }, 400, /max_tokens/],
      [{ model: 'sim-large', messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function' }] }, 400, /tools\[0\]/],
      [{ model: 'sim-large', messages: [{ role: 'user', content: 'x' }], tools, tool_choice: { type: 'function', function: { name: 'nope' } } }, 400, /nope/],
      [{ model: 'gpt-9', messages: [{ role: 'user', content: 'x' }] }, 404, /gpt-9/],
    ];
    for (const [body, status, message] of cases) {
      const response = await fetch(`${server.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      assert.equal(response.status, status, JSON.stringify(body));
      const error = ((await response.json()) as { error: { message: string; type: string; param: unknown; code: unknown } }).error;
      assert.match(error.message, message);
      assert.equal(error.type, 'invalid_request_error');
      assert.ok('param' in error && 'code' in error);
    }
    const wrongMethod = await fetch(`${server.baseURL}/chat/completions`);
    assert.equal(wrongMethod.status, 405);
    const unknownUrl = await fetch(`${server.url}/v2/anything`);
    assert.equal(unknownUrl.status, 404);
  });

  it('reports prefix-cache hits in usage, and computes a shorter time to first token for them', async () => {
    const handbook = Array.from({ length: 120 }, (_, index) => `Rule ${index}: be precise, kind and brief with customers.`).join('\n');
    const ask = async (system: string, offered = tools) =>
      (await (
        await postChat(server.baseURL, { model: 'sim-small', messages: [{ role: 'system', content: system }, { role: 'user', content: 'Where is order O-5002?' }], tools: offered })
      ).json()) as any;
    server.clearPromptCache(); // earlier tests sent the same tool definitions
    const first = await ask(handbook);
    const second = await ask(handbook);
    assert.ok(first.usage.prompt_tokens > 1024);
    assert.equal(first.usage.prompt_tokens_details.cached_tokens, 0);
    const cached = second.usage.prompt_tokens_details.cached_tokens;
    assert.ok(cached >= 1024 && cached % 128 === 0 && cached <= second.usage.prompt_tokens, `cached ${cached}`);
    const [firstRecord, secondRecord] = server.stats().recent.slice(-2);
    const editedSystem = await ask(`Changed first line.\n${handbook}`);
    assert.ok(editedSystem.usage.prompt_tokens_details.cached_tokens < cached, 'only the tool definitions before the edit still hit');
    const reorderedTools = await ask(handbook, [...tools].reverse());
    assert.equal(reorderedTools.usage.prompt_tokens_details.cached_tokens, 0, 'a change at the very start invalidates everything');
    assert.ok(firstRecord && secondRecord);
    assert.equal(secondRecord.cachedInputTokens, cached);
    assert.ok(secondRecord.latency.prefillMs < firstRecord.latency.prefillMs);
    assert.ok(secondRecord.latency.timeToFirstTokenMs - secondRecord.latency.connectionSetupMs < firstRecord.latency.timeToFirstTokenMs - firstRecord.latency.connectionSetupMs);
  });

  it('summarises a conversation faithfully when a system message asks for it and no tools are offered', async () => {
    const orderCall = { id: 'call_a', type: 'function', function: { name: 'get_order', arguments: '{"orderId":"O-5005"}' } };
    const body = (await (
      await postChat(server.baseURL, {
        model: 'sim-small',
        messages: [
          { role: 'system', content: 'Summarize the conversation so far in a compact form. Keep every fact.' },
          { role: 'user', content: 'Where is order O-5005?' },
          { role: 'assistant', content: null, tool_calls: [orderCall] },
          { role: 'tool', tool_call_id: 'call_a', content: JSON.stringify({ id: 'O-5005', customerId: 'C-1002', status: 'shipped', total: 63.99, shipmentId: 'S-9005' }) },
          { role: 'assistant', content: 'Shipment S-9005: carrier NordPost, status held at customs, estimated delivery 2026-11-27' },
        ],
      })
    ).json()) as any;
    const summary: string = body.choices[0].message.content;
    for (const fact of ['Where is order O-5005?', 'Order O-5005', 'customer id C-1002', 'total $63.99', 'shipment id S-9005', 'NordPost', 'held at customs', '2026-11-27']) {
      assert.ok(summary.includes(fact), `summary keeps ${fact}:\n${summary}`);
    }
  });

  it('counts requests and tokens per model', async () => {
    const before = server.stats().byModel['sim-large'] ?? { requests: 0, inputTokens: 0, outputTokens: 0 };
    const body = (await (await postChat(server.baseURL, { model: 'sim-large', messages: [{ role: 'user', content: 'Hi' }] })).json()) as any;
    const after = server.stats().byModel['sim-large'];
    assert.ok(after);
    assert.equal(after.requests, before.requests + 1);
    assert.equal(after.inputTokens, before.inputTokens + body.usage.prompt_tokens);
    assert.equal(after.outputTokens, before.outputTokens + body.usage.completion_tokens);
  });
});

describe('simulated connection set-up', () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0.001 });
  });
  after(() => server.close());

  const post = (agent: HttpAgent | false) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ model: 'sim-small', messages: [{ role: 'user', content: 'Hi' }] });
      const request = httpRequest(`${server.baseURL}/chat/completions`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
      request.on('error', reject);
      request.end(body);
    });

  it('charges the set-up once per socket: a keep-alive client pays it once, fresh connections every time', async () => {
    const keepAlive = new HttpAgent({ keepAlive: true, maxSockets: 1 });
    const opened = server.stats().connectionsOpened;
    for (let index = 0; index < 3; index++) await post(keepAlive);
    keepAlive.destroy();
    for (let index = 0; index < 2; index++) await post(false);
    const records = server.stats().recent.slice(-5);
    assert.deepEqual(records.map((record) => record.newConnection), [true, false, false, true, true]);
    assert.deepEqual(records.map((record) => record.latency.connectionSetupMs > 0), [true, false, false, true, true]);
    assert.equal(records[0]?.latency.connectionSetupMs, 100 * 0.001);
    assert.equal(server.stats().connectionsOpened - opened, 3);
  });
});

describe('simulated faults', () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0.001 });
  });
  after(() => server.close());
  const toolRequest = (stream: boolean) => ({
    model: 'sim-large',
    stream,
    messages: [{ role: 'user', content: 'Give me an overview of customer C-1003.' }],
    tools,
  });

  it('answers 429 with retry-after for as many requests as the header says, then succeeds', async () => {
    const headers = { 'x-hotpath-fault': 'http-429:2' };
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await postChat(server.baseURL, toolRequest(false), headers);
      statuses.push(response.status);
      if (response.status === 429) {
        assert.ok(Number(response.headers.get('retry-after')) >= 1);
        assert.ok(response.headers.get('retry-after-ms'));
        assert.equal(((await response.json()) as any).error.code, 'rate_limit_exceeded');
      } else await response.body?.cancel();
    }
    assert.deepEqual(statuses, [429, 429, 200]);
  });

  it('answers 500 with a server_error body', async () => {
    const response = await postChat(server.baseURL, toolRequest(false), { 'x-hotpath-fault': 'http-500' });
    assert.equal(response.status, 500);
    assert.equal(((await response.json()) as any).error.type, 'server_error');
  });

  it('cuts a stream halfway with no finish chunk and no [DONE]', async () => {
    const response = await postChat(server.baseURL, toolRequest(true), { 'x-hotpath-fault': 'cut-stream' });
    assert.equal(response.status, 200);
    await assert.rejects(response.text());
  });

  it('cuts a non-streaming body halfway', async () => {
    const response = await postChat(server.baseURL, toolRequest(false), { 'x-hotpath-fault': 'cut-stream' });
    await assert.rejects(async () => JSON.parse(await response.text()));
  });

  it('sends malformed tool-call JSON, or a tool the request did not offer', async () => {
    const malformed = (await (await postChat(server.baseURL, toolRequest(false), { 'x-hotpath-fault': 'malformed-tool-json' })).json()) as any;
    assert.throws(() => JSON.parse(malformed.choices[0].message.tool_calls[0].function.arguments));
    const unknown = (await (await postChat(server.baseURL, toolRequest(false), { 'x-hotpath-fault': 'unknown-tool' })).json()) as any;
    const names = unknown.choices[0].message.tool_calls.map((call: any) => call.function.name);
    assert.ok(!tools.some((tool) => tool.function.name === names[0]));
  });

  it('rejects an unknown fault name', async () => {
    const response = await postChat(server.baseURL, toolRequest(false), { 'x-hotpath-fault': 'meteor-strike' });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as any).error.message, /meteor-strike/);
  });

  it('injects faults from the server option', async () => {
    const faulty = await startSimulatedServer({ latencyScale: 0, fault: ({ requestNumber }) => (requestNumber === 1 ? 'http-500' : undefined) });
    try {
      assert.equal((await postChat(faulty.baseURL, toolRequest(false))).status, 500);
      assert.equal((await postChat(faulty.baseURL, toolRequest(false))).status, 200);
    } finally {
      await faulty.close();
    }
  });
});

describe('simulated request abort', () => {
  it('stops the timers of a request whose client went away', async () => {
    // 5 tokens per second: the tool calls alone take seconds to stream.
    const server = await startSimulatedServer({ latencyScale: 1, connectionSetupMs: 0, profiles: [{ ...SIM_LARGE, requestLatencyMs: 0, outputTokensPerSecond: 5 }] });
    try {
      const response = await postChat(server.baseURL, {
        model: 'sim-large',
        stream: true,
        messages: [{ role: 'user', content: 'Give me an overview of customer C-1001.' }],
        tools,
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      await reader.cancel(); // the client goes away after the first chunk
      for (let attempt = 0; attempt < 100 && server.stats().inFlight > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
      const stats = server.stats();
      assert.equal(stats.inFlight, 0);
      assert.equal(stats.aborted, 1);
      const record = stats.recent.at(-1);
      assert.equal(record?.outcome, 'aborted');
      assert.ok(record && record.elapsedMs < record.latency.totalMs / 2, `stopped after ${record?.elapsedMs} of ${record?.latency.totalMs} ms`);
    } finally {
      await server.close();
    }
  });
});

describe('simulated server lifecycle', () => {
  it('rejects impossible options', async () => {
    await assert.rejects(startSimulatedServer({ latencyScale: -1 }), RangeError);
    await assert.rejects(startSimulatedServer({ latencyScale: Number.NaN }), RangeError);
    await assert.rejects(startSimulatedServer({ profiles: [] }), RangeError);
    await assert.rejects(startSimulatedServer({ connectionSetupMs: -5 }), RangeError);
    await assert.rejects(startSimulatedServer({ profiles: [{ ...SIM_LARGE, outputTokensPerSecond: -1 }] }), /outputTokensPerSecond/);
  });

  it('reports the figures it runs with, defaults filled in', async () => {
    const server = await startSimulatedServer({ latencyScale: 0.5, promptCache: { minimumTokens: 256 } });
    try {
      assert.equal(server.settings.latencyScale, 0.5);
      assert.equal(server.settings.connectionSetupMs, 100);
      assert.deepEqual(server.settings.profiles.map((profile) => profile.id), ['sim-large', 'sim-small']);
      assert.deepEqual(server.settings.promptCache, { minimumTokens: 256, blockTokens: 128, maxBlocks: 50_000, ttlMs: 600_000 });
    } finally {
      await server.close();
    }
  });

  it('keeps only the latest request records', async () => {
    const server = await startSimulatedServer({ latencyScale: 0, recentRequestLimit: 2 });
    try {
      for (let index = 0; index < 3; index++) {
        await (await postChat(server.baseURL, { model: 'sim-small', messages: [{ role: 'user', content: 'Hi' }] })).json();
      }
      assert.deepEqual(server.stats().recent.map((record) => record.requestNumber), [2, 3]);
    } finally {
      await server.close();
    }
  });

  it('aborts requests in flight when it closes', async () => {
    const server = await startSimulatedServer({ latencyScale: 1, profiles: [{ ...SIM_LARGE, requestLatencyMs: 60_000 }] });
    const pending = postChat(server.baseURL, { model: 'sim-large', messages: [{ role: 'user', content: 'Hi' }] });
    for (let attempt = 0; attempt < 200 && server.stats().inFlight === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    await assert.rejects(pending);
    assert.equal(server.stats().inFlight, 0);
    assert.equal(server.stats().recent.at(-1)?.outcome, 'aborted');
  });
});
