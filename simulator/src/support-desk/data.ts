// The support desk's records: a small coffee-equipment shop's customers, orders, shipments, tickets, refund
// policy and knowledge base. Only the tools read this module; the simulated model sees records only as tool
// results in the conversation.
//
// Records are shaped and sized like the SaaS APIs a real support desk calls (a Shopify-style customer and order
// with addresses, line items, tax and payment; a carrier's tracking record with its scan history; a Zendesk-style
// ticket with its message thread; help-centre articles with their text; the refund policy as clauses). In every
// record the fields the tasks and the simulated model use come first, so a masked placeholder (which keeps the
// first short fields) still shows them. Everything is fixed data: the same call always returns the same bytes.

export type Tier = 'gold' | 'silver' | 'bronze';

export interface Address {
  label: 'home' | 'work';
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  countryCode: string;
  phone: string;
}

export interface ContactPreferences {
  preferredChannel: 'email' | 'phone' | 'chat';
  language: string;
  marketingEmails: boolean;
  smsNotifications: boolean;
  orderUpdates: 'email' | 'sms' | 'email+sms';
  doNotCallBefore: string;
  doNotCallAfter: string;
}

export interface Customer {
  id: string;
  name: string;
  tier: Tier;
  email: string;
  memberSince: string;
  phone: string;
  accountState: 'enabled';
  verifiedEmail: boolean;
  locale: string;
  timezone: string;
  currency: 'USD';
  ordersCount: number;
  totalSpent: number;
  loyaltyPoints: number;
  tags: string[];
  defaultAddress: Address;
  addresses: Address[];
  contactPreferences: ContactPreferences;
  internalNote: string;
  createdAt: string;
  updatedAt: string;
  externalIds: { storefront: string; helpdesk: string };
}

export interface TaxLine {
  title: string;
  rate: number;
  amount: number;
}

export interface OrderItem {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  /** The customer opened the packaging (a restocking fee may apply on return). */
  opened: boolean;
  /** Arrived damaged (reported by the customer). */
  damaged: boolean;
  variant: string;
  vendor: string;
  weightGrams: number;
  requiresShipping: boolean;
  /** Tax included in the price (prices are tax-inclusive). */
  taxLines: TaxLine[];
}

export interface Payment {
  gateway: 'stripe';
  method: 'card';
  cardBrand: string;
  cardLast4: string;
  status: 'captured';
  amount: number;
  currency: 'USD';
  transactionId: string;
  authorizedAt: string;
  capturedAt: string;
  avsResult: string;
  cvcCheck: 'pass';
}

export interface Order {
  id: string;
  customerId: string;
  orderNumber: string;
  placedAt: string;
  status: 'processing' | 'shipped' | 'delivered';
  deliveredAt: string | null;
  total: number;
  shippingFee: number;
  shipmentId: string | null;
  relatedTicketId?: string;
  note?: string;
  currency: 'USD';
  subtotal: number;
  totalTax: number;
  taxesIncluded: true;
  totalDiscounts: number;
  financialStatus: 'paid';
  fulfillmentStatus: 'unfulfilled' | 'fulfilled';
  items: OrderItem[];
  shippingMethod: { code: string; title: string; carrier: string; price: number };
  payment: Payment;
  shippingAddress: Address;
  billingAddress: Address;
  channel: 'online_store';
  tags: string[];
  refunds: unknown[];
  processedAt: string;
  updatedAt: string;
}

export interface ScanEvent {
  at: string;
  code: string;
  description: string;
  location: string;
  facility: string;
}

export interface Shipment {
  id: string;
  orderId: string;
  carrier: string;
  status: string;
  estimatedDelivery: string | null;
  deliveredAt: string | null;
  lastScan: string;
  trackingNumber: string;
  service: string;
  packageCount: number;
  weightKg: number;
  signatureRequired: boolean;
  origin: string;
  destination: string;
  trackingUrl: string;
  events: ScanEvent[];
}

export interface TicketMessage {
  at: string;
  author: { name: string; role: 'customer' | 'agent' | 'system' };
  channel: 'email' | 'web' | 'phone' | 'chat' | 'internal';
  public: boolean;
  body: string;
}

export interface Ticket {
  id: string;
  customerId: string;
  subject: string;
  status: 'open' | 'closed';
  createdAt: string;
  relatedOrderId?: string;
  note?: string;
  priority: 'low' | 'normal' | 'high';
  type: 'question' | 'incident' | 'problem' | 'task';
  channel: 'email' | 'web' | 'phone' | 'chat';
  updatedAt: string;
  assignee: { name: string; group: string };
  tags: string[];
  satisfactionRating: 'good' | 'bad' | null;
  messages: TicketMessage[];
}

export interface Article {
  id: string;
  title: string;
  summary: string;
  section: string;
  url: string;
  updatedAt: string;
  labels: string[];
  /** The article's text (the search returns it as the snippet). */
  body: string;
}

export interface PolicyClause {
  number: string;
  title: string;
  text: string;
}

/** The refund policy as the policy service returns it. Amounts are computed as of `referenceDate`. */
export interface RefundPolicy {
  policy: 'refunds';
  referenceDate: string;
  returnWindowDays: number;
  unopenedRefundPercent: number;
  openedRefundPercent: number;
  goldWaivesRestockingFee: boolean;
  damagedWindowDays: number;
  damagedRefundsShipping: boolean;
  shippingRefundedOtherwise: boolean;
  /** The published document the figures come from. */
  document: { version: string; effectiveFrom: string; url: string; clauses: PolicyClause[] };
}

export interface Recommendation {
  sku: string;
  name: string;
  reason: string;
  price: number;
  inStock: boolean;
  score: number;
  description: string;
}

// --- customers ------------------------------------------------------------------------------------------------

interface CustomerSpec {
  id: string;
  name: string;
  tier: Tier;
  email: string;
  memberSince: string;
  phone: string;
  locale: string;
  timezone: string;
  home: Omit<Address, 'label' | 'name' | 'phone'>;
  work: Omit<Address, 'label' | 'name' | 'phone'>;
  preferences: ContactPreferences;
  tags: string[];
  internalNote: string;
  loyaltyPoints: number;
}

