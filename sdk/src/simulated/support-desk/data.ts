// The support desk's records: a small coffee-equipment shop's customers, orders, shipments, tickets, refund
// policy and knowledge base. Only the tools read this module; the simulated model sees records only as tool
// results in the conversation.

export type Tier = 'gold' | 'silver' | 'bronze';

export interface Customer {
  id: string;
  name: string;
  tier: Tier;
  email: string;
  memberSince: string;
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
}

export interface Order {
  id: string;
  customerId: string;
  placedAt: string;
  status: 'processing' | 'shipped' | 'delivered';
  deliveredAt: string | null;
  items: OrderItem[];
  shippingFee: number;
  total: number;
  shipmentId: string | null;
  relatedTicketId?: string;
  note?: string;
}

export interface Shipment {
  id: string;
  orderId: string;
  carrier: string;
  status: string;
  estimatedDelivery: string | null;
  deliveredAt: string | null;
  lastScan: string;
}

export interface Ticket {
  id: string;
  customerId: string;
  subject: string;
  status: 'open' | 'closed';
  createdAt: string;
  relatedOrderId?: string;
  note?: string;
}

export interface Article {
  id: string;
  title: string;
  summary: string;
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
}

export interface Recommendation {
  sku: string;
  name: string;
  reason: string;
}

export const customers: readonly Customer[] = [
  { id: 'C-1001', name: 'Ada Lovelace', tier: 'gold', email: 'ada@lovelace.example', memberSince: '2019-05-02' },
  { id: 'C-1002', name: 'Grace Hopper', tier: 'silver', email: 'grace@hopper.example', memberSince: '2020-09-17' },
  { id: 'C-1003', name: 'Alan Turing', tier: 'bronze', email: 'alan@turing.example', memberSince: '2021-03-14' },
  { id: 'C-1004', name: 'Katherine Johnson', tier: 'gold', email: 'katherine@johnson.example', memberSince: '2018-11-30' },
  { id: 'C-1005', name: 'Edsger Dijkstra', tier: 'silver', email: 'edsger@dijkstra.example', memberSince: '2022-01-09' },
  { id: 'C-1006', name: 'Barbara Liskov', tier: 'bronze', email: 'barbara@liskov.example', memberSince: '2023-06-21' },
];

const item = (sku: string, name: string, quantity: number, unitPrice: number, state: Partial<Pick<OrderItem, 'opened' | 'damaged'>> = {}): OrderItem => ({
  sku,
  name,
  quantity,
  unitPrice,
  opened: state.opened ?? false,
  damaged: state.damaged ?? false,
});

export const orders: readonly Order[] = [
  { id: 'O-5001', customerId: 'C-1001', placedAt: '2026-10-02', status: 'delivered', deliveredAt: '2026-10-06', items: [item('MUG-ESP', 'Espresso mug', 2, 14.5, { opened: true })], shippingFee: 4.99, total: 33.99, shipmentId: 'S-9001' },
  { id: 'O-5002', customerId: 'C-1001', placedAt: '2026-11-15', status: 'shipped', deliveredAt: null, items: [item('KTL-POUR', 'Pour-over kettle', 1, 89)], shippingFee: 0, total: 89, shipmentId: 'S-9002' },
  { id: 'O-5003', customerId: 'C-1001', placedAt: '2026-11-19', status: 'processing', deliveredAt: null, items: [item('GRN-CON', 'Conical coffee grinder', 1, 149)], shippingFee: 0, total: 149, shipmentId: null },
  { id: 'O-5004', customerId: 'C-1002', placedAt: '2026-09-28', status: 'delivered', deliveredAt: '2026-10-03', items: [item('PRS-FR', 'French press', 1, 39)], shippingFee: 4.99, total: 43.99, shipmentId: 'S-9004' },
  { id: 'O-5005', customerId: 'C-1002', placedAt: '2026-11-17', status: 'shipped', deliveredAt: null, items: [item('FRO-MLK', 'Milk frother', 1, 59)], shippingFee: 4.99, total: 63.99, shipmentId: 'S-9005' },
  { id: 'O-5006', customerId: 'C-1003', placedAt: '2026-11-12', status: 'shipped', deliveredAt: null, items: [item('TEA-SMP', 'Tea sampler', 1, 24)], shippingFee: 4.99, total: 28.99, shipmentId: 'S-9006' },
  { id: 'O-5007', customerId: 'C-1004', placedAt: '2026-10-25', status: 'delivered', deliveredAt: '2026-10-29', items: [item('DRP-CER', 'Ceramic dripper', 1, 32, { opened: true }), item('FLT-PAP', 'Paper filters', 2, 6.5)], shippingFee: 5, total: 50, shipmentId: 'S-9007' },
  { id: 'O-5008', customerId: 'C-1004', placedAt: '2026-11-08', status: 'delivered', deliveredAt: '2026-11-12', items: [item('CRF-GLS', 'Glass carafe', 1, 45, { damaged: true })], shippingFee: 5, total: 50, shipmentId: 'S-9008' },
  { id: 'O-5009', customerId: 'C-1005', placedAt: '2026-10-28', status: 'delivered', deliveredAt: '2026-11-01', items: [item('GRN-BUR', 'Burr grinder', 1, 120, { opened: true }), item('SCL-KIT', 'Kitchen scale', 1, 25)], shippingFee: 6, total: 151, shipmentId: 'S-9009' },
  { id: 'O-5010', customerId: 'C-1005', placedAt: '2026-11-05', status: 'delivered', deliveredAt: '2026-11-09', items: [item('MUG-TRV', 'Travel mug', 1, 22)], shippingFee: 4.99, total: 26.99, shipmentId: 'S-9010', relatedTicketId: 'T-305', note: 'Refund status: see ticket T-305.' },
  { id: 'O-5011', customerId: 'C-1006', placedAt: '2026-11-14', status: 'shipped', deliveredAt: null, items: [item('BTL-CBR', 'Cold brew bottle', 1, 18)], shippingFee: 4.99, total: 22.99, shipmentId: 'S-9011' },
];

