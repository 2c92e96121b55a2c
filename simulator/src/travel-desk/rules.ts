// The rules a travel desk looks up rather than remembers: fare rules per fare basis (ATPCO-style categories with
// the penalties a desk quotes), carriers' baggage allowances and fees per route, entry requirements per nationality
// and destination (Timatic-style), the company's travel policy, and the risk ratings of a travel-risk service.
// Only the tools read this module.
//
// Entry rules follow the published rules of the real countries as of late 2026 in substance, simplified; they are a
// fixed simulated data set, not travel advice.
import { TODAY } from './schedule.ts';

// --- fare rules -------------------------------------------------------------------------------------------------

export interface FareRules {
  carrier: string;
  fareBasis: string;
  fareBrand: string;
  cabin: 'economy' | 'business';
  currency: string;
  /** `fully`, `with fee` (the base fare less the cancellation fee), or `no` (taxes only, when taxes are refundable). */
  refundable: 'fully' | 'with fee' | 'no';
  cancellationFee: number | null;
  changeFee: number;
  changeFeeWaivedForTiers: string[];
  carrierSurchargeRefundable: boolean;
  taxesRefundable: boolean;
  noShow: string;
  involuntaryRebooking: string;
  sameDayChange: string;
  advancePurchase: string;
  minimumStay: string;
  maximumStay: string;
  ticketValidity: string;
  categories: { number: string; title: string; text: string }[];
}

interface FareSpec {
  carrier: string;
  fareBasis: string;
  fareBrand: string;
  currency: string;
  refundable: FareRules['refundable'];
  cancellationFee: number | null;
  changeFee: number;
  waivedFor: string[];
  involuntary: string;
  sameDay: string;
  advancePurchase?: string;
}

const fareSpecs: FareSpec[] = [
  { carrier: 'PQ', fareBasis: 'MSTDGB', fareBrand: 'Standard', currency: 'GBP', refundable: 'with fee', cancellationFee: 250, changeFee: 150, waivedFor: ['Gold', 'Platinum'], involuntary: 'Pacifica or Skyward carriers, same cabin, no extra charge.', sameDay: 'Not permitted.' },
  { carrier: 'HC', fareBasis: 'KSTDGB', fareBrand: 'Standard', currency: 'GBP', refundable: 'with fee', cancellationFee: 100, changeFee: 70, waivedFor: ['Senator', 'HON Circle'], involuntary: 'Hansa Continental or Skyward carriers, same cabin.', sameDay: 'Permitted for GBP 40 on the same route.' },
  { carrier: 'HC', fareBasis: 'KLIGHTGB', fareBrand: 'Light', currency: 'GBP', refundable: 'no', cancellationFee: null, changeFee: 75, waivedFor: ['HON Circle'], involuntary: 'Hansa Continental or Skyward carriers, same cabin.', sameDay: 'Not permitted.' },
  { carrier: 'CL', fareBasis: 'VSTDMX', fareBrand: 'Standard', currency: 'USD', refundable: 'with fee', cancellationFee: 300, changeFee: 0, waivedFor: [], involuntary: 'Columbia or Skyward carriers, same cabin.', sameDay: 'Permitted free of charge when seats are available in the same booking class.' },
  { carrier: 'HC', fareBasis: 'SSTDZA', fareBrand: 'Standard', currency: 'EUR', refundable: 'with fee', cancellationFee: 200, changeFee: 120, waivedFor: ['Senator', 'HON Circle'], involuntary: 'Hansa Continental or Skyward carriers, same cabin.', sameDay: 'Not permitted.' },
  { carrier: 'HC', fareBasis: 'SSTDPL', fareBrand: 'Standard', currency: 'EUR', refundable: 'with fee', cancellationFee: 70, changeFee: 50, waivedFor: ['Senator', 'HON Circle'], involuntary: 'Hansa Continental or Skyward carriers, same cabin.', sameDay: 'Permitted for EUR 40 on the same route.' },
  { carrier: 'HC', fareBasis: 'YFLEXDE', fareBrand: 'Flex', currency: 'EUR', refundable: 'fully', cancellationFee: 0, changeFee: 0, waivedFor: [], involuntary: 'Hansa Continental-operated flights only; codeshares operated by other airlines are excluded.', sameDay: 'Permitted free of charge.' },
  { carrier: 'SD', fareBasis: 'VSAVSG', fareBrand: 'Saver', currency: 'SGD', refundable: 'no', cancellationFee: null, changeFee: 60, waivedFor: [], involuntary: 'Sundara Air flights only.', sameDay: 'Not permitted.', advancePurchase: '14 days' },
  { carrier: 'MR', fareBasis: 'OLITEGB', fareBrand: 'Lite', currency: 'GBP', refundable: 'no', cancellationFee: null, changeFee: 60, waivedFor: [], involuntary: 'Meridian or Concord carriers, same cabin.', sameDay: 'Not permitted.', advancePurchase: '21 days' },
  { carrier: 'MR', fareBasis: 'YFLEXGB', fareBrand: 'Flex', currency: 'GBP', refundable: 'fully', cancellationFee: 0, changeFee: 0, waivedFor: [], involuntary: 'Meridian or Concord carriers, same cabin.', sameDay: 'Permitted free of charge.' },
];

