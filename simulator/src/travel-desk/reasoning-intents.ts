// The travel desk's hard questions: answers that combine several records under rules (a connection against the
// minimum connection time, a change fee against the traveller's status, a refund under the fare rules, baggage fees
// with a status bonus, visas for every country on the route, passport validity under the destination's rule, a
// rebooking under several constraints). Each one marks where the weak model (`sim-small`) goes wrong, the way small
// models fail in agent loops:
// - connection: reads the scheduled departure instead of the new estimate (a confident but wrong detail);
// - change fee and baggage fees: skips the loyalty-account hop that would waive the fee or add a free bag;
// - refund: takes what was paid less the cancellation fee, ignoring the non-refundable surcharge (a wrong rule);
// - visa: checks the destination only, not the country it connects through (a skipped hop);
// - passport: answers from the profile's expiry date without looking up the destination's rule (answers too early);
// - rebooking choice: takes the first flight sold under the airline's code, ignoring who operates it.
// The strong model (`sim-large`) does each step.
import type { Intent, PlanContext } from '../brain/playbook.ts';
import { ASKS_CONNECTION } from './lookup-intents.ts';
import { TRAVEL_DESK_TODAY } from './reference-date.ts';
import {
  loyaltyAccountOf, needFareRules, needStatus, needTraveller, segmentsMeant, segmentsOf, travellerOf, tripOf,
} from './resolve.ts';
import { countryName, datesIn, flightNumbersIn, personName, placesIn, timeIn, weightsIn } from './understanding.ts';
import {
  addDays, asList, asRecord, clock, type Fields, idsIn, minutesBetween, money, round2, unavailable, when,
} from './vocabulary.ts';

/** The traveller's loyalty tier with the trip's airline, when the strong model looks it up. */
function tierWith(context: PlanContext, trip: Fields, carrier: string): { tier?: string; programme?: string; account?: string; lines: string[] } {
  const travellerId = String(trip.travellerId ?? '');
  const traveller = needTraveller(context, travellerId);
  if (traveller.status !== 'known') return { lines: [unavailable(traveller, `the profile of traveller ${travellerId}`)] };
  const account = loyaltyAccountOf(context, asRecord(traveller.value), carrier);
  if (!account.value) return { lines: account.lines };
  return account.value.carrier === carrier
    ? { tier: String(account.value.tier), programme: String(account.value.programme), account: account.id, lines: [] }
    : { lines: [] };
}

/** The traveller's name: from the profile when visible, else as the agent wrote it. */
const nameOf = (context: PlanContext, travellerId: unknown): string =>
  String(context.knowledge.entity(String(travellerId))?.get('name') ?? personName(context.text) ?? 'the traveller');
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const connection: Intent = {
  name: 'connection-check',
  hard: true,
  matches: (text) => ASKS_CONNECTION.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.value) return trip.lines;
    const segments = segmentsOf(trip.value);
    const pairs = segments.flatMap((segment, index) => (segment.connection && segments[index + 1] ? [[segment, segments[index + 1] as Fields] as const] : []));
    const places = placesIn(context.text);
    const pair =
      pairs.find(([, onward]) => places.some((place) => String(onward.destinationCity).includes(place.city))) ??
      pairs.find(([inbound]) => String(inbound.date) >= TRAVEL_DESK_TODAY) ?? pairs[0];
    if (!pair) return [`Trip ${String(trip.id)} has no connection.`];
    const [inbound, onward] = pair;
    const arriving = needStatus(context, String(inbound.flightNumber), String(inbound.date));
    const leaving = needStatus(context, String(onward.flightNumber), String(onward.date));
    if (arriving.status !== 'known') return [unavailable(arriving, `the status of ${String(inbound.flightNumber)}`)];
    if (leaving.status !== 'known') return [unavailable(leaving, `the status of ${String(onward.flightNumber)}`)];
    const first = asRecord(arriving.value);
    const second = asRecord(leaving.value);
    const arrival = String(first.actualArrival ?? first.estimatedArrival ?? first.scheduledArrival);
    const departure = String(context.strength === 'weak' ? second.scheduledDeparture : (second.estimatedDeparture ?? second.scheduledDeparture));
    const rules = asRecord(inbound.connection);
    const needed = Number(rules.minimumConnectionMinutes);
    const minutes = minutesBetween(arrival, departure);
    const airport = String(rules.airport);
    const facts = `${String(inbound.flightNumber)} ${first.actualArrival ? 'landed' : 'lands'} at ${clock(arrival)} and ${String(onward.flightNumber)} leaves at ${clock(departure)}`;
    return minutes >= needed
      ? [`Yes: ${facts}, ${minutes} minutes to connect, above the ${needed}-minute minimum connection time at ${airport}${second.departureGate ? `; the onward flight boards at gate ${String(second.departureGate)}` : ''}.`]
      : [`No: ${facts}, only ${minutes} minutes to connect, below the ${needed}-minute minimum connection time at ${airport}. The connection will be missed; rebooking is needed.`];
  },
};