const customerSpecs: CustomerSpec[] = [
  {
    id: 'C-1001', name: 'Ada Lovelace', tier: 'gold', email: 'ada@lovelace.example', memberSince: '2019-05-02',
    phone: '+44 20 7946 0101', locale: 'en-GB', timezone: 'Europe/London',
    home: { line1: '12 St James Square', line2: 'Flat 3', city: 'London', region: 'Greater London', postalCode: 'SW1Y 4JH', country: 'United Kingdom', countryCode: 'GB' },
    work: { line1: '1 Analytical Engine Way', line2: 'Floor 4', city: 'London', region: 'Greater London', postalCode: 'EC2A 4NE', country: 'United Kingdom', countryCode: 'GB' },
    preferences: { preferredChannel: 'email', language: 'en', marketingEmails: true, smsNotifications: false, orderUpdates: 'email', doNotCallBefore: '09:00', doNotCallAfter: '18:00' },
    tags: ['vip', 'espresso', 'newsletter'], loyaltyPoints: 2840,
    internalNote: 'Long-standing customer; prefers written follow-ups. Has asked twice about grinder burr replacements.',
  },
  {
    id: 'C-1002', name: 'Grace Hopper', tier: 'silver', email: 'grace@hopper.example', memberSince: '2020-09-17',
    phone: '+31 20 794 6102', locale: 'en-NL', timezone: 'Europe/Amsterdam',
    home: { line1: 'Keizersgracht 214', line2: null, city: 'Amsterdam', region: 'Noord-Holland', postalCode: '1016 DZ', country: 'Netherlands', countryCode: 'NL' },
    work: { line1: 'Compilerstraat 7', line2: 'Unit B', city: 'Amsterdam', region: 'Noord-Holland', postalCode: '1019 AB', country: 'Netherlands', countryCode: 'NL' },
    preferences: { preferredChannel: 'phone', language: 'en', marketingEmails: false, smsNotifications: true, orderUpdates: 'email+sms', doNotCallBefore: '08:30', doNotCallAfter: '20:00' },
    tags: ['international', 'milk-drinks'], loyaltyPoints: 910,
    internalNote: 'Ships to the Netherlands: parcels go through customs at Rotterdam. Prefers a phone call for delays.',
  },
  {
    id: 'C-1003', name: 'Alan Turing', tier: 'bronze', email: 'alan@turing.example', memberSince: '2021-03-14',
    phone: '+44 1223 946 103', locale: 'en-GB', timezone: 'Europe/London',
    home: { line1: '78 Hills Road', line2: null, city: 'Cambridge', region: 'Cambridgeshire', postalCode: 'CB2 1LA', country: 'United Kingdom', countryCode: 'GB' },
    work: { line1: 'Bletchley Park, Block H', line2: 'Hut 8', city: 'Milton Keynes', region: 'Buckinghamshire', postalCode: 'MK3 6EB', country: 'United Kingdom', countryCode: 'GB' },
    preferences: { preferredChannel: 'chat', language: 'en', marketingEmails: false, smsNotifications: false, orderUpdates: 'email', doNotCallBefore: '10:00', doNotCallAfter: '17:00' },
    tags: ['tea'], loyaltyPoints: 120,
    internalNote: 'Mostly buys tea. Asked for deliveries to be left with the porter at the Hills Road address.',
  },
  {
    id: 'C-1004', name: 'Katherine Johnson', tier: 'gold', email: 'katherine@johnson.example', memberSince: '2018-11-30',
    phone: '+44 161 496 0104', locale: 'en-GB', timezone: 'Europe/London',
    home: { line1: '5 Orbital Crescent', line2: null, city: 'Manchester', region: 'Greater Manchester', postalCode: 'M1 3HU', country: 'United Kingdom', countryCode: 'GB' },
    work: { line1: 'Langley House, 2 Trajectory Road', line2: 'Reception', city: 'Manchester', region: 'Greater Manchester', postalCode: 'M15 6BH', country: 'United Kingdom', countryCode: 'GB' },
    preferences: { preferredChannel: 'email', language: 'en', marketingEmails: true, smsNotifications: true, orderUpdates: 'email+sms', doNotCallBefore: '09:00', doNotCallAfter: '19:00' },
    tags: ['vip', 'pour-over', 'reviewer'], loyaltyPoints: 3615,
    internalNote: 'Gold since 2018; writes product reviews. Reported a broken carafe in November (see her tickets).',
  },
  {
    id: 'C-1005', name: 'Edsger Dijkstra', tier: 'silver', email: 'edsger@dijkstra.example', memberSince: '2022-01-09',
    phone: '+44 131 496 0105', locale: 'en-GB', timezone: 'Europe/London',
    home: { line1: '19 Shortest Path Lane', line2: null, city: 'Edinburgh', region: 'City of Edinburgh', postalCode: 'EH3 9DR', country: 'United Kingdom', countryCode: 'GB' },
    work: { line1: 'Informatics Forum, 10 Crichton Street', line2: 'Room 2.33', city: 'Edinburgh', region: 'City of Edinburgh', postalCode: 'EH8 9AB', country: 'United Kingdom', countryCode: 'GB' },
    preferences: { preferredChannel: 'email', language: 'en', marketingEmails: false, smsNotifications: false, orderUpdates: 'email', doNotCallBefore: '09:30', doNotCallAfter: '17:30' },
    tags: ['espresso', 'returns-history'], loyaltyPoints: 1480,
    internalNote: 'Precise about amounts; quote refund figures item by item when replying.',
  },
  {
    id: 'C-1006', name: 'Barbara Liskov', tier: 'bronze', email: 'barbara@liskov.example', memberSince: '2023-06-21',
    phone: '+44 117 496 0106', locale: 'en-GB', timezone: 'Europe/London',
    home: { line1: '42 Substitution Street', line2: 'Apartment 9', city: 'Bristol', region: 'City of Bristol', postalCode: 'BS1 5TR', country: 'United Kingdom', countryCode: 'GB' },
    work: { line1: 'Abstraction House, 3 Harbourside', line2: null, city: 'Bristol', region: 'City of Bristol', postalCode: 'BS1 5DB', country: 'United Kingdom', countryCode: 'GB' },
    preferences: { preferredChannel: 'chat', language: 'en', marketingEmails: true, smsNotifications: true, orderUpdates: 'sms', doNotCallBefore: '09:00', doNotCallAfter: '18:00' },
    tags: ['cold-brew', 'new-customer'], loyaltyPoints: 60,
    internalNote: 'Joined in 2023; first order was a cold brew bottle. Interested in the bean subscription.',
  },
];

