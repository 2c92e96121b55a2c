import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ToolMessage } from '../messages.ts';
import { isMaskedToolOutput, maskingPays, maskToolOutput } from './mask-tool-output.ts';

const order = {
  orderId: 'A-1042',
  total: 42.5,
  currency: 'EUR',
  shipped: true,
  placedAt: '2026-03-02',
  shipment: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' },
  notes: 'Customer asked for the parcel to be left with the neighbour at number 12 if nobody is home. '.repeat(10),
  lines: [{ sku: 'KB-01', quantity: 2 }],
};
const result: ToolMessage = { role: 'tool', toolCallId: 'call_7', toolName: 'get_order', content: JSON.stringify(order) };
const call = { id: 'call_7', name: 'get_order', arguments: '{"orderId":"A-1042"}' };

describe('tool output masking', () => {
  it('keeps the tool call id and name so the result stays paired with its call', () => {
    const masked = maskToolOutput(result, call);
    assert.equal(masked.toolCallId, 'call_7');
    assert.equal(masked.toolName, 'get_order');
    assert.equal(masked.role, 'tool');
    assert.ok(isMaskedToolOutput(masked));
    assert.ok(!isMaskedToolOutput(result));
  });

  it('says what was there: tool, arguments, size, short fields, and how to get the rest', () => {
    const { content } = maskToolOutput(result, call);
    assert.match(content, /get_order\(\{"orderId":"A-1042"\}\)/);
    assert.match(content, new RegExp(`${result.content.length.toLocaleString('en-US')} characters`));
    const json = /Its short fields: (\{.*\})\. Call/.exec(content)?.[1];
    assert.deepEqual(JSON.parse(json!), {
      orderId: 'A-1042',
      total: 42.5,
      currency: 'EUR',
      shipped: true,
      placedAt: '2026-03-02',
      shipment: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' },
      lines: [{ sku: 'KB-01', quantity: 2 }],
    });
    assert.ok(!content.includes('neighbour'), 'long free text is what masking drops');
    assert.match(content, /Call get_order again/);
  });

  it('is deterministic, so a masked history is a stable prompt-cache prefix', () => {
    assert.equal(maskToolOutput(result, call).content, maskToolOutput({ ...result }, { ...call }).content);
  });

  it('keeps at most 24 short fields and says when there were more', () => {
    const many: ToolMessage = { ...result, content: JSON.stringify(Array.from({ length: 40 }, (_, index) => ({ id: `T-${index}`, body: 'x'.repeat(80) }))) };
    const { content } = maskToolOutput(many, call);
    assert.match(content, /Its first 24 short fields: /);
    assert.ok(content.includes('"T-23"') && !content.includes('"T-24"'));
  });

  it('previews text outputs that are not JSON', () => {
    const text: ToolMessage = { ...result, content: `Shipment S-77 left the depot.\n${'log line\n'.repeat(200)}` };
    assert.match(maskToolOutput(text, call).content, /It began: "Shipment S-77 left the depot\. log line/);
  });

  it('labels masked errors as errors', () => {
    const failed: ToolMessage = { ...result, isError: true, content: `timeout after 5000 ms ${'x'.repeat(500)}` };
    const masked = maskToolOutput(failed, call);
    assert.equal(masked.isError, true);
    assert.match(masked.content, /returned error of/);
  });

  it('pays only when the placeholder is at most half the original', () => {
    assert.ok(maskingPays(result, maskToolOutput(result, call)));
    const small: ToolMessage = { ...result, content: '{"status":"shipped"}' };
    assert.ok(!maskingPays(small, maskToolOutput(small, call)));
  });
});