const changeCost: Intent = {
  name: 'change-cost',
  hard: true,
  matches: (text) =>
    /\b(change|move|fly (?:home|back)|come back|return|travel back)\b/i.test(text) &&
    /\b(later|earlier|another day|different day|day after|day before|on the \d)/i.test(text) &&
    /\b(cost|pay|charge|fee)\b/i.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.value) return trip.lines;
    const segment = segmentsMeant(trip.value, context.text)[0];
    const fare = asRecord(trip.value.fare);
    const carrier = String(fare.validatingCarrier);
    const result = needFareRules(context, trip.value);
    const status = context.strength === 'strong' ? tierWith(context, trip.value, carrier) : { lines: [] as string[] };
    if (result.status !== 'known') return [unavailable(result, 'the fare rules')];
    if (status.lines.length > 0) return status.lines;
    const rules = asRecord(result.value);
    const fee = money(Number(rules.changeFee), String(rules.currency));
    const newDate = datesIn(context.text)[0]?.date;
    const what = `Moving ${String(segment?.flightNumber ?? 'the flight')}${newDate ? ` to ${newDate}` : ''}`;
    if (Number(rules.changeFee) === 0) return [`${what} has no change fee on fare ${String(rules.fareBasis)}; only any fare difference is payable.`];
    if (context.strength === 'weak') return [`${what} costs the ${fee} change fee on fare ${String(rules.fareBasis)}, plus any fare difference.`];
    const waivedFor = asList(rules.changeFeeWaivedForTiers).map(String);
    const name = nameOf(context, trip.value.travellerId);
    return status.tier !== undefined && waivedFor.includes(status.tier)
      ? [`No change fee: the ${fee} fee on fare ${String(rules.fareBasis)} is waived for ${String(status.programme)} ${waivedFor.join(' and ')} members, and ${name} is ${status.tier} (${String(status.account)}). ${what} costs only any fare difference.`]
      : [`${what} costs the ${fee} change fee on fare ${String(rules.fareBasis)} plus any fare difference${status.tier ? ` (${status.tier} status does not waive it)` : ''}.`];
  },
};