const address = (spec: CustomerSpec, label: Address['label']): Address => ({
  label,
  name: spec.name,
  ...(label === 'home' ? spec.home : spec.work),
  phone: spec.phone,
});

// --- orders ---------------------------------------------------------------------------------------------------

const VAT_RATE = 0.2;
const round2 = (amount: number): number => Math.round(amount * 100) / 100;
const includedVat = (gross: number): number => round2(gross - gross / (1 + VAT_RATE));

interface ItemSpec {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  variant: string;
  vendor: string;
  weightGrams: number;
  opened?: boolean;
  damaged?: boolean;
}

const item = (spec: ItemSpec): OrderItem => ({
  sku: spec.sku,
  name: spec.name,
  quantity: spec.quantity,
  unitPrice: spec.unitPrice,
  opened: spec.opened ?? false,
  damaged: spec.damaged ?? false,
  variant: spec.variant,
  vendor: spec.vendor,
  weightGrams: spec.weightGrams,
  requiresShipping: true,
  taxLines: [{ title: 'VAT', rate: VAT_RATE, amount: includedVat(spec.unitPrice * spec.quantity) }],
});

interface OrderSpec {
  id: string;
  customerId: string;
  placedAt: string;
  status: Order['status'];
  deliveredAt: string | null;
  items: ItemSpec[];
  shippingFee: number;
  shipmentId: string | null;
  carrier: string;
  card: [brand: string, last4: string];
  relatedTicketId?: string;
  note?: string;
  tags?: string[];
}

const orderSpecs: OrderSpec[] = [
  { id: 'O-5001', customerId: 'C-1001', placedAt: '2026-10-02', status: 'delivered', deliveredAt: '2026-10-06', shippingFee: 4.99, shipmentId: 'S-9001', carrier: 'Parcelway', card: ['visa', '4242'],
    items: [{ sku: 'MUG-ESP', name: 'Espresso mug', quantity: 2, unitPrice: 14.5, variant: '90 ml / Slate', vendor: 'Kilnworks', weightGrams: 240, opened: true }] },
  { id: 'O-5002', customerId: 'C-1001', placedAt: '2026-11-15', status: 'shipped', deliveredAt: null, shippingFee: 0, shipmentId: 'S-9002', carrier: 'Parcelway', card: ['visa', '4242'],
    items: [{ sku: 'KTL-POUR', name: 'Pour-over kettle', quantity: 1, unitPrice: 89, variant: '1.0 l / Matte black', vendor: 'Gooseneck & Co', weightGrams: 1150 }] },
  { id: 'O-5003', customerId: 'C-1001', placedAt: '2026-11-19', status: 'processing', deliveredAt: null, shippingFee: 0, shipmentId: null, carrier: 'Parcelway', card: ['amex', '0005'],
    items: [{ sku: 'GRN-CON', name: 'Conical coffee grinder', quantity: 1, unitPrice: 149, variant: '40 mm steel burrs / Silver', vendor: 'Burrhaus', weightGrams: 2900 }] },
  { id: 'O-5004', customerId: 'C-1002', placedAt: '2026-09-28', status: 'delivered', deliveredAt: '2026-10-03', shippingFee: 4.99, shipmentId: 'S-9004', carrier: 'NordPost', card: ['mastercard', '5454'],
    items: [{ sku: 'PRS-FR', name: 'French press', quantity: 1, unitPrice: 39, variant: '8 cup / Glass', vendor: 'Presswell', weightGrams: 820 }] },
  { id: 'O-5005', customerId: 'C-1002', placedAt: '2026-11-17', status: 'shipped', deliveredAt: null, shippingFee: 4.99, shipmentId: 'S-9005', carrier: 'NordPost', card: ['mastercard', '5454'],
    items: [{ sku: 'FRO-MLK', name: 'Milk frother', quantity: 1, unitPrice: 59, variant: 'Electric / White', vendor: 'Foamly', weightGrams: 640 }] },
  { id: 'O-5006', customerId: 'C-1003', placedAt: '2026-11-12', status: 'shipped', deliveredAt: null, shippingFee: 4.99, shipmentId: 'S-9006', carrier: 'Parcelway', card: ['visa', '1881'],
    items: [{ sku: 'TEA-SMP', name: 'Tea sampler', quantity: 1, unitPrice: 24, variant: '12 loose-leaf teas', vendor: 'Leaf & Kettle', weightGrams: 380 }] },
  { id: 'O-5007', customerId: 'C-1004', placedAt: '2026-10-25', status: 'delivered', deliveredAt: '2026-10-29', shippingFee: 5, shipmentId: 'S-9007', carrier: 'Parcelway', card: ['visa', '6969'],
    items: [
      { sku: 'DRP-CER', name: 'Ceramic dripper', quantity: 1, unitPrice: 32, variant: 'Size 02 / White', vendor: 'Kilnworks', weightGrams: 410, opened: true },
      { sku: 'FLT-PAP', name: 'Paper filters', quantity: 2, unitPrice: 6.5, variant: 'Size 02 / 100 pack', vendor: 'Kilnworks', weightGrams: 150 },
    ] },
  { id: 'O-5008', customerId: 'C-1004', placedAt: '2026-11-08', status: 'delivered', deliveredAt: '2026-11-12', shippingFee: 5, shipmentId: 'S-9008', carrier: 'Parcelway', card: ['visa', '6969'],
    items: [{ sku: 'CRF-GLS', name: 'Glass carafe', quantity: 1, unitPrice: 45, variant: '600 ml / Borosilicate', vendor: 'Clearbrew', weightGrams: 520, damaged: true }] },
  { id: 'O-5009', customerId: 'C-1005', placedAt: '2026-10-28', status: 'delivered', deliveredAt: '2026-11-01', shippingFee: 6, shipmentId: 'S-9009', carrier: 'NordPost', card: ['mastercard', '1959'],
    items: [
      { sku: 'GRN-BUR', name: 'Burr grinder', quantity: 1, unitPrice: 120, variant: 'Flat burrs / Black', vendor: 'Burrhaus', weightGrams: 3400, opened: true },
      { sku: 'SCL-KIT', name: 'Kitchen scale', quantity: 1, unitPrice: 25, variant: '0.1 g / Timer', vendor: 'Gramworks', weightGrams: 450 },
    ] },
  { id: 'O-5010', customerId: 'C-1005', placedAt: '2026-11-05', status: 'delivered', deliveredAt: '2026-11-09', shippingFee: 4.99, shipmentId: 'S-9010', carrier: 'Parcelway', card: ['mastercard', '1959'],
    relatedTicketId: 'T-305', note: 'Refund status: see ticket T-305.', tags: ['refund-requested'],
    items: [{ sku: 'MUG-TRV', name: 'Travel mug', quantity: 1, unitPrice: 22, variant: '350 ml / Forest green', vendor: 'Kilnworks', weightGrams: 310 }] },
  { id: 'O-5011', customerId: 'C-1006', placedAt: '2026-11-14', status: 'shipped', deliveredAt: null, shippingFee: 4.99, shipmentId: 'S-9011', carrier: 'Parcelway', card: ['visa', '2023'],
    items: [{ sku: 'BTL-CBR', name: 'Cold brew bottle', quantity: 1, unitPrice: 18, variant: '1 l / Amber glass', vendor: 'Coldcraft', weightGrams: 700 }] },
];

