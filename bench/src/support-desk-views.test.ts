import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSupportDeskTools } from './sdk.ts';
import { customerView, orderView, shipmentView, SUPPORT_DESK_VIEWS, ticketView } from './support-desk-views.ts';

const tools = createSupportDeskTools({ latencyScale: 0 });
const run = (name: string, args: Record<string, unknown>) => tools.find((t) => t.name === name)!.execute(args, {});

describe('support-desk result views', () => {
  it('keep every fact of an order an answer cites, and drop payment internals and per-line tax', async () => {
    const raw = (await run('get_order', { orderId: 'O-5002' })) as Record<string, any>;
    const view = orderView(raw) as Record<string, any>;
    for (const key of ['id', 'status', 'placedAt', 'total', 'shippingFee', 'shipmentId', 'customerId', 'deliveredAt']) assert.deepEqual(view[key], raw[key], key);
    assert.deepEqual(view.items[0], { sku: 'KTL-POUR', name: 'Pour-over kettle', variant: '1.0 l / Matte black', quantity: 1, unitPrice: 89, opened: false, damaged: false });
    assert.equal(view.shippingMethod.carrier, 'Parcelway');
    assert.equal(view.payment.transactionId, undefined);
    assert.equal(view.billingAddress, 'same as shipping');
    assert.match(view.shippingAddress, /12 St James Square, Flat 3, London, SW1Y 4JH, GB/);
  });

  it('keep every scan of a shipment as one line and the carrier, status and dates', async () => {
    const raw = (await run('get_shipment', { shipmentId: 'S-9005' })) as Record<string, any>;
    const view = shipmentView(raw) as Record<string, any>;
    for (const key of ['carrier', 'status', 'estimatedDelivery', 'lastScan', 'trackingNumber']) assert.equal(view[key], raw[key], key);
    assert.equal(view.events.length, raw.events.length);
    assert.match(view.events[0], /Held at customs.*Rotterdam/);
  });

  it('keep a customer\'s contact facts and each address, and a ticket\'s whole thread', async () => {
    const customer = customerView(await run('get_customer', { customerId: 'C-1001' })) as Record<string, any>;
    assert.equal(customer.email, 'ada@lovelace.example');
    assert.equal(customer.tier, 'gold');
    assert.equal(customer.addresses.length, 2);
    assert.equal(customer.externalIds, undefined);
    const rawTicket = (await run('get_ticket', { ticketId: 'T-301' })) as Record<string, any>;
    const ticket = ticketView(rawTicket) as Record<string, any>;
    assert.equal(ticket.relatedOrderId, 'O-5001');
    assert.deepEqual(ticket.messages.map((m: { body: string }) => m.body), rawTicket.messages.map((m: { body: string }) => m.body));
    assert.equal(ticket.messages.at(-1).via, 'internal note');
  });

  it('cope with records of another shape without throwing', () => {
    for (const view of Object.values(SUPPORT_DESK_VIEWS)) assert.doesNotThrow(() => view({}));
    assert.deepEqual(orderView('text').items, []);
  });
});