const delivered = (id: string, orderId: string, carrier: string, deliveredAt: string): Shipment => ({
  id,
  orderId,
  carrier,
  status: 'delivered',
  estimatedDelivery: null,
  deliveredAt,
  lastScan: 'Delivered to recipient',
});

export const shipments: readonly Shipment[] = [
  delivered('S-9001', 'O-5001', 'Parcelway', '2026-10-06'),
  { id: 'S-9002', orderId: 'O-5002', carrier: 'Parcelway', status: 'in transit', estimatedDelivery: '2026-11-23', deliveredAt: null, lastScan: 'Leeds depot' },
  delivered('S-9004', 'O-5004', 'NordPost', '2026-10-03'),
  { id: 'S-9005', orderId: 'O-5005', carrier: 'NordPost', status: 'held at customs', estimatedDelivery: '2026-11-27', deliveredAt: null, lastScan: 'Rotterdam customs' },
  { id: 'S-9006', orderId: 'O-5006', carrier: 'Parcelway', status: 'out for delivery', estimatedDelivery: '2026-11-20', deliveredAt: null, lastScan: 'Cambridge hub' },
  delivered('S-9007', 'O-5007', 'Parcelway', '2026-10-29'),
  delivered('S-9008', 'O-5008', 'Parcelway', '2026-11-12'),
  delivered('S-9009', 'O-5009', 'NordPost', '2026-11-01'),
  delivered('S-9010', 'O-5010', 'Parcelway', '2026-11-09'),
  { id: 'S-9011', orderId: 'O-5011', carrier: 'Parcelway', status: 'in transit', estimatedDelivery: '2026-11-22', deliveredAt: null, lastScan: 'Bristol depot' },
];

export const tickets: readonly Ticket[] = [
  { id: 'T-301', customerId: 'C-1001', subject: 'Chipped espresso mug', status: 'open', createdAt: '2026-10-08', relatedOrderId: 'O-5001' },
  { id: 'T-302', customerId: 'C-1001', subject: 'Invoice copy request', status: 'closed', createdAt: '2026-08-14' },
  { id: 'T-303', customerId: 'C-1002', subject: 'Customs delay', status: 'open', createdAt: '2026-11-19', relatedOrderId: 'O-5005' },
  { id: 'T-304', customerId: 'C-1004', subject: 'Glass carafe arrived broken', status: 'open', createdAt: '2026-11-13', relatedOrderId: 'O-5008' },
  { id: 'T-305', customerId: 'C-1005', subject: 'Refund not received', status: 'open', createdAt: '2026-11-16', relatedOrderId: 'O-5010', note: 'Refund amount: see order O-5010.' },
];

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
};

export const articles: readonly Article[] = [
  { id: 'KB-101', title: 'Changing a delivery address', summary: 'The address can be changed until the order ships; once shipped, ask the customer to contact the carrier to redirect the parcel.' },
  { id: 'KB-102', title: 'Returns and the return window', summary: 'Returns are accepted within 30 days of delivery; opened items carry a 50% restocking fee unless the customer is a gold member.' },
  { id: 'KB-103', title: 'Damaged or broken items', summary: 'Ask for a photo; the item and its shipping fee are refunded within 90 days of delivery and the customer keeps the item.' },
  { id: 'KB-104', title: 'Gold membership benefits', summary: 'Free shipping on orders over $50 and no restocking fee on returns.' },
  { id: 'KB-105', title: 'Customs delays on international parcels', summary: 'Parcels held at customs usually clear within 3 to 7 days; the carrier contacts the customer if duties are due.' },
];

/** What the recommendation service suggests per customer tier. */
export const recommendationsByTier: Readonly<Record<Tier, readonly Recommendation[]>> = {
  gold: [{ sku: 'SUB-BEAN', name: 'Monthly bean subscription', reason: 'frequent buyer' }],
  silver: [{ sku: 'KIT-CLN', name: 'Descaling kit', reason: 'owns a grinder or kettle' }],
  bronze: [{ sku: 'FLT-PAP', name: 'Paper filters', reason: 'popular first purchase' }],
};