const customerSpec = (id: string): CustomerSpec => customerSpecs.find((spec) => spec.id === id) as CustomerSpec;
const digits = (id: string): string => id.replace(/\D/g, '');

function buildOrder(spec: OrderSpec): Order {
  const items = spec.items.map(item);
  const subtotal = round2(items.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0));
  const total = round2(subtotal + spec.shippingFee);
  const shipTo = address(customerSpec(spec.customerId), 'home');
  const express = spec.shippingFee === 0;
  return {
    id: spec.id,
    customerId: spec.customerId,
    orderNumber: `#${digits(spec.id)}`,
    placedAt: spec.placedAt,
    status: spec.status,
    deliveredAt: spec.deliveredAt,
    total,
    shippingFee: spec.shippingFee,
    shipmentId: spec.shipmentId,
    ...(spec.relatedTicketId === undefined ? {} : { relatedTicketId: spec.relatedTicketId }),
    ...(spec.note === undefined ? {} : { note: spec.note }),
    currency: 'USD',
    subtotal,
    totalTax: includedVat(total),
    taxesIncluded: true,
    totalDiscounts: 0,
    financialStatus: 'paid',
    fulfillmentStatus: spec.status === 'processing' ? 'unfulfilled' : 'fulfilled',
    items,
    shippingMethod: {
      code: express ? 'free-tracked-48' : 'standard-tracked',
      title: express ? 'Free tracked delivery (gold or over $50)' : 'Standard tracked delivery',
      carrier: spec.carrier,
      price: spec.shippingFee,
    },
    payment: {
      gateway: 'stripe',
      method: 'card',
      cardBrand: spec.card[0],
      cardLast4: spec.card[1],
      status: 'captured',
      amount: total,
      currency: 'USD',
      transactionId: `ch_3Q${digits(spec.id)}Lk9vRxT2b${digits(spec.customerId)}aZ`,
      authorizedAt: `${spec.placedAt}T10:14:07Z`,
      capturedAt: `${spec.placedAt}T10:14:09Z`,
      avsResult: 'Y: street and postal code match',
      cvcCheck: 'pass',
    },
    shippingAddress: shipTo,
    billingAddress: shipTo,
    channel: 'online_store',
    tags: spec.tags ?? [],
    refunds: [],
    processedAt: `${spec.placedAt}T10:14:09Z`,
    updatedAt: `${spec.deliveredAt ?? spec.placedAt}T16:02:44Z`,
  };
}

export const orders: readonly Order[] = orderSpecs.map(buildOrder);

// --- customers, with figures derived from their orders ----------------------------------------------------------

export const customers: readonly Customer[] = customerSpecs.map((spec) => {
  const own = orders.filter((order) => order.customerId === spec.id);
  return {
    id: spec.id,
    name: spec.name,
    tier: spec.tier,
    email: spec.email,
    memberSince: spec.memberSince,
    phone: spec.phone,
    accountState: 'enabled',
    verifiedEmail: true,
    locale: spec.locale,
    timezone: spec.timezone,
    currency: 'USD',
    ordersCount: own.length,
    totalSpent: round2(own.reduce((sum, order) => sum + order.total, 0)),
    loyaltyPoints: spec.loyaltyPoints,
    tags: spec.tags,
    defaultAddress: address(spec, 'home'),
    addresses: [address(spec, 'home'), address(spec, 'work')],
    contactPreferences: spec.preferences,
    internalNote: spec.internalNote,
    createdAt: `${spec.memberSince}T08:31:00Z`,
    updatedAt: `${own.map((order) => order.placedAt).sort().at(-1) ?? spec.memberSince}T10:14:09Z`,
    externalIds: { storefront: `gid://shop/Customer/7${digits(spec.id)}40218`, helpdesk: `zd-user-39${digits(spec.id)}` },
  };
});

// --- shipments --------------------------------------------------------------------------------------------------

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const scan = (date: string, time: string, code: string, description: string, location: string, facility: string): ScanEvent => ({
  at: `${date}T${time}:00Z`,
  code,
  description,
  location,
  facility,
});

const HUBS: Record<string, { origin: string; hub: string; hubFacility: string }> = {
  Parcelway: { origin: 'Northampton, GB', hub: 'Coventry, GB', hubFacility: 'Parcelway Midlands sortation centre' },
  NordPost: { origin: 'Northampton, GB', hub: 'Harwich, GB', hubFacility: 'NordPost export gateway' },
};