function penaltiesText(spec: FareSpec): string {
  const money = (amount: number): string => `${spec.currency} ${amount.toFixed(2)}`;
  const cancel =
    spec.refundable === 'fully'
      ? 'CANCELLATIONS ANY TIME PERMITTED FREE OF CHARGE. FULL REFUND OF FARE, SURCHARGES AND TAXES.'
      : spec.refundable === 'with fee'
        ? `CANCELLATIONS BEFORE DEPARTURE CHARGE ${money(spec.cancellationFee ?? 0)} FOR CANCEL/REFUND. CARRIER-IMPOSED SURCHARGES (YQ/YR) ARE NON-REFUNDABLE. GOVERNMENT TAXES AND FEES ARE REFUNDABLE.`
        : 'TICKET IS NON-REFUNDABLE. UNUSED GOVERNMENT TAXES AND FEES ARE REFUNDABLE ON REQUEST. CARRIER-IMPOSED SURCHARGES ARE NON-REFUNDABLE.';
  const change =
    spec.changeFee === 0
      ? 'CHANGES ANY TIME PERMITTED FREE OF CHARGE. FARE DIFFERENCE APPLIES.'
      : `CHANGES ANY TIME CHARGE ${money(spec.changeFee)} PER TICKET PLUS FARE DIFFERENCE.${spec.waivedFor.length > 0 ? ` CHANGE FEE WAIVED FOR ${spec.waivedFor.join(' AND ').toUpperCase()} MEMBERS OF THE CARRIER'S PROGRAMME.` : ''}`;
  return `${cancel} ${change} NO-SHOW: ${spec.refundable === 'fully' ? 'NO CHARGE' : 'TICKET LOSES ITS VALUE EXCEPT REFUNDABLE TAXES'}.`;
}

export const fareRules: readonly FareRules[] = fareSpecs.map((spec) => ({
  carrier: spec.carrier,
  fareBasis: spec.fareBasis,
  fareBrand: spec.fareBrand,
  cabin: 'economy',
  currency: spec.currency,
  refundable: spec.refundable,
  cancellationFee: spec.cancellationFee,
  changeFee: spec.changeFee,
  changeFeeWaivedForTiers: spec.waivedFor,
  carrierSurchargeRefundable: spec.refundable === 'fully',
  taxesRefundable: true,
  noShow: spec.refundable === 'fully' ? 'No charge; the ticket keeps its value for one year.' : 'The ticket loses its value except refundable government taxes.',
  involuntaryRebooking: spec.involuntary,
  sameDayChange: spec.sameDay,
  advancePurchase: spec.advancePurchase ?? 'None',
  minimumStay: spec.refundable === 'fully' ? 'None' : 'Saturday night or 3 days',
  maximumStay: '12 months',
  ticketValidity: 'One year from the date of issue',
  categories: [
    { number: '3', title: 'Seasonality', text: 'HIGH SEASON 15DEC-05JAN AND 01JUL-31AUG. LOW SEASON ALL OTHER DATES. SEASON OF THE FIRST INTERNATIONAL SECTOR APPLIES.' },
    { number: '5', title: 'Advance reservations and ticketing', text: `RESERVATIONS AND TICKETING ${spec.advancePurchase ? `AT LEAST ${spec.advancePurchase.toUpperCase()} BEFORE DEPARTURE` : 'ANY TIME BEFORE DEPARTURE'}. TICKETING WITHIN 72 HOURS AFTER RESERVATIONS ARE MADE.` },
    { number: '16', title: 'Penalties', text: penaltiesText(spec) },
    { number: '18', title: 'Ticket endorsements', text: spec.fareBrand === 'Flex' ? 'VALID ON HC OPERATED FLIGHTS ONLY IF REROUTED INVOLUNTARILY. REFUNDABLE.' : 'NON-ENDORSABLE. CHANGES AND REFUNDS ONLY THROUGH THE ISSUING AGENT.' },
    { number: '31', title: 'Voluntary changes', text: 'REISSUE AT THE FARE IN FORCE ON THE DATE OF REISSUE; THE HIGHER FARE APPLIES. A CHANGE OF THE FIRST SECTOR RECALCULATES THE WHOLE JOURNEY.' },
  ],
}));