const refundEstimate: Intent = {
  name: 'refund-estimate',
  hard: true,
  matches: (text) =>
    /\b(how much|what)\b[^.?!]*\b(back|refund\w*)\b/i.test(text) &&
    /\b(cancel\w*|call\w*[^.?!]* off)\b/i.test(text) &&
    !/\brefund request\b/i.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.value) return trip.lines;
    const result = needFareRules(context, trip.value);
    const stays = idsIn(trip.value.hotelReservations).map((id) => ({
      id,
      result: context.need('get_hotel_reservation', { reservationId: id }, { entity: id, attributes: ['freeCancellationUntil', 'nightlyRate', 'paymentTiming'] }),
    }));
    if (result.status !== 'known') return [unavailable(result, 'the fare rules')];
    const missingStay = stays.find((stay) => stay.result.status !== 'known');
    if (missingStay) return [unavailable(missingStay.result, `hotel reservation ${missingStay.id}`)];
    const rules = asRecord(result.value);
    const fare = asRecord(trip.value.fare);
    const currency = String(fare.currency);
    const base = Number(fare.baseFare);
    const surcharge = Number(fare.carrierSurcharge);
    const taxes = round2(asList(fare.taxes).reduce((sum: number, tax) => sum + Number(asRecord(tax).amount), 0));
    const fee = Number(rules.cancellationFee ?? 0);
    const hotelLines = stays.map(({ id, result: stay }) => {
      const fields = asRecord(stay.status === 'known' ? stay.value : {});
      const until = typeof fields.freeCancellationUntil === 'string' ? fields.freeCancellationUntil : undefined;
      return until && until.slice(0, 10) >= TRAVEL_DESK_TODAY
        ? `Hotel ${id} (${String(fields.hotelName)}): free cancellation until ${when(until)}, so nothing is charged if it is cancelled today.`
        : `Hotel ${id} (${String(fields.hotelName)}): ${String(fields.cancellationPenalty)}`;
    });
    if (context.strength === 'weak') {
      // The shortcut: what was paid, less the cancellation fee.
      return [`If we cancel today, about ${money(round2(Number(fare.total) - fee), currency)} comes back for the flights: the ${money(Number(fare.total), currency)} paid less the ${money(fee, currency)} cancellation fee.`, ...hotelLines];
    }
    const baseBack = rules.refundable === 'fully' ? base : rules.refundable === 'with fee' ? Math.max(0, round2(base - fee)) : 0;
    const taxesBack = rules.taxesRefundable === true ? taxes : 0;
    const surchargeBack = rules.carrierSurchargeRefundable === true ? surcharge : 0;
    const total = round2(baseBack + taxesBack + surchargeBack);
    const baseText = rules.refundable === 'with fee'
      ? `the fare of ${money(base, currency)} less the ${money(fee, currency)} cancellation fee (${money(baseBack, currency)})`
      : rules.refundable === 'fully' ? `the whole fare of ${money(base, currency)}` : 'nothing of the non-refundable fare';
    return [
      `If we cancel today, ${money(total, currency)} comes back for the flights: ${baseText}, plus ${money(taxesBack, currency)} of taxes` +
        `${surcharge > 0 ? `; the ${money(surcharge, currency)} carrier surcharge is ${surchargeBack > 0 ? 'refunded too' : 'not refundable'}` : ''}.`,
      ...hotelLines,
    ];
  },
};

const baggageFees: Intent = {
  name: 'baggage-fees',
  hard: true,
  matches: (text) => /\b(bags?|baggage|luggage|suitcases?|cases)\b/i.test(text) && weightsIn(text).length > 0,
  plan(context) {
    const weights = weightsIn(context.text);
    // The strong model reads the profile up front (the status bonus may matter); the weak one never does.
    const traveller = context.strength === 'strong' ? travellerOf(context) : undefined;
    const trip = tripOf(context);
    if (!trip.value) return trip.lines;
    const segment = segmentsMeant(trip.value, context.text)[0];
    if (!segment) return [`Trip ${String(trip.id)} has no flights.`];
    const carrier = String(segment.carrier);
    const args = { carrier, cabin: String(segment.cabin), fareBrand: String(segment.fareBrand), origin: String(segment.origin), destination: String(segment.destination) };
    const result = context.need('get_baggage_allowance', args, { fields: ['checkedBags', 'maxWeightKg', 'extraBagFees', 'overweightFee'] });
    let tier: string | undefined;
    let programme = '';
    if (traveller) {
      if (!traveller.value) return traveller.lines;
      const account = loyaltyAccountOf(context, traveller.value, carrier);
      if (!account.value && account.lines.length > 0 && !account.lines[0]?.startsWith('There is no')) return account.lines;
      if (account.value?.carrier === carrier) [tier, programme] = [String(account.value.tier), String(account.value.programme)];
    }
    if (result.status !== 'known') return [unavailable(result, 'the baggage rules')];
    const rules = asRecord(result.value);
    const currency = String(rules.currency);
    const limit = Number(rules.maxWeightKg);
    const bonus = asList(rules.tierBonuses).map(asRecord).find((entry) => entry.tier === tier);
    const free = Number(rules.checkedBags) + Number(bonus?.extraBags ?? 0);
    const ladder = asList(rules.extraBagFees).map(Number);
    const extra = Math.max(0, weights.length - free);
    const extraFees = Array.from({ length: extra }, (_, index) => ladder[Math.min(index, ladder.length - 1)] ?? 0);
    const overweight = weights.filter((weight) => weight > limit && weight <= Number(rules.overweightLimitKg));
    const refused = weights.filter((weight) => weight > Number(rules.overweightLimitKg));
    const total = round2(extraFees.reduce((sum, fee) => sum + fee, 0) + overweight.length * Number(rules.overweightFee));
    const name = nameOf(context, trip.value.travellerId);
    return [
      `${capitalised(name)} pays ${money(total, currency)} for bags on ${String(segment.flightNumber)}: the ${String(segment.fareBrand)} fare includes ${String(rules.checkedBags)} checked bag(s)` +
        `${bonus ? `, and ${programme} ${String(tier)} adds ${String(bonus.extraBags)} free bag of up to ${limit} kg` : ''}, so ${free} bag(s) travel free. ` +
        `Extra bags: ${extraFees.length === 0 ? 'none' : extraFees.map((fee) => money(fee, currency)).join(' + ')}. ` +
        `Overweight (over ${limit} kg): ${overweight.length === 0 ? 'none' : overweight.map((weight) => `${weight} kg bag ${money(Number(rules.overweightFee), currency)}`).join(', ')}.` +
        `${refused.length > 0 ? ` Bags over ${String(rules.overweightLimitKg)} kg are not accepted: ${refused.join(', ')} kg.` : ''}`,
    ];
  },
};