/** The scans every parcel gets from label to the trunk hub. */
function firstScans(carrier: string, shippedOn: string): ScanEvent[] {
  const route = HUBS[carrier] as (typeof HUBS)[string];
  return [
    scan(shippedOn, '09:12', 'LC', 'Shipping label created, carrier awaiting item', route.origin, 'Shop warehouse, dock 2'),
    scan(shippedOn, '17:40', 'PU', 'Picked up by carrier', route.origin, `${carrier} collection point`),
    scan(addDays(shippedOn, 1), '02:05', 'AF', 'Arrived at sortation facility', route.hub, route.hubFacility),
    scan(addDays(shippedOn, 1), '05:48', 'DF', 'Departed sortation facility', route.hub, route.hubFacility),
  ];
}

interface ShipmentSpec {
  id: string;
  orderId: string;
  status: string;
  estimatedDelivery: string | null;
  deliveredAt: string | null;
  /** Scans after the trunk hub, the last one being the latest. */
  later: (shippedOn: string) => ScanEvent[];
}

function deliveredRoute(depot: string, city: string): (shippedOn: string) => ScanEvent[] {
  return (shippedOn) => [
    scan(addDays(shippedOn, 2), '06:20', 'AR', 'Arrived at delivery depot', city, depot),
    scan(addDays(shippedOn, 3), '07:55', 'OD', 'Out for delivery', city, depot),
    scan(addDays(shippedOn, 3), '13:31', 'DL', 'Delivered to recipient', city, 'Front door, signed by recipient'),
  ];
}

const shipmentSpecs: ShipmentSpec[] = [
  { id: 'S-9001', orderId: 'O-5001', status: 'delivered', estimatedDelivery: null, deliveredAt: '2026-10-06', later: deliveredRoute('Parcelway London South depot', 'London, GB') },
  {
    id: 'S-9002', orderId: 'O-5002', status: 'in transit', estimatedDelivery: '2026-11-23', deliveredAt: null,
    later: (shippedOn) => [
      scan(addDays(shippedOn, 2), '11:42', 'AF', 'Arrived at regional hub after a missed trunk connection', 'Leeds, GB', 'Parcelway Leeds depot'),
      scan(addDays(shippedOn, 3), '08:03', 'IT', 'In transit: held at Leeds depot, rerouting to the London trunk', 'Leeds, GB', 'Leeds depot'),
    ],
  },
  { id: 'S-9004', orderId: 'O-5004', status: 'delivered', estimatedDelivery: null, deliveredAt: '2026-10-03', later: deliveredRoute('NordPost Amsterdam West depot', 'Amsterdam, NL') },
  {
    id: 'S-9005', orderId: 'O-5005', status: 'held at customs', estimatedDelivery: '2026-11-27', deliveredAt: null,
    later: (shippedOn) => [
      scan(addDays(shippedOn, 1), '14:10', 'EX', 'Export cleared, loaded on ferry to Hook of Holland', 'Harwich, GB', 'NordPost export gateway'),
      scan(addDays(shippedOn, 1), '22:50', 'CH', 'Held at customs: import declaration under review, duties may be due', 'Rotterdam, NL', 'Rotterdam customs'),
    ],
  },
  {
    id: 'S-9006', orderId: 'O-5006', status: 'out for delivery', estimatedDelivery: '2026-11-20', deliveredAt: null,
    later: () => [
      scan('2026-11-19', '21:15', 'AR', 'Arrived at delivery depot', 'Cambridge, GB', 'Parcelway Cambridge hub'),
      scan('2026-11-20', '07:42', 'OD', 'Out for delivery: with driver, expected today 11:00–15:00', 'Cambridge, GB', 'Cambridge hub'),
    ],
  },
  { id: 'S-9007', orderId: 'O-5007', status: 'delivered', estimatedDelivery: null, deliveredAt: '2026-10-29', later: deliveredRoute('Parcelway Manchester depot', 'Manchester, GB') },
  { id: 'S-9008', orderId: 'O-5008', status: 'delivered', estimatedDelivery: null, deliveredAt: '2026-11-12', later: deliveredRoute('Parcelway Manchester depot', 'Manchester, GB') },
  { id: 'S-9009', orderId: 'O-5009', status: 'delivered', estimatedDelivery: null, deliveredAt: '2026-11-01', later: deliveredRoute('NordPost Edinburgh depot', 'Edinburgh, GB') },
  { id: 'S-9010', orderId: 'O-5010', status: 'delivered', estimatedDelivery: null, deliveredAt: '2026-11-09', later: deliveredRoute('Parcelway Edinburgh depot', 'Edinburgh, GB') },
  {
    id: 'S-9011', orderId: 'O-5011', status: 'in transit', estimatedDelivery: '2026-11-22', deliveredAt: null,
    later: (shippedOn) => [
      scan(addDays(shippedOn, 3), '04:26', 'AF', 'Arrived at regional facility', 'Bristol, GB', 'Parcelway Bristol depot'),
      scan(addDays(shippedOn, 5), '06:58', 'IT', 'In transit: awaiting a delivery slot at the Bristol depot', 'Bristol, GB', 'Bristol depot'),
    ],
  },
];

function buildShipment(spec: ShipmentSpec): Shipment {
  const order = orders.find((candidate) => candidate.id === spec.orderId) as Order;
  const carrier = order.shippingMethod.carrier;
  // Delivered parcels shipped three days before delivery; the others on the day of the order.
  const shippedOn = spec.deliveredAt ? addDays(spec.deliveredAt, -3) : order.placedAt;
  const events = [...firstScans(carrier, shippedOn), ...spec.later(shippedOn)];
  const trackingNumber = `${carrier === 'Parcelway' ? 'PW' : 'NP'}${digits(spec.id)}${digits(spec.orderId)}GB`;
  const last = events.at(-1) as ScanEvent;
  return {
    id: spec.id,
    orderId: spec.orderId,
    carrier,
    status: spec.status,
    estimatedDelivery: spec.estimatedDelivery,
    deliveredAt: spec.deliveredAt,
    lastScan: spec.status === 'delivered' ? 'Delivered to recipient' : last.facility,
    trackingNumber,
    service: order.shippingMethod.title,
    packageCount: 1,
    weightKg: round2(order.items.reduce((sum, line) => sum + line.weightGrams * line.quantity, 0) / 1000 + 0.35),
    signatureRequired: order.total >= 50,
    origin: HUBS[carrier]?.origin ?? 'Northampton, GB',
    destination: `${order.shippingAddress.city}, ${order.shippingAddress.countryCode}`,
    trackingUrl: `https://track.${carrier.toLowerCase()}.example/${trackingNumber}`,
    // Newest first, as carrier tracking APIs list them.
    events: events.reverse(),
  };
}