// --- baggage ----------------------------------------------------------------------------------------------------

export interface BaggageRules {
  carrier: string;
  cabin: string;
  fareBrand: string;
  route: string;
  checkedBags: number;
  maxWeightKg: number;
  currency: string;
  /** The fee for the first, second, … bag beyond the allowance, each way. */
  extraBagFees: number[];
  /** For a bag over `maxWeightKg` up to `overweightLimitKg`, on top of any extra-bag fee. */
  overweightFee: number;
  overweightLimitKg: number;
  tierBonuses: { tier: string; extraBags: number }[];
  cabinBaggage: string;
  sportsEquipment: string;
  notes: string;
}

interface BaggageSpec {
  carrier: string;
  brands: [cabin: string, brand: string, bags: number, kg: number][];
  currency: string;
  shortHaul: [fees: number[], overweight: number];
  longHaul: [fees: number[], overweight: number];
  tiers: string[];
  cabinBaggage: string;
}

const baggageSpecs: BaggageSpec[] = [
  { carrier: 'PQ', brands: [['economy', 'Standard', 1, 23], ['economy', 'Flex', 2, 23], ['business', 'Business', 2, 32]], currency: 'GBP', shortHaul: [[45, 70], 50], longHaul: [[95, 140], 75], tiers: ['Gold', 'Platinum'], cabinBaggage: '1 bag up to 7 kg plus 1 personal item' },
  { carrier: 'HC', brands: [['economy', 'Light', 0, 23], ['economy', 'Standard', 1, 23], ['economy', 'Flex', 1, 23], ['business', 'Business', 2, 32]], currency: 'EUR', shortHaul: [[60, 100], 50], longHaul: [[90, 150], 100], tiers: ['Frequent Traveller', 'Senator', 'HON Circle'], cabinBaggage: '1 bag up to 8 kg plus 1 personal item' },
  { carrier: 'CL', brands: [['economy', 'Standard', 2, 23], ['economy', 'Basic', 1, 23], ['business', 'Business', 2, 32]], currency: 'USD', shortHaul: [[35, 45], 100], longHaul: [[100, 200], 100], tiers: ['Gold', 'Platinum'], cabinBaggage: '1 bag up to 10 kg plus 1 personal item' },
  { carrier: 'MR', brands: [['economy', 'Lite', 0, 23], ['economy', 'Standard', 1, 23], ['economy', 'Flex', 1, 23], ['business', 'Business', 2, 32]], currency: 'GBP', shortHaul: [[40, 60], 50], longHaul: [[65, 90], 75], tiers: ['Silver', 'Gold'], cabinBaggage: '1 bag up to 23 kg plus 1 personal item' },
  { carrier: 'SD', brands: [['economy', 'Saver', 1, 20], ['economy', 'Value', 1, 25]], currency: 'SGD', shortHaul: [[55, 80], 60], longHaul: [[55, 80], 60], tiers: [], cabinBaggage: '1 bag up to 7 kg' },
];

/** Flights over six hours count as long-haul for baggage fees. */
const LONG_HAUL_MINUTES = 360;

/**
 * The baggage rules for a carrier, cabin and fare brand on a route (fees differ between short- and long-haul),
 * or `undefined` when the carrier does not sell that combination.
 */