/** Countries the itinerary only connects through (not the destination, not the traveller's own country). */
function transitCountries(trip: Fields, nationality: string): string[] {
  const through = segmentsOf(trip).filter((segment) => segment.connection).map((segment) => String(segment.destinationCountry));
  return [...new Set(through)].filter((country) => country !== trip.destinationCountry && country !== nationality);
}

const ASKS_PASSPORT_VALIDITY = /\bpassport\b[^.?!]*\b(good|valid\w*|ok|okay|enough|expir\w*)\b/i;

const entry: Intent = {
  name: 'entry-requirements',
  hard: true,
  matches: (text) =>
    /\b(visas?|entry requirements?|requirements? to enter|needs? to enter|(?:fine|ok|okay|good|cleared) to travel|allowed (?:in|to enter)|esta)\b/i.test(text) &&
    !ASKS_PASSPORT_VALIDITY.test(text),
  plan(context) {
    const traveller = travellerOf(context);
    const trip = tripOf(context);
    if (!traveller.value) return traveller.lines;
    if (!trip.value) return trip.lines;
    const nationality = String(traveller.value.nationality);
    const stops = [
      { country: String(trip.value.destinationCountry), purpose: 'visit' as const },
      ...(context.strength === 'strong' ? transitCountries(trip.value, nationality).map((country) => ({ country, purpose: 'transit' as const })) : []),
    ];
    const results = stops.map((stop) => ({ ...stop, result: context.need('get_entry_requirements', { nationality, destination: stop.country, purpose: stop.purpose }) }));
    const pending = results.find((entry) => entry.result.status !== 'known');
    if (pending) return [unavailable(pending.result, `the entry requirements for ${countryName(pending.country)}`)];
    const held = asList(traveller.value.visas).map(asRecord).filter((visa) => String(visa.validUntil) >= String(trip.value?.endDate));
    const needed: string[] = [];
    const lines = results.map(({ country, purpose, result }) => {
      const rules = asRecord(result.status === 'known' ? result.value : {});
      const holds = held.some((visa) => visa.country === country);
      if (rules.visaRequired === true && !holds) needed.push(`${countryName(country)}${purpose === 'transit' ? ' (for the connection)' : ''}`);
      return `${capitalised(countryName(country))} (${purpose}) for ${countryName(nationality)} passport holders: ${String(rules.summary)}${holds ? ' The traveller already holds a valid visa for it.' : ''}`;
    });
    const name = String(traveller.value.name);
    return [...lines, needed.length > 0 ? `${name} needs a visa before travelling: ${needed.join(' and ')}.` : `No visa is needed for ${name}'s trip.`];
  },
};