export const shipments: readonly Shipment[] = shipmentSpecs.map(buildShipment);

// --- tickets ----------------------------------------------------------------------------------------------------

const customerSays = (name: string, at: string, channel: TicketMessage['channel'], body: string): TicketMessage => ({
  at,
  author: { name, role: 'customer' },
  channel,
  public: true,
  body,
});
const agentSays = (name: string, at: string, body: string, isPublic = true): TicketMessage => ({
  at,
  author: { name, role: 'agent' },
  channel: isPublic ? 'email' : 'internal',
  public: isPublic,
  body,
});

export const tickets: readonly Ticket[] = [
  {
    id: 'T-301', customerId: 'C-1001', subject: 'Chipped espresso mug', status: 'open', createdAt: '2026-10-08', relatedOrderId: 'O-5001',
    priority: 'normal', type: 'problem', channel: 'email', updatedAt: '2026-10-10T11:20:00Z',
    assignee: { name: 'Priya Natarajan', group: 'Returns' }, tags: ['damaged', 'mug', 'photo-received'], satisfactionRating: null,
    messages: [
      customerSays('Ada Lovelace', '2026-10-08T08:47:00Z', 'email',
        'Hello, one of the two slate espresso mugs from my last order arrived with a chip on the rim. The box looked fine from the outside, so it may have happened at packing. I would rather not drink from it. Could you send a replacement, or refund that one mug? I still have the box and the packing slip.'),
      agentSays('Priya Natarajan', '2026-10-08T14:05:00Z',
        'Hi Ada, I am sorry the mug arrived chipped. Could you send us a photo of the chip and of the outer box? Once we have it I can arrange a replacement or a refund for the mug, whichever you prefer. There is no need to send the mug back.'),
      customerSays('Ada Lovelace', '2026-10-09T19:12:00Z', 'email',
        'Photos attached: the chip is on the rim, about 3 mm wide. A replacement would be lovely if you still have the slate colour in stock; otherwise a refund is fine.'),
      agentSays('Priya Natarajan', '2026-10-10T11:20:00Z',
        'Photos received, thank you. Slate is back in stock on the 24th; I have put a note on the ticket to ship a replacement then. Waiting on stock before closing this.', false),
    ],
  },
  {
    id: 'T-302', customerId: 'C-1001', subject: 'Invoice copy request', status: 'closed', createdAt: '2026-08-14',
    priority: 'low', type: 'question', channel: 'web', updatedAt: '2026-08-15T09:02:00Z',
    assignee: { name: 'Tomás Ferreira', group: 'Billing' }, tags: ['invoice', 'billing'], satisfactionRating: 'good',
    messages: [
      customerSays('Ada Lovelace', '2026-08-14T10:30:00Z', 'web',
        'Could you send me a VAT invoice for my summer order? My accountant needs a copy that shows the VAT amount separately, addressed to my work address rather than my home address.'),
      agentSays('Tomás Ferreira', '2026-08-14T15:44:00Z',
        'Hi Ada, here is the VAT invoice addressed to 1 Analytical Engine Way, showing the VAT included in each line. You can also download invoices yourself from the Orders page of your account.'),
      customerSays('Ada Lovelace', '2026-08-15T08:58:00Z', 'web', 'Perfect, that is exactly what I needed. Thank you!'),
    ],
  },
  {
    id: 'T-303', customerId: 'C-1002', subject: 'Customs delay', status: 'open', createdAt: '2026-11-19', relatedOrderId: 'O-5005',
    priority: 'high', type: 'incident', channel: 'phone', updatedAt: '2026-11-19T16:40:00Z',
    assignee: { name: 'Lena Vogel', group: 'Shipping' }, tags: ['customs', 'international', 'nordpost'], satisfactionRating: null,
    messages: [
      customerSays('Grace Hopper', '2026-11-19T09:15:00Z', 'phone',
        'Call summary: the customer says the tracking page for her milk frother has shown "held at customs" in Rotterdam since yesterday. She wants to know whether she has to pay duties and when the parcel will arrive. She prefers to be called back rather than emailed.'),
      agentSays('Lena Vogel', '2026-11-19T11:02:00Z',
        'Hi Grace, thanks for calling. Parcels held at customs usually clear within 3 to 7 days. If duties are due, NordPost will contact you directly with a payment link; you do not need to do anything until then. I will keep an eye on the tracking and call you back on Monday.'),
      agentSays('Lena Vogel', '2026-11-19T16:40:00Z',
        'Checked with NordPost: the import declaration is under review, no duties assessed yet. New estimate from the carrier is 27 November. Call back scheduled for Monday morning.', false),
    ],
  },
  {
    id: 'T-304', customerId: 'C-1004', subject: 'Glass carafe arrived broken', status: 'open', createdAt: '2026-11-13', relatedOrderId: 'O-5008',
    priority: 'high', type: 'problem', channel: 'email', updatedAt: '2026-11-18T10:05:00Z',
    assignee: { name: 'Priya Natarajan', group: 'Returns' }, tags: ['damaged', 'carafe', 'replacement-requested'], satisfactionRating: null,
    messages: [
      customerSays('Katherine Johnson', '2026-11-13T07:58:00Z', 'email',
        'The glass carafe I received yesterday was in pieces when I opened the box. The outer box had a crushed corner. I would like a replacement carafe, please; I use it every morning with the dripper I bought last month.'),
      agentSays('Priya Natarajan', '2026-11-13T12:30:00Z',
        'Hi Katherine, I am so sorry. Please do not handle the broken glass; a photo of the box and the carafe is all we need. Damaged items are refunded in full with their shipping fee, or replaced if we have stock. You do not need to return anything.'),
      customerSays('Katherine Johnson', '2026-11-13T18:20:00Z', 'email',
        'Photos attached. A replacement is what I want, if possible, rather than a refund.'),
      agentSays('Priya Natarajan', '2026-11-18T10:05:00Z',
        'Warehouse says the 600 ml borosilicate carafe is out of stock until January. Considering an escalation to the returns team so they can offer an alternative model or a refund.', false),
    ],
  },
  {
    id: 'T-305', customerId: 'C-1005', subject: 'Refund not received', status: 'open', createdAt: '2026-11-16', relatedOrderId: 'O-5010',
    note: 'Refund amount: see order O-5010.',
    priority: 'normal', type: 'question', channel: 'email', updatedAt: '2026-11-17T09:45:00Z',
    assignee: { name: 'Tomás Ferreira', group: 'Billing' }, tags: ['refund', 'billing', 'follow-up'], satisfactionRating: null,
    messages: [
      customerSays('Edsger Dijkstra', '2026-11-16T20:11:00Z', 'email',
        'I returned the travel mug from my order earlier this month and the tracking shows you received it, but I have not seen a refund on my card yet. Could you tell me the exact amount you are refunding and when it was issued?'),
      agentSays('Tomás Ferreira', '2026-11-17T09:45:00Z',
        'Hi Edsger, the return has been received. The refund amount is on the order record; I am checking with the payments team when it was sent to your card and will confirm the figure.'),
    ],
  },
];

