import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { tool, toolSpec } from './tool.ts';
import { ToolDefinitionError } from './tool-errors.ts';

describe('tool()', () => {
  it('exports the zod parameters as JSON Schema for the model', () => {
    const getOrder = tool({
      name: 'get_order',
      description: 'Look up an order',
      parameters: z.object({ orderId: z.string().describe('the id'), verbose: z.boolean().optional() }),
      execute: () => 'ok',
    });
    assert.deepEqual(toolSpec(getOrder), {
      name: 'get_order',
      description: 'Look up an order',
      parameters: {
        type: 'object',
        properties: { orderId: { type: 'string', description: 'the id' }, verbose: { type: 'boolean' } },
        required: ['orderId'],
        additionalProperties: false,
      },
    });
  });

  it('rejects names a provider would refuse', () => {
    assert.throws(
      () => tool({ name: 'get order!', description: '', parameters: z.object({}), execute: () => 1 }),
      ToolDefinitionError,
    );
  });

  it('rejects parameters that are not a zod object', () => {
    assert.throws(
      () => tool({ name: 'x', description: '', parameters: z.string() as never, execute: () => 1 }),
      /must be a zod object/,
    );
  });

  it('needs exactly one of execute and worker', () => {
    assert.throws(() => tool({ name: 'x', description: '', parameters: z.object({}) }), /exactly one of execute or worker/);
    assert.throws(
      () => tool({ name: 'x', description: '', parameters: z.object({}), execute: () => 1, worker: 'file:///w.js' }),
      /exactly one of execute or worker/,
    );
  });

  it('rejects a modelView that is not a function', () => {
    const options = { name: 'get_order', description: 'd', parameters: z.object({}), execute: () => 1, modelView: 'id,status' };
    assert.throws(() => tool(options as never), /modelView must be a function/);
  });

  it('rejects a timeout that is not positive', () => {
    assert.throws(() => tool({ name: 'x', description: '', parameters: z.object({}), execute: () => 1, timeoutMs: 0 }), /timeoutMs/);
  });

  it('reports parameters JSON Schema cannot express as a definition error', () => {
    assert.throws(
      () => tool({ name: 'x', description: '', parameters: z.object({ when: z.date() }), execute: () => 1 }),
      ToolDefinitionError,
    );
  });
});