const passportValidity: Intent = {
  name: 'passport-validity',
  hard: true,
  matches: (text) => ASKS_PASSPORT_VALIDITY.test(text),
  plan(context) {
    const traveller = travellerOf(context);
    const trip = tripOf(context);
    if (!traveller.value) return traveller.lines;
    if (!trip.value) return trip.lines;
    const name = String(traveller.value.name);
    const expiry = String(traveller.value.passportExpiry);
    const destination = String(trip.value.destinationCountry);
    if (context.strength === 'weak') {
      return [expiry >= String(trip.value.endDate)
        ? `${name}'s passport is valid until ${expiry}, after the trip ends on ${String(trip.value.endDate)}, so it should be fine for the trip.`
        : `${name}'s passport expires on ${expiry}, before the trip ends on ${String(trip.value.endDate)}: it needs renewing.`];
    }
    const result = context.need('get_entry_requirements', { nationality: String(traveller.value.nationality), destination, purpose: 'visit' });
    if (result.status !== 'known') return [unavailable(result, `the entry requirements for ${countryName(destination)}`)];
    const validity = asRecord(asRecord(result.value).passportValidity);
    const segments = segmentsOf(trip.value);
    const leaving = segments.find((segment) => segment.originCountry === destination);
    const arriving = segments.find((segment) => segment.destinationCountry === destination);
    const from = validity.rule === 'beyond-arrival'
      ? String(arriving?.arrivalLocal ?? trip.value.startDate).slice(0, 10)
      : String(leaving?.date ?? trip.value.endDate);
    const until = addDays(from, Number(validity.days));
    const rule = `${countryName(destination)} requires it to be ${String(validity.text).charAt(0).toLowerCase()}${String(validity.text).slice(1).replace(/\.$/, '')}`;
    return expiry >= until
      ? [`Yes: ${rule} (until ${until}), and ${name}'s passport expires on ${expiry}.`]
      : [`No: ${rule}: that is until ${until} (${from} plus ${String(validity.days)} days), but ${name}'s passport expires on ${expiry}. ${name} needs to renew it before travelling.`];
  },
};

const rebookingChoice: Intent = {
  name: 'rebooking-choice',
  hard: true,
  matches: (text) => /\b(which flight should|what flight should|which (?:alternative|option)|best (?:option|alternative)|what should we (?:move|put|rebook))\b/i.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.value) return trip.lines;
    const segments = segmentsOf(trip.value);
    const named = flightNumbersIn(context.text).map((entry) => entry.flightNumber);
    const segment = segments.find((candidate) => named.includes(String(candidate.flightNumber))) ??
      segments.find((candidate) => candidate.status === 'cancelled by airline') ?? segments[0];
    if (!segment) return [`Trip ${String(trip.id)} has no flights.`];
    const result = context.need('search_flights', { origin: String(segment.origin), destination: String(segment.destination), date: String(segment.date), cabin: String(segment.cabin) });
    if (result.status !== 'known') return [unavailable(result, `flights from ${String(segment.origin)} to ${String(segment.destination)}`)];
    const offers = asList(asRecord(result.value).offers).map(asRecord).filter((offer) => offer.flightNumber !== segment.flightNumber && Number(offer.seatsLeft) > 0);
    const deadline = /\b(by|before|no later than)\s+\d/i.test(context.text) ? timeIn(context.text) : undefined;
    const operator = context.text.match(/\b([A-Z]{2})[- ]operated\b/)?.[1];
    const describe = (offer: Fields): string =>
      `${String(offer.flightNumber)}${offer.operatingCarrier !== offer.carrier ? ` (operated by ${String(offer.operatingCarrier)} as ${String(offer.operatingFlightNumber)})` : ''}: departs ${clock(offer.departureLocal)}, lands ${clock(offer.arrivalLocal)}, ${String(offer.seatsLeft)} seats left`;
    if (context.strength === 'weak') {
      const code = operator ?? String(segment.carrier);
      const pick = offers.find((offer) => String(offer.flightNumber).startsWith(code));
      return pick ? [`Put ${nameOf(context, trip.value.travellerId)} on ${describe(pick)}.`] : [`No ${code} flight has seats on ${String(segment.date)}.`];
    }
    const reasons: string[] = [];
    const fits = offers.filter((offer) => {
      if (operator && offer.operatingCarrier !== operator) {
        reasons.push(`${String(offer.flightNumber)} is operated by ${String(offer.operatingCarrier)}`);
        return false;
      }
      if (deadline && clock(offer.arrivalLocal) > deadline) {
        reasons.push(`${String(offer.flightNumber)} lands at ${clock(offer.arrivalLocal)}, after ${deadline}`);
        return false;
      }
      return true;
    });
    const pick = fits[0];
    return pick
      ? [`Put ${nameOf(context, trip.value.travellerId)} on ${describe(pick)}.${reasons.length > 0 ? ` Not suitable: ${reasons.join('; ')}.` : ''}`]
      : [`No flight on ${String(segment.date)} meets every constraint: ${reasons.join('; ')}.`];
  },
};

export const reasoningIntents: Intent[] = [connection, changeCost, refundEstimate, baggageFees, entry, passportValidity, rebookingChoice];