// --- refund policy ------------------------------------------------------------------------------------------------

export const refundPolicy: RefundPolicy = {
  policy: 'refunds',
  referenceDate: '2026-11-20',
  returnWindowDays: 30,
  unopenedRefundPercent: 100,
  openedRefundPercent: 50,
  goldWaivesRestockingFee: true,
  damagedWindowDays: 90,
  damagedRefundsShipping: true,
  shippingRefundedOtherwise: false,
  document: {
    version: '2026.3',
    effectiveFrom: '2026-07-01',
    url: 'https://help.coffeegear.example/policies/refunds',
    clauses: [
      { number: '1', title: 'Scope', text: 'This policy applies to every order placed on our online store and shipped by us. Gift cards, bean subscriptions already roasted, and items bought from marketplace partners follow their own terms, which are shown at checkout.' },
      { number: '2', title: 'Return window', text: 'Items can be returned within 30 days of the delivery date shown by the carrier. The window is counted in calendar days and ends at midnight UK time on the thirtieth day. Requests made after the window are declined, except for damaged items under clause 5.' },
      { number: '3', title: 'Unopened items', text: 'Items returned unopened, in their original sealed packaging, are refunded at 100% of the price paid for them, including tax. We refund to the original payment method.' },
      { number: '4', title: 'Opened items and restocking fee', text: 'Opened items are refunded at 50% of the price paid: a restocking fee of 50% covers inspection, cleaning and repackaging. Gold members pay no restocking fee: their opened items are refunded in full within the return window.' },
      { number: '5', title: 'Damaged or faulty items', text: 'Items that arrive damaged or develop a fault are refunded in full, together with the shipping fee of the order, if reported within 90 days of delivery with a photo. The customer keeps the item; we do not need it back. A replacement can be sent instead when we have stock.' },
      { number: '6', title: 'Shipping fees', text: 'Apart from damaged items (clause 5), shipping fees are not refunded, and the cost of sending a return back to us is paid by the customer unless we sent the wrong item.' },
      { number: '7', title: 'How refunds are paid', text: 'Refunds are issued within 5 working days of the returned item reaching our warehouse, or of our approving a damaged-item claim. Card refunds take a further 3 to 10 working days to appear, depending on the bank.' },
      { number: '8', title: 'Exceptions', text: 'Support agents may approve exceptions of up to $25 per order without escalation; anything larger goes to the returns team. Every exception is recorded on the customer\'s ticket.' },
    ],
  },
};

// --- knowledge base -------------------------------------------------------------------------------------------------

