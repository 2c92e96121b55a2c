import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { z as z3 } from 'zod/v3';
import { Agent } from '../agent/agent.ts';
import { Runner } from '../runner/runner.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from './tool.ts';
import { ToolDefinitionError } from './tool-errors.ts';
import { toolParameters } from './tool-parameters.ts';

const orderSchema = {
  type: 'object',
  properties: { orderId: { type: 'string', description: 'as printed on the invoice', pattern: '^O-\\d+$' }, verbose: { type: 'boolean' } },
  required: ['orderId'],
  additionalProperties: false,
} as const;

describe('tool parameters', () => {
  it('takes a JSON Schema object: shown to the model as given, arguments validated with it', () => {
    const parameters = toolParameters('get_order', orderSchema);
    assert.equal(parameters.kind, 'json-schema');
    assert.deepEqual(parameters.jsonSchema, orderSchema);
    assert.deepEqual(parameters.validate({ orderId: 'O-1' }), { ok: true, value: { orderId: 'O-1' } });
    const bad = parameters.validate({ orderId: 7, extra: 1 });
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.message : '', /must be string[\s\S]*at orderId/);
    assert.match(!bad.ok ? bad.message : '', /additional properties \(extra\)/);
  });

  it('reads a 2020-12 schema with its own dialect and leaves $schema out of what the model sees', () => {
    const parameters = toolParameters('search', {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { tags: { type: 'array', prefixItems: [{ type: 'string' }], items: false } },
    });
    assert.equal('$schema' in parameters.jsonSchema, false);
    assert.equal(parameters.validate({ tags: ['a'] }).ok, true);
    assert.equal(parameters.validate({ tags: ['a', 'b'] }).ok, false);
  });

  it('treats formats as hints to the model, not as checks', () => {
    const parameters = toolParameters('t', { type: 'object', properties: { day: { type: 'string', format: 'date' }, x: { format: 'made-up' } } });
    assert.equal(parameters.validate({ day: 'tomorrow' }).ok, true);
  });

  it('copies the schema, so changing the caller\'s object later changes nothing', () => {
    const schema = structuredClone(orderSchema) as { properties: Record<string, unknown> };
    const parameters = toolParameters('get_order', schema);
    schema.properties.orderId = { type: 'number' };
    assert.equal(parameters.validate({ orderId: 'O-1' }).ok, true);
  });

  it('takes zod 4 objects, zod/mini ones included', () => {
    const classic = toolParameters('t', z.object({ orderId: z.string() }));
    const mini = toolParameters('t', zm.object({ orderId: zm.string() }));
    for (const parameters of [classic, mini]) {
      assert.equal(parameters.kind, 'zod');
      assert.deepEqual(parameters.jsonSchema.required, ['orderId']);
      assert.equal(parameters.jsonSchema.additionalProperties, false);
      assert.equal(parameters.validate({ orderId: 'A' }).ok, true);
      assert.equal(parameters.validate({ orderId: 1 }).ok, false);
    }
  });

  it('takes zod 3 objects: JSON Schema through zod-to-json-schema, validation by the schema itself', () => {
    const parameters = toolParameters('get_order', z3.object({ orderId: z3.string().describe('the id'), count: z3.number().int().optional() }));
    assert.equal(parameters.kind, 'zod3');
    assert.deepEqual(parameters.jsonSchema, {
      type: 'object',
      properties: { orderId: { type: 'string', description: 'the id' }, count: { type: 'integer' } },
      required: ['orderId'],
      additionalProperties: false,
    });
    assert.deepEqual(parameters.validate({ orderId: 'A', ignored: true }), { ok: true, value: { orderId: 'A' } });
    const bad = parameters.validate({ orderId: 'A', count: 1.5 });
    assert.match(!bad.ok ? bad.message : '', /integer[\s\S]*at count/);
  });

  it('refuses what is not an object schema, saying what it got and what would do', () => {
    assert.throws(() => toolParameters('t', z.string()), /must be a zod object \(z\.object\(\{\.\.\.\}\)\), got a zod string/);
    assert.throws(() => toolParameters('t', z3.string()), /got a zod 3 ZodString/);
    assert.throws(() => toolParameters('t', { type: 'string' }), /must describe an object \(type "object"\), got type "string"/);
    assert.throws(() => toolParameters('t', { orderId: 'string' }), /or a JSON Schema object \(\{ type: 'object', properties/);
    assert.throws(() => toolParameters('t', { type: 'object', properties: { a: { type: 'nonsense' } } }), ToolDefinitionError);
    assert.throws(() => toolParameters('t', null), /got null/);
    assert.throws(() => toolParameters('t', { type: 'object', properties: { f: { default: () => 1 } } }), /plain data/);
  });

  it('runs a JSON-Schema tool in a run, and tells the model when its arguments do not match', async () => {
    const seen: unknown[] = [];
    const getOrder = tool({
      name: 'get_order',
      description: 'Look up an order',
      parameters: orderSchema,
      execute: (args) => {
        seen.push(args);
        return { id: args.orderId, status: 'shipped' };
      },
    });
    const model = scriptedModel([
      { toolCalls: [{ name: 'get_order', arguments: { orderId: 'nope' } }, { name: 'get_order', arguments: { orderId: 'O-7' } }] },
      { text: 'O-7 has shipped.' },
    ]);
    const agent = new Agent({ name: 'a', instructions: 'i', model: 'm', tools: [getOrder] });
    const result = await new Runner({ provider: model }).run(agent, 'Where is O-7?');
    assert.deepEqual(seen, [{ orderId: 'O-7' }]);
    const [invalid, valid] = result.steps[0]!.toolCalls;
    assert.equal(invalid!.isError, true);
    assert.match(invalid!.result, /do not match its schema:\n✖ must match pattern/);
    assert.equal(valid!.isError, false);
    assert.deepEqual(model.calls[0]!.request.tools[0]!.parameters, orderSchema);
  });
});
