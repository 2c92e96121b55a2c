// What the model sees of each support-desk tool result (Hotpath's `modelView`, applied with the `toolResultViews`
// switch on): the records keep every fact a support answer can cite (ids, names, statuses, dates, amounts, items with
// their state, carrier, scans, the ticket thread, the policy and its clauses), and lose what only machines read:
// payment-processor internals, per-line tax and weight, vendor ids, external ids, a second copy of an address, scan
// codes. Everything is a projection of the raw record: no value is rewritten, none is invented.

type Fields = Record<string, unknown>;

const record = (value: unknown): Fields => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** `{ a, b }` of `source`, in that order, only the keys it has. */
function pick(source: Fields, keys: readonly string[]): Fields {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]));
}

/** An address as the one line a support answer quotes. */
function addressLine(value: unknown): string | undefined {
  const address = record(value);
  const parts = [address.name, address.line1, address.line2, address.city, address.postalCode, address.countryCode];
  const text = parts.filter((part) => typeof part === 'string' && part !== '').join(', ');
  return text === '' ? undefined : text;
}

const CUSTOMER_FIELDS = [
  'id', 'name', 'tier', 'email', 'memberSince', 'phone', 'accountState', 'locale', 'timezone', 'currency', 'ordersCount',
  'totalSpent', 'loyaltyPoints', 'tags', 'contactPreferences', 'internalNote',
] as const;

/** A customer profile: every field but the external system ids and timestamps, addresses as one line each. */
export function customerView(value: unknown): Fields {
  const customer = record(value);
  return {
    ...pick(customer, CUSTOMER_FIELDS),
    defaultAddress: addressLine(customer.defaultAddress),
    addresses: list(customer.addresses).map((address) => `${String(record(address).label)}: ${addressLine(address)}`),
  };
}

const ORDER_FIELDS = [
  'id', 'customerId', 'orderNumber', 'placedAt', 'status', 'deliveredAt', 'total', 'shippingFee', 'shipmentId', 'currency',
  'subtotal', 'totalTax', 'taxesIncluded', 'totalDiscounts', 'financialStatus', 'fulfillmentStatus',
] as const;

/** An order: amounts, state, items (with their opened/damaged state), shipping and payment as a support agent reads them. */
export function orderView(value: unknown): Fields {
  const order = record(value);
  const payment = record(order.payment);
  const method = record(order.shippingMethod);
  const shipping = addressLine(order.shippingAddress);
  const billing = addressLine(order.billingAddress);
  return {
    ...pick(order, ORDER_FIELDS),
    items: list(order.items).map((item) => pick(record(item), ['sku', 'name', 'variant', 'quantity', 'unitPrice', 'opened', 'damaged'])),
    shippingMethod: pick(method, ['title', 'carrier', 'price']),
    payment: pick(payment, ['method', 'cardBrand', 'cardLast4', 'status', 'amount', 'capturedAt']),
    shippingAddress: shipping,
    billingAddress: billing === shipping ? 'same as shipping' : billing,
    refunds: order.refunds,
    tags: order.tags,
  };
}

/** A shipment: carrier, status, dates, tracking, and every scan as one line (time, what, where). */
export function shipmentView(value: unknown): Fields {
  const shipment = record(value);
  const { events, packageCount: _count, weightKg: _weight, ...fields } = shipment;
  return {
    ...fields,
    events: list(events).map((event) => {
      const scan = record(event);
      return `${String(scan.at)} ${String(scan.description)} (${String(scan.facility)}, ${String(scan.location)})`;
    }),
  };
}

/** A ticket: its fields and the whole thread, each message as author (role), time, visibility and text. */
export function ticketView(value: unknown): Fields {
  const ticket = record(value);
  const { messages, assignee, ...fields } = ticket;
  const agent = record(assignee);
  return {
    ...fields,
    assignee: [agent.name, agent.group].filter(Boolean).join(', '),
    messages: list(messages).map((entry) => {
      const message = record(entry);
      const author = record(message.author);
      const visibility = message.public === false ? 'internal note' : String(message.channel);
      return { from: `${String(author.name)} (${String(author.role)})`, at: message.at, via: visibility, body: message.body };
    }),
  };
}

/** The views by tool name; tools not named here (lists, search, policy, recommendations, escalation) show their result compacted. */
export const SUPPORT_DESK_VIEWS: Readonly<Record<string, (result: unknown) => unknown>> = {
  get_customer: customerView,
  get_order: orderView,
  get_shipment: shipmentView,
  get_ticket: ticketView,
};