export const articles: readonly Article[] = [
  {
    id: 'KB-101', title: 'Changing a delivery address',
    summary: 'The address can be changed until the order ships; once shipped, ask the customer to contact the carrier to redirect the parcel.',
    section: 'Orders and delivery', url: 'https://help.coffeegear.example/articles/kb-101-changing-a-delivery-address', updatedAt: '2026-09-12', labels: ['address', 'delivery', 'carrier'],
    body:
      'Customers often ask to change where an order goes after they have placed it. What you can do depends on whether the order has shipped. ' +
      'While the order is still processing, open it in the admin, choose Edit shipping address, and save the new address; the warehouse picks it up automatically as long as no label has been printed. ' +
      'Check the order status first: if a shipment id is already on the order, the label exists and the address can no longer be changed by us. ' +
      'Once the order has shipped, the parcel belongs to the carrier. Ask the customer to contact the carrier directly to redirect the parcel, using the tracking number from the shipping confirmation email. ' +
      'Parcelway and NordPost both offer redirection to another address or to a pick-up point for a small fee, usually within the same country only. ' +
      'Do not cancel and re-create a shipped order to change its address: the original parcel would still be delivered and the customer charged twice. ' +
      'If the carrier cannot redirect the parcel, it will attempt delivery at the original address and then return it to us; we refund the order when it arrives back, minus the original shipping fee. ' +
      'Always confirm the new address back to the customer in writing, and note the change on the ticket so the next agent can see it.',
  },
  {
    id: 'KB-102', title: 'Returns and the return window',
    summary: 'Returns are accepted within 30 days of delivery; opened items carry a 50% restocking fee unless the customer is a gold member.',
    section: 'Returns and refunds', url: 'https://help.coffeegear.example/articles/kb-102-returns-and-the-return-window', updatedAt: '2026-07-01', labels: ['returns', 'refunds', 'restocking-fee'],
    body:
      'The return window is 30 days from the delivery date the carrier recorded, not from the order date. Look the delivery date up on the shipment before answering; the order page shows it too once the parcel is delivered. ' +
      'Unopened items in their sealed packaging are refunded in full. Opened items can still be returned within the window, but a 50% restocking fee applies to cover inspection and cleaning, so the customer receives half of what they paid for that item. ' +
      'Gold members do not pay the restocking fee: their opened items are refunded in full within the window. Check the customer\'s tier on their profile; silver and bronze members pay the fee. ' +
      'Shipping fees are not refunded on ordinary returns, and the customer pays for sending the item back. Damaged items are different: see the article on damaged or broken items. ' +
      'To start a return, create a return label from the order page and send it to the customer. The refund is issued within 5 working days of the item reaching our warehouse. ' +
      'When a customer asks how much they will get back, compute it item by item: price times quantity, at 100% or 50% depending on whether the item was opened and on the customer\'s tier, and say which rule applied to each item.',
  },
  {
    id: 'KB-103', title: 'Damaged or broken items',
    summary: 'Ask for a photo; the item and its shipping fee are refunded within 90 days of delivery and the customer keeps the item.',
    section: 'Returns and refunds', url: 'https://help.coffeegear.example/articles/kb-103-damaged-or-broken-items', updatedAt: '2026-08-20', labels: ['damaged', 'broken', 'refunds', 'photo'],
    body:
      'When an item arrives damaged or broken, apologise first and ask the customer for a photo of the item and of the outer box. We do not need the item back, and for broken glass we ask customers not to handle it more than necessary. ' +
      'Damaged items reported within 90 days of delivery are refunded in full, and we also refund the shipping fee of the order. This is longer than the ordinary 30-day return window on purpose: some faults only show after a few weeks of use. ' +
      'The customer keeps the item. If they would prefer a replacement, check stock first; if the item is out of stock, offer a similar model or the refund, and escalate the ticket to the returns team when the customer wants neither. ' +
      'Record the damage on the ticket with the photos, tag it damaged, and link it to the order so billing can see why the refund was issued. ' +
      'If the outer box was crushed or torn, also open a claim with the carrier from the shipment page: carriers compensate us for parcels damaged in transit, but that claim never delays the customer\'s refund. ' +
      'Refunds for damaged items are issued within 5 working days of approving the claim, to the original payment method.',
  },
  {
    id: 'KB-104', title: 'Gold membership benefits',
    summary: 'Free shipping on orders over $50 and no restocking fee on returns.',
    section: 'Membership', url: 'https://help.coffeegear.example/articles/kb-104-gold-membership-benefits', updatedAt: '2026-06-15', labels: ['membership', 'gold', 'shipping'],
    body:
      'Membership tiers are bronze, silver and gold. A customer reaches gold after spending $500 in twelve months, and keeps the tier for the following year. ' +
      'Gold members get free tracked shipping on orders over $50, early access to limited roasts, and double loyalty points on their birthday month. ' +
      'The benefit agents are asked about most is returns: gold members pay no restocking fee when they return opened items within the return window, so their opened items are refunded in full. ' +
      'Silver members get free shipping on orders over $75 and a birthday voucher; bronze members collect loyalty points at the standard rate. ' +
      'Tiers are shown on the customer\'s profile. If a customer believes their tier is wrong, check their spend over the last twelve months on the profile before escalating to the loyalty team. ' +
      'Never promise a tier upgrade on the phone: upgrades are computed automatically each night.',
  },
  {
    id: 'KB-105', title: 'Customs delays on international parcels',
    summary: 'Parcels held at customs usually clear within 3 to 7 days; the carrier contacts the customer if duties are due.',
    section: 'Orders and delivery', url: 'https://help.coffeegear.example/articles/kb-105-customs-delays', updatedAt: '2026-10-30', labels: ['customs', 'international', 'duties', 'delay'],
    body:
      'Parcels sent outside the United Kingdom pass through customs in the destination country. Most clear within a day, but a parcel can be held for review, and the tracking then shows held at customs. ' +
      'Parcels held at customs usually clear within 3 to 7 days. There is nothing the customer or we can do to speed this up, and calling customs directly does not help. ' +
      'If import duties or VAT are due, the carrier contacts the customer with a payment link or asks for payment on delivery. We do not pay duties on the customer\'s behalf, and we cannot say in advance how much they will be. ' +
      'Tell the customer the carrier\'s new estimated delivery date from the shipment record, and offer to check again after the estimate has passed. ' +
      'If a parcel is still held after 10 days, escalate the ticket to the shipping team, who will contact the carrier\'s customs broker. ' +
      'Parcels refused by the customer because of duties are returned to us; we refund the items once they arrive, but not the shipping fee or any duties already paid.',
  },
];

/** What the recommendation service suggests per customer tier. */
export const recommendationsByTier: Readonly<Record<Tier, readonly Recommendation[]>> = {
  gold: [
    { sku: 'SUB-BEAN', name: 'Monthly bean subscription', reason: 'frequent buyer', price: 24, inStock: true, score: 0.91, description: 'Two 250 g bags of single-origin beans every month, roasted to order; pause or skip any month.' },
    { sku: 'KIT-CLN', name: 'Descaling kit', reason: 'owns a grinder or kettle', price: 12, inStock: true, score: 0.74, description: 'Citric descaler and grinder cleaning tablets for three months of weekly use.' },
    { sku: 'SCL-KIT', name: 'Kitchen scale', reason: 'brews pour-over', price: 25, inStock: true, score: 0.63, description: '0.1 g precision scale with a built-in timer, sized for drippers and carafes.' },
  ],
  silver: [
    { sku: 'KIT-CLN', name: 'Descaling kit', reason: 'owns a grinder or kettle', price: 12, inStock: true, score: 0.88, description: 'Citric descaler and grinder cleaning tablets for three months of weekly use.' },
    { sku: 'FLT-PAP', name: 'Paper filters', reason: 'buys brewing gear', price: 6.5, inStock: true, score: 0.69, description: 'Size 02 bleached paper filters, 100 pack.' },
  ],
  bronze: [
    { sku: 'FLT-PAP', name: 'Paper filters', reason: 'popular first purchase', price: 6.5, inStock: true, score: 0.81, description: 'Size 02 bleached paper filters, 100 pack.' },
    { sku: 'SUB-BEAN', name: 'Monthly bean subscription', reason: 'popular with new customers', price: 24, inStock: true, score: 0.57, description: 'Two 250 g bags of single-origin beans every month, roasted to order; pause or skip any month.' },
  ],
};