export function baggageRulesFor(carrier: string, cabin: string, fareBrand: string, route: { origin: string; destination: string; durationMinutes: number }): BaggageRules | undefined {
  const spec = baggageSpecs.find((candidate) => candidate.carrier === carrier);
  const brand = spec?.brands.find(([brandCabin, name]) => brandCabin === cabin && name.toLowerCase() === fareBrand.toLowerCase());
  if (!spec || !brand) return undefined;
  const long = route.durationMinutes > LONG_HAUL_MINUTES;
  const [fees, overweight] = long ? spec.longHaul : spec.shortHaul;
  return {
    carrier,
    cabin,
    fareBrand: brand[1],
    route: `${route.origin}-${route.destination} (${long ? 'long-haul' : 'short-haul'})`,
    checkedBags: brand[2],
    maxWeightKg: brand[3],
    currency: spec.currency,
    extraBagFees: fees,
    overweightFee: overweight,
    overweightLimitKg: 32,
    tierBonuses: spec.tiers.map((tier) => ({ tier, extraBags: 1 })),
    cabinBaggage: spec.cabinBaggage,
    sportsEquipment: 'Skis, golf bags and bicycles count as one checked bag if within the weight limit; otherwise the extra-bag fee applies.',
    notes: `Fees are per bag and per direction, paid at the airport or online up to 24 hours before departure. Bags over 32 kg are not accepted as checked baggage and must go as cargo. Status bonuses apply on flights marketed and operated by ${carrier}.`,
  };
}

// --- entry requirements -----------------------------------------------------------------------------------------

export type EntryPurpose = 'visit' | 'transit';

export interface EntryRequirements {
  nationality: string;
  destination: string;
  purpose: EntryPurpose;
  visaRequired: boolean;
  summary: string;
  visaFreeDays: number | null;
  authorisation: string | null;
  transitWithoutVisa: boolean | null;
  /** How long the passport must still be valid: for `days` after the stated date. */
  passportValidity: { rule: 'beyond-departure' | 'beyond-arrival' | 'duration-of-stay'; days: number; text: string };
  blankPagesRequired: number;
  arrivalFormalities: string;
  health: string;
  customs: string;
  sources: string[];
  lastUpdated: string;
  disclaimer: string;
}

