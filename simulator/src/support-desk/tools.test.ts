import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { countTokens } from '../token-count.ts';
import { createSupportDeskTools, SupportDeskNotFoundError, type SupportDeskTool } from './tools.ts';

const tools = createSupportDeskTools({ latencyScale: 0 });
const byName = (name: string): SupportDeskTool => {
  const found = tools.find((tool) => tool.name === name);
  assert.ok(found, name);
  return found;
};

describe('support-desk tools', () => {
  it('are plain objects with a zod schema that exports to JSON Schema', () => {
    assert.ok(tools.length >= 9);
    for (const tool of tools) {
      assert.match(tool.name, /^[a-z_]+$/);
      assert.ok(tool.description.length > 20);
      assert.equal(z.toJSONSchema(tool.parameters).type, 'object');
      assert.ok(tool.latencyMs > 0);
    }
    assert.ok(tools.some((tool) => tool.latencyMs >= 3000), 'one very slow tool');
    const escalate = byName('escalate_ticket');
    assert.equal(escalate.readOnly, false);
    assert.equal(escalate.idempotent, false);
  });

  it('return copies of records, so a caller cannot change the data behind them', async () => {
    const first = (await byName('get_customer').execute({ customerId: 'C-1001' }, {})) as { tier: string };
    first.tier = 'tampered';
    const second = (await byName('get_customer').execute({ customerId: 'C-1001' }, {})) as { tier: string };
    assert.equal(second.tier, 'gold');
  });

  it('chain from order to shipment through the shipment id', async () => {
    const order = (await byName('get_order').execute({ orderId: 'O-5002' }, {})) as { shipmentId: string };
    const shipment = (await byName('get_shipment').execute({ shipmentId: order.shipmentId }, {})) as { carrier: string };
    assert.equal(shipment.carrier, 'Parcelway');
  });

  it('throw a typed not-found error for unknown ids and a zod error for bad arguments', async () => {
    await assert.rejects(byName('get_order').execute({ orderId: 'O-5999' }, {}), (error: unknown) => {
      assert.ok(error instanceof SupportDeskNotFoundError);
      assert.match(error.message, /O-5999 not found/);
      return true;
    });
    await assert.rejects(byName('get_order').execute({ orderId: 42 } as never, {}), z.ZodError);
  });

  it('find customers by part of their name or their exact email', async () => {
    const find = byName('find_customer');
    const byPart = (await find.execute({ query: 'lovelace' }, {})) as { customers: { id: string }[] };
    assert.deepEqual(byPart.customers.map((customer) => customer.id), ['C-1001']);
    const byEmail = (await find.execute({ query: 'GRACE@hopper.example' }, {})) as { customers: { id: string }[] };
    assert.deepEqual(byEmail.customers.map((customer) => customer.id), ['C-1002']);
    assert.deepEqual(((await find.execute({ query: 'Marie Curie' }, {})) as { customers: unknown[] }).customers, []);
  });

  it('search the knowledge base by shared words, returning nothing for unknown topics', async () => {
    const search = byName('search_knowledge_base');
    const found = (await search.execute({ query: 'changing a delivery address' }, {})) as { articles: { id: string }[] };
    assert.equal(found.articles[0]?.id, 'KB-101');
    const none = (await search.execute({ query: 'international warranty claims' }, {})) as { articles: unknown[] };
    assert.deepEqual(none.articles, []);
  });

  it('take their latency on real timers, scaled, and stop when the signal aborts', async () => {
    const slow = createSupportDeskTools({ latencyScale: 1 }).find((tool) => tool.name === 'get_product_recommendations');
    assert.ok(slow);
    const controller = new AbortController();
    const started = performance.now();
    const pending = slow.execute({ customerId: 'C-1001' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('run cancelled')), 20);
    await assert.rejects(pending, /run cancelled/);
    assert.ok(performance.now() - started < slow.latencyMs / 2, 'the 4 s timer did not run out');
    await assert.rejects(slow.execute({ customerId: 'C-1001' }, { signal: AbortSignal.abort(new Error('already')) }), /already/);
  });

  it('return records sized like the SaaS APIs they stand for (about 200–900 tokens)', async () => {
    const expected: [string, Record<string, unknown>, number, number][] = [
      ['get_customer', { customerId: 'C-1001' }, 300, 700],
      ['find_customer', { query: 'Ada Lovelace' }, 200, 700],
      ['list_orders', { customerId: 'C-1001' }, 300, 900],
      ['get_order', { orderId: 'O-5009' }, 350, 900],
      ['get_shipment', { shipmentId: 'S-9002' }, 300, 800],
      ['list_tickets', { customerId: 'C-1001' }, 200, 800],
      ['get_ticket', { ticketId: 'T-301' }, 300, 900],
      ['get_refund_policy', {}, 450, 900],
      ['search_knowledge_base', { query: 'changing a delivery address' }, 250, 900],
      ['search_knowledge_base', { query: 'damaged items' }, 400, 900],
      ['get_product_recommendations', { customerId: 'C-1001' }, 120, 500],
    ];
    for (const [name, args, min, max] of expected) {
      const tokens = countTokens(JSON.stringify(await byName(name).execute(args as never, {})));
      assert.ok(tokens >= min && tokens <= max, `${name} ${JSON.stringify(args)}: ${tokens} tokens, expected ${min}–${max}`);
    }
  });

  it('return the same bytes for the same call, from any tool set (deterministic data)', async () => {
    const other = createSupportDeskTools({ latencyScale: 0 });
    for (const [name, args] of [['get_shipment', { shipmentId: 'S-9005' }], ['list_orders', { customerId: 'C-1001' }], ['search_knowledge_base', { query: 'return window' }]] as const) {
      const first = JSON.stringify(await byName(name).execute(args as never, {}));
      const second = JSON.stringify(await other.find((tool) => tool.name === name)!.execute(args as never, {}));
      assert.equal(first, second, name);
    }
  });

  it('take SaaS latencies: 200–900 ms medians, one very slow optional service', () => {
    for (const tool of tools.filter((candidate) => candidate.name !== 'get_product_recommendations')) {
      assert.ok(tool.latencyMs >= 200 && tool.latencyMs <= 900, `${tool.name}: ${tool.latencyMs} ms`);
    }
    assert.equal(byName('get_product_recommendations').latencyMs, 4000);
  });

  it('keep the facts the tasks use first in each record, where a masked placeholder keeps them', async () => {
    const shipment = Object.keys((await byName('get_shipment').execute({ shipmentId: 'S-9011' }, {})) as object);
    assert.deepEqual(shipment.slice(0, 7), ['id', 'orderId', 'carrier', 'status', 'estimatedDelivery', 'deliveredAt', 'lastScan']);
    const order = Object.keys((await byName('get_order').execute({ orderId: 'O-5010' }, {})) as object);
    assert.deepEqual(order.slice(0, 10), ['id', 'customerId', 'orderNumber', 'placedAt', 'status', 'deliveredAt', 'total', 'shippingFee', 'shipmentId', 'relatedTicketId']);
  });

  it('keep derived figures consistent: order totals, customer spend, the latest scan', async () => {
    const order = (await byName('get_order').execute({ orderId: 'O-5009' }, {})) as { total: number; subtotal: number; shippingFee: number; payment: { amount: number } };
    assert.equal(order.total, 151);
    assert.equal(order.subtotal + order.shippingFee, order.total);
    assert.equal(order.payment.amount, order.total);
    const customer = (await byName('get_customer').execute({ customerId: 'C-1001' }, {})) as { ordersCount: number; totalSpent: number };
    assert.deepEqual([customer.ordersCount, customer.totalSpent], [3, 271.99]);
    const shipment = (await byName('get_shipment').execute({ shipmentId: 'S-9005' }, {})) as { lastScan: string; events: { facility: string; at: string }[] };
    assert.equal(shipment.lastScan, 'Rotterdam customs');
    assert.equal(shipment.events[0]?.facility, 'Rotterdam customs', 'newest scan first');
    assert.ok(shipment.events.length >= 5);
  });

  it('reject a negative latency scale', () => {
    assert.throws(() => createSupportDeskTools({ latencyScale: -1 }), RangeError);
  });
});