const SCHENGEN = new Set(['AT', 'BE', 'CH', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HU', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'SE', 'SI', 'SK', 'HR']);
const EU_EEA = new Set([...SCHENGEN, 'IE', 'CY', 'BG', 'RO']);

type Rule = Omit<EntryRequirements, 'nationality' | 'destination' | 'purpose' | 'sources' | 'lastUpdated' | 'disclaimer'>;

const stay = (days: number, text: string): Rule['passportValidity'] => ({ rule: 'duration-of-stay', days, text });

function rule(visaRequired: boolean, summary: string, fields: Partial<Rule> = {}): Rule {
  return {
    visaRequired,
    summary,
    visaFreeDays: null,
    authorisation: null,
    transitWithoutVisa: null,
    passportValidity: stay(0, 'Valid for the whole stay.'),
    blankPagesRequired: 1,
    arrivalFormalities: 'Passport control on arrival.',
    health: 'No vaccination requirements for travellers arriving from Europe or the Americas.',
    customs: 'Standard duty-free allowances apply.',
    ...fields,
  };
}

/** The entry rules of each destination: a function of the traveller's nationality and the purpose of the stop. */
const destinations: Record<string, (nationality: string, purpose: EntryPurpose) => Rule | undefined> = {
  SG(nationality, purpose) {
    const card = 'SG Arrival Card (online, within 3 days before arrival).';
    const validity: Rule['passportValidity'] = { rule: 'beyond-arrival', days: 180, text: 'Valid for at least 6 months from the date of arrival.' };
    if (purpose === 'transit') return rule(false, 'No visa needed to transit airside at Changi without passing immigration.', { transitWithoutVisa: true, passportValidity: validity });
    if (nationality === 'IN') return rule(true, 'Visa required: Indian citizens need a Singapore visa (e-Visa through an authorised visa agent), applied for at least 3 working days before travel.', { authorisation: 'Singapore e-Visa via an authorised visa agent', passportValidity: validity, arrivalFormalities: card });
    if (['GB', 'AU', 'DE', 'PL', 'BR', 'US'].includes(nationality)) return rule(false, 'No visa required for visits of up to 30 days.', { visaFreeDays: 30, passportValidity: validity, arrivalFormalities: card });
    return undefined;
  },
  JP(nationality, purpose) {
    if (purpose === 'transit') return rule(false, 'No visa needed to transit airside; a shore pass is available for up to 72 hours.', { transitWithoutVisa: true });
    if (nationality === 'BR') return rule(false, 'No visa required for short-term stays of up to 90 days (visa exemption for Brazilian citizens in force since 30 September 2023).', { visaFreeDays: 90, passportValidity: stay(0, 'Valid for the whole stay.'), arrivalFormalities: 'Visit Japan Web (immigration and customs) recommended before arrival.' });
    if (['GB', 'DE', 'PL', 'AU', 'US'].includes(nationality)) return rule(false, 'No visa required for short-term stays of up to 90 days.', { visaFreeDays: 90, arrivalFormalities: 'Visit Japan Web (immigration and customs) recommended before arrival.' });
    if (nationality === 'IN') return rule(true, 'Visa required: apply for a Japan e-Visa (short-term stay) before travel.', { authorisation: 'Japan e-Visa' });
    return undefined;
  },
  US(nationality, purpose) {
    const noTransit = 'The United States has no visa-free transit: every passenger changing planes passes US immigration, so a transit needs the same documents as a visit.';
    if (['GB', 'DE', 'PL', 'AU'].includes(nationality)) {
      return rule(false, `No visa required under the Visa Waiver Program with an approved ESTA (stays of up to 90 days).${purpose === 'transit' ? ` ${noTransit}` : ''}`, { visaFreeDays: 90, authorisation: 'ESTA (apply at least 72 hours before departure)', transitWithoutVisa: false });
    }
    if (['BR', 'IN', 'MX'].includes(nationality)) {
      return rule(true, `Visa required: a US visa (B1/B2, or C1 for a transit) is needed; ESTA is not available for this nationality.${purpose === 'transit' ? ` ${noTransit}` : ''}`, { authorisation: 'US visa from a US embassy or consulate (interview usually required)', transitWithoutVisa: false });
    }
    return undefined;
  },
  ZA(nationality, purpose) {
    const validity: Rule['passportValidity'] = { rule: 'beyond-departure', days: 30, text: 'Valid for at least 30 days after the intended date of departure from South Africa.' };
    if (purpose === 'transit') return rule(false, 'No visa needed to transit airside.', { transitWithoutVisa: true, passportValidity: validity, blankPagesRequired: 2 });
    if (['PL', 'DE', 'GB', 'AU', 'BR', 'US'].includes(nationality)) return rule(false, 'No visa required for visits of up to 90 days.', { visaFreeDays: 90, passportValidity: validity, blankPagesRequired: 2, arrivalFormalities: 'Two blank visa pages required; immigration may ask for the return ticket.' });
    if (nationality === 'IN') return rule(true, 'Visa required: apply for a South African e-Visa before travel.', { authorisation: 'South Africa e-Visa', passportValidity: validity, blankPagesRequired: 2 });
    return undefined;
  },
  ID(nationality, purpose) {
    const validity: Rule['passportValidity'] = { rule: 'beyond-arrival', days: 180, text: 'Valid for at least 6 months from the date of arrival.' };
    if (purpose === 'transit') return rule(false, 'No visa needed to transit airside.', { transitWithoutVisa: true, passportValidity: validity });
    if (['AU', 'GB', 'DE', 'PL', 'BR', 'US', 'IN'].includes(nationality)) {
      return rule(true, 'Visa on arrival required: buy the e-VOA online before travel or at the airport (IDR 500,000, 30 days, extendable once by 30 days). Bali also charges a tourist levy of IDR 150,000 per visit.', { authorisation: 'e-VOA (visa on arrival), IDR 500,000', visaFreeDays: null, passportValidity: validity, arrivalFormalities: 'All Indonesia Arrival Card (customs and health) within 3 days before arrival; Bali tourist levy IDR 150,000.' });
    }
    return undefined;
  },
  GB(nationality) {
    if (nationality === 'IE') return rule(false, 'No visa or ETA required (Common Travel Area).');
    if (nationality === 'IN') return rule(true, 'Visa required unless holding a valid UK visa or residence permit.', { authorisation: 'UK visa' });
    if (EU_EEA.has(nationality) || ['AU', 'BR', 'US'].includes(nationality)) return rule(false, 'No visa required for visits of up to 6 months, but an Electronic Travel Authorisation (ETA) is needed.', { visaFreeDays: 180, authorisation: 'UK ETA' });
    return undefined;
  },
  IE(nationality) {
    if (nationality === 'GB') return rule(false, 'No visa required: British citizens travel freely within the Common Travel Area (photo ID accepted by airlines).');
    if (EU_EEA.has(nationality)) return rule(false, 'No visa required (EU free movement).');
    return undefined;
  },
  MX(nationality) {
    if (nationality === 'BR') return rule(true, 'Visa required for Brazilian citizens since 2022, unless holding a Mexican residence card (then no visa is needed).', { authorisation: 'Mexican visa, or a Mexican residence card' });
    return undefined;
  },
};

for (const country of SCHENGEN) {
  destinations[country] ??= (nationality, purpose) => {
    if (EU_EEA.has(nationality)) return rule(false, 'No visa required: EU/EEA citizens move freely within the Schengen area.');
    if (['GB', 'AU', 'BR', 'US'].includes(nationality)) return rule(false, 'No visa required for stays of up to 90 days in any 180 (Schengen area).', { visaFreeDays: 90, passportValidity: { rule: 'beyond-departure', days: 90, text: 'Valid for at least 3 months after leaving the Schengen area, and issued within the last 10 years.' } });
    if (nationality === 'IN') {
      return purpose === 'transit'
        ? rule(false, 'No airport transit visa needed to change planes airside in the Schengen area.', { transitWithoutVisa: true })
        : rule(true, 'Visa required: a Schengen visa (type C) is needed for visits.', { authorisation: 'Schengen visa (type C)' });
    }
    return undefined;
  };
}

/** The entry requirements for a nationality at a destination, or `undefined` when the data set has none. */
export function entryRequirementsFor(nationality: string, destination: string, purpose: EntryPurpose): EntryRequirements | undefined {
  const found = nationality === destination
    ? rule(false, 'Citizen returning home: no visa required.')
    : destinations[destination]?.(nationality, purpose);
  if (!found) return undefined;
  return {
    nationality,
    destination,
    purpose,
    ...found,
    sources: [`Simulated Timatic-style rules for ${destination}`, `Government of ${destination}: entry requirements (as published)`],
    lastUpdated: '2026-12-01',
    disclaimer: 'Simulated data set for benchmarks; not travel advice.',
  };
}

// --- the company's travel policy --------------------------------------------------------------------------------

export interface PolicySection {
  id: string;
  title: string;
  text: string;
  updatedAt: string;
}

export const travelPolicy: readonly PolicySection[] = [
  { id: 'POL-1.1', title: 'Scope and booking channel', text: 'This policy applies to all business travel paid by Northwind Analytics. Flights, rail and hotels are booked through the Northwind Travel Desk or its online booking tool, so that duty of care, negotiated rates and expense reporting work. Bookings made elsewhere are reimbursed only with a written reason.', updatedAt: '2026-01-15' },
  { id: 'POL-2.1', title: 'Class of travel for flights', text: 'Economy class for flights scheduled up to 6 hours. Premium economy for flights scheduled over 6 hours. Business class only for flights scheduled over 9 hours, and only with written approval from a director before booking. Overnight flights follow the same thresholds. Upgrades with miles or status are allowed at no cost to the company.', updatedAt: '2026-01-15' },
  { id: 'POL-2.2', title: 'Fares and flexibility', text: 'Book the lowest logical fare for the trip: the cheapest fare within two hours of the preferred departure time, with at most one connection more than the fastest option. Flexible fares are allowed when the trip is likely to change (customer meetings not yet confirmed, events with unconfirmed dates) or when the difference is under 15 % of the fare.', updatedAt: '2026-01-15' },
  { id: 'POL-2.3', title: 'Changes and cancellations', text: 'Change and cancellation fees are reimbursed when the change is caused by the business (a meeting moved or cancelled by the customer or by Northwind). Changes for personal reasons are at the traveller\'s own cost. Cancel unused bookings as soon as a trip is called off, so that refundable amounts are recovered.', updatedAt: '2026-03-02' },
  { id: 'POL-3.1', title: 'Hotel rate caps', text: 'Maximum nightly room rate including taxes: London GBP 220, Zurich CHF 180, Singapore SGD 320, Tokyo JPY 32,000, New York USD 350, Cape Town ZAR 3,600, Warsaw PLN 600, Dublin EUR 230, Frankfurt EUR 190, Munich EUR 200. Rates above the cap need approval from the line manager before booking.', updatedAt: '2026-06-10' },
  { id: 'POL-3.2', title: 'Hotel bookings', text: 'Book hotels through the Travel Desk at the negotiated corporate rate where one exists. Non-refundable rates are allowed only when they save at least 15 % and the trip is confirmed. Cancel hotel bookings before the free-cancellation deadline when plans change.', updatedAt: '2026-06-10' },
  { id: 'POL-4.1', title: 'Baggage', text: 'One checked bag per direction is reimbursed on trips of three nights or more. Excess baggage for equipment or samples is reimbursed with the line manager\'s approval. Fees for extra personal luggage are not reimbursed.', updatedAt: '2026-01-15' },
  { id: 'POL-5.1', title: 'Passports, visas and entry', text: 'Travellers are responsible for holding a passport valid for the whole trip and for the destination\'s validity rules. Northwind pays visa, ETA and ESTA fees for business trips. Check entry requirements, including those of transit countries, at least 30 days before departure; the Travel Desk can help.', updatedAt: '2026-04-20' },
  { id: 'POL-6.1', title: 'Travel risk and security', text: 'Destinations rated high or extreme risk by the travel-risk service need security approval before booking. Travellers must keep their itinerary in the booking tool and answer check-in messages during incidents.', updatedAt: '2026-04-20' },
  { id: 'POL-7.1', title: 'Meals and daily allowances', text: 'Meals are reimbursed at cost up to the daily allowance for the country (see the allowance table). Alcohol is reimbursed only at customer entertainment events with a named customer attendee.', updatedAt: '2026-01-15' },
  { id: 'POL-7.2', title: 'Expenses that are not reimbursed', text: 'Not reimbursed: minibar, personal entertainment, laundry on trips under five nights, traffic and parking fines, lost-property costs, travel insurance bought separately (the company policy covers all business trips), and costs of family members or companions travelling with the employee.', updatedAt: '2026-03-02' },
  { id: 'POL-8.1', title: 'Rail and ground transport', text: 'Rail is preferred over flying for journeys under four hours door to door (for example Munich to Zurich, London to Paris). First class rail is allowed on journeys over two hours. Taxis are reimbursed when public transport is impractical; ride-hailing on the economy tier.', updatedAt: '2026-01-15' },
  { id: 'POL-9.1', title: 'Combining business and leave', text: 'Leave may be added to a business trip. The company pays the travel it would have paid for the business part only; extra hotel nights and any fare difference caused by the leave are at the traveller\'s own cost and are rebilled.', updatedAt: '2026-06-10' },
];

// --- travel risk ------------------------------------------------------------------------------------------------

export interface RiskRating {
  countryCode: string;
  country: string;
  overallRisk: 'low' | 'medium' | 'high';
  securityRisk: 'low' | 'medium' | 'high';
  medicalRisk: 'low' | 'medium' | 'high';
  summary: string;
  ratings: { crime: string; terrorism: string; civilUnrest: string; naturalHazards: string; transport: string };
  advisories: { issuedAt: string; title: string; text: string }[];
  emergencyNumbers: { police: string; ambulance: string };
  provider: string;
  updatedAt: string;
}

type RiskSpec = [code: string, country: string, overall: RiskRating['overallRisk'], security: RiskRating['securityRisk'], medical: RiskRating['medicalRisk'], summary: string, advisory: [string, string], police: string, ambulance: string, hazards: string];

const riskSpecs: RiskSpec[] = [
  ['JP', 'Japan', 'low', 'low', 'low', 'Low risk. Petty crime is rare; the main hazards are earthquakes and, in late summer, typhoons.', ['Year-end travel peak', 'Trains and airports are very busy from 28 December to 4 January; allow extra time at Narita and Haneda.'], '110', '119', 'Earthquakes, tsunamis and typhoons; follow Japan Meteorological Agency alerts.'],
  ['SG', 'Singapore', 'low', 'low', 'low', 'Low risk. Strict laws on drugs, littering and public order are enforced; heavy tropical showers disrupt traffic.', ['Monsoon season', 'Heavy afternoon storms through January may cause short flight delays at Changi.'], '999', '995', 'Flash floods during heavy rain.'],
  ['ID', 'Indonesia', 'medium', 'medium', 'medium', 'Medium risk. Bali is generally safe for visitors; watch for petty theft, road safety and drink spiking. Volcanic ash can close Bali airport at short notice.', ['Volcanic activity', 'Mount Lewotobi (Flores) is on alert level III; ash clouds have closed Bali airport briefly several times this year.'], '110', '118', 'Volcanic eruptions, earthquakes, flooding in the rainy season.'],
  ['ZA', 'South Africa', 'medium', 'high', 'low', 'Medium risk overall, high security risk. Violent crime is common in parts of the cities; use registered taxis and avoid walking after dark. Scheduled power cuts (load shedding) can affect hotels.', ['Holiday season crime', 'Express kidnappings and car-jackings rise in December; use hotel-arranged transport from Cape Town airport.'], '10111', '10177', 'Wildfires near Cape Town in summer.'],
  ['US', 'United States', 'low', 'medium', 'low', 'Low risk in business districts. Medical care is excellent but costly; carry the company insurance card.', ['Winter storms', 'Snow storms can close New York airports for a day at a time in December and January.'], '911', '911', 'Winter storms in the north-east; hurricanes in season.'],
  ['DE', 'Germany', 'low', 'low', 'low', 'Low risk. Strikes in transport occur with a few days\' notice.', ['Christmas markets', 'Heightened police presence at Christmas markets; keep to the official entrances.'], '110', '112', 'Winter weather disrupts rail and air.'],
  ['PL', 'Poland', 'low', 'low', 'low', 'Low risk. Petty theft in tourist areas of Warsaw and Kraków.', ['Winter weather', 'Snow and freezing fog can delay flights at Warsaw Chopin.'], '112', '112', 'Winter weather.'],
  ['CH', 'Switzerland', 'low', 'low', 'low', 'Low risk. Prices are high; New Year\'s Eve crowds in Zurich city centre.', ['New Year\'s Eve', 'Large crowds at the Zurich lakeside fireworks; public transport is extended overnight.'], '117', '144', 'Avalanches in the Alps.'],
  ['IE', 'Ireland', 'low', 'low', 'low', 'Low risk. Storms in winter can disrupt ferries and flights.', ['Storm season', 'Atlantic storms can cause cancellations at Dublin.'], '112', '112', 'Winter storms.'],
  ['GB', 'United Kingdom', 'low', 'medium', 'low', 'Low risk. The national terrorism threat level is substantial; rail strikes are announced in advance.', ['Rail strikes', 'Check for industrial action before travelling to airports by train.'], '999', '999', 'Winter storms and flooding.'],
  ['MX', 'Mexico', 'medium', 'high', 'medium', 'Medium risk. Mexico City business districts are generally safe by day; use app-based taxis and avoid street hailing.', ['Air quality', 'Environmental contingencies in Mexico City can restrict car use at short notice.'], '911', '911', 'Earthquakes; air pollution.'],
];

export const riskRatings: readonly RiskRating[] = riskSpecs.map(([countryCode, country, overallRisk, securityRisk, medicalRisk, summary, [title, text], police, ambulance, hazards]) => ({
  countryCode,
  country,
  overallRisk,
  securityRisk,
  medicalRisk,
  summary,
  ratings: {
    crime: securityRisk === 'high' ? 'High in parts of major cities' : securityRisk === 'medium' ? 'Moderate' : 'Low',
    terrorism: country === 'United Kingdom' ? 'Substantial' : 'Low to moderate',
    civilUnrest: overallRisk === 'low' ? 'Low' : 'Moderate: occasional protests',
    naturalHazards: hazards,
    transport: overallRisk === 'low' ? 'Safe, reliable public transport' : 'Road safety is a concern; use vetted drivers',
  },
  advisories: [{ issuedAt: TODAY, title, text }],
  emergencyNumbers: { police, ambulance },
  provider: 'Simulated travel-risk intelligence service',
  updatedAt: `${TODAY}T06:00:00Z`,
}));
