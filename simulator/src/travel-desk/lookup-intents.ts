// The travel desk's lookups: questions a desk answers by reading records (profile, trips, itinerary, booking
// reference, flight status, hotel reservation, loyalty account, fare rules, baggage allowance, destination risk).
// Each plan says which records it needs; the brain turns the missing ones into tool calls.
import type { Intent, PlanContext } from '../brain/playbook.ts';
import { TRAVEL_DESK_TODAY } from './reference-date.ts';
import {
  flightsNamed, loyaltyAccountOf, needFareRules, needStatus, segmentsMeant, segmentsOf, travellerIdOf, travellerOf, tripOf,
} from './resolve.ts';
import { countriesIn, countryName, placesIn } from './understanding.ts';
import {
  asList, asRecord, clock, factLine, type Fields, flightId, idsIn, money, RECORD_LOCATOR, TRIP_ID, unavailable, when,
} from './vocabulary.ts';

/** Asks about a connection (reasoning-intents.ts's connection check answers it, not the status lookup). */
export const ASKS_CONNECTION = /\b(make|miss|catch)\b[^.?!]*\bconnection\b|\bconnection\b[^.?!]*\b(make|miss|catch|tight|enough time)\b/i;
export const ASKS_HOTEL_SEARCH = /\b(hotels? in|find (?:her |him |me |them )?(?:a )?hotel|needs? a hotel|hotel options|book (?:her |him )?a hotel)\b/i;

const profile: Intent = {
  name: 'traveller-profile',
  matches: (text) => /\b(profile|prefers?|preferences?|window or aisle|meal|nationality|passport number|contact details|e-?mail address|phone number)\b/i.test(text),
  plan(context) {
    const traveller = travellerOf(context);
    if (!traveller.id || !traveller.value) return traveller.lines;
    return [factLine(context, traveller.id, ['name', 'nationality', 'passportExpiry', 'email', 'seatPreference', 'mealPreference', 'homeAirport'])];
  },
};

const tripList: Intent = {
  name: 'trip-list',
  matches: (text) => /\b(trips|travel plans|booked with us|bookings)\b/i.test(text) && !TRIP_ID.test(text),
  plan(context) {
    const { id, lines } = travellerIdOf(context);
    if (!id) return lines;
    const result = context.need('list_trips', { travellerId: id }, { entity: id, attributes: ['trips'] });
    if (result.status !== 'known') return [unavailable(result, `the trips of traveller ${id}`)];
    const trips = idsIn(context.knowledge.entity(id)?.get('trips'));
    return [
      `Traveller ${id}: trips ${trips.length === 0 ? 'none' : trips.join(', ')}`,
      ...trips.map((trip) => factLine(context, trip, ['destinationCity', 'startDate', 'endDate', 'status', 'recordLocator'])),
    ];
  },
};

/** One flight segment as a desk reads it out. */
export function segmentLine(segment: Fields): string {
  return `${String(segment.flightNumber)} on ${String(segment.date)}: ${String(segment.originCity)} (${String(segment.origin)}) ${when(segment.departureLocal)} → ` +
    `${String(segment.destinationCity)} (${String(segment.destination)}) ${when(segment.arrivalLocal)}, ${String(segment.cabin)} ${String(segment.fareBrand)}, ` +
    `seat ${segment.seat === null || segment.seat === undefined ? 'not assigned' : String(segment.seat)}, ${String(segment.status)}`;
}

function tripHeader(context: PlanContext, tripId: string, trip: Fields): string {
  return context.knowledge.entity(tripId)?.has('recordLocator')
    ? factLine(context, tripId, ['travellerId', 'recordLocator', 'status', 'destinationCity', 'startDate', 'endDate'])
    : `Booking ${String(trip.recordLocator)}: trip ${tripId}`;
}

const ASKS_TIMES = /\b(when|what time)\b[^.?!]*\b(leaves?|depart\w*|lands?|arriv\w*|gets? in)\b/i;
const ASKS_ITINERARY = /\b(itinerary|walk me through|show me the flights|(?:her|his|their) flights|flights on|what'?s on it|what is on it)\b/i;

const itinerary: Intent = {
  name: 'itinerary',
  matches: (text) => ASKS_ITINERARY.test(text) || ASKS_TIMES.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.id || !trip.value) return trip.lines;
    if (ASKS_TIMES.test(context.text) && !ASKS_ITINERARY.test(context.text)) return segmentsMeant(trip.value, context.text).map(segmentLine);
    const hotels = asList(trip.value.hotelReservations).map((stay) => {
      const id = typeof stay === 'string' ? stay : String(asRecord(stay).id);
      return `${String(context.knowledge.entity(id)?.get('hotelName') ?? asRecord(stay).hotelName)} (${id})`;
    });
    return [
      tripHeader(context, trip.id, trip.value),
      ...segmentsOf(trip.value).map(segmentLine),
      hotels.length === 0 ? `No hotel on trip ${trip.id}.` : `Hotel: ${hotels.join(', ')}.`,
    ];
  },
};

const bookingReference: Intent = {
  name: 'booking-reference',
  matches: (text) => /\b(booking reference|record locator|pnr|confirmation code|airline reference)\b/i.test(text) && !RECORD_LOCATOR.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.id || !trip.value) return trip.lines;
    return [`Trip ${trip.id}: record locator ${String(trip.value.recordLocator)}`];
  },
};

function statusSentence(status: Fields): string {
  const name = `${String(status.flightNumber)} on ${String(status.date)}`;
  const gate = status.departureGate ? `, gate ${String(status.departureGate)}` : '';
  switch (status.status) {
    case 'cancelled':
      return `${name} is cancelled: ${String(status.remarks)}`;
    case 'landed':
      return `${name} has landed: arrived ${when(status.actualArrival)} (scheduled ${clock(status.scheduledArrival)})${status.arrivalGate ? `, gate ${String(status.arrivalGate)}` : ''}.`;
    case 'delayed':
      return status.estimatedDeparture
        ? `${name} is delayed: now departing ${clock(status.estimatedDeparture)} instead of ${clock(status.scheduledDeparture)} (${String(status.departureDelayMinutes)} minutes late)${gate}. ${String(status.remarks)}`
        : `${name} is delayed and the new departure time is to be advised: ${String(status.remarks)}`;
    default:
      return `${name} is on time: departs ${when(status.scheduledDeparture)} from terminal ${String(status.departureTerminal)}${gate}.`;
  }
}

/** The flights a status question means: named ones, the flight in focus, or segments of the trip. */
function statusTargets(context: PlanContext): { flights: { flightNumber: string; date: string }[]; lines: string[] } {
  const named = flightsNamed(context.text);
  if (named.length > 0) {
    const focusTrip = context.focus('trip');
    const segments = focusTrip ? asList(context.knowledge.entity(focusTrip)?.get('segments')).map(asRecord) : [];
    return {
      flights: named.map(({ flightNumber, date }) => ({
        flightNumber,
        date: date ?? String(segments.find((segment) => segment.flightNumber === flightNumber)?.date ?? TRAVEL_DESK_TODAY),
      })),
      lines: [],
    };
  }
  const aboutTrip = TRIP_ID.test(context.text) || RECORD_LOCATOR.test(context.text) || placesIn(context.text).length > 0 ||
    /\b(outbound|return|flight back|first flight|flying)\b/i.test(context.text);
  const focused = context.focus('flight');
  const known = focused ? context.knowledge.entity(focused) : undefined;
  if (!aboutTrip && known?.has('flightNumber')) return { flights: [{ flightNumber: String(known.get('flightNumber')), date: String(known.get('date')) }], lines: [] };
  const trip = tripOf(context);
  if (!trip.value) return { flights: [], lines: trip.lines };
  return { flights: segmentsMeant(trip.value, context.text).map((segment) => ({ flightNumber: String(segment.flightNumber), date: String(segment.date) })), lines: [] };
}

const lastPolled = (context: PlanContext): string | undefined =>
  context.knowledge.calls.findLast((call) => call.currentTurn && call.tool === 'get_flight_status')?.args.flightNumber as string | undefined;

const flightStatus: Intent = {
  name: 'flight-status',
  matches: (text) => /\b(on time|on schedule|delay\w*|how late|gate|status of|still showing|running late|departed|landed)\b/i.test(text) && !ASKS_CONNECTION.test(text),
  plan(context) {
    const { flights, lines } = statusTargets(context);
    if (flights.length === 0) return lines;
    return flights.flatMap(({ flightNumber, date }) => {
      const result = needStatus(context, flightNumber, date);
      if (result.status !== 'known') return [unavailable(result, `the status of ${flightNumber} on ${date}`)];
      const status = asRecord(result.value);
      const answer = [factLine(context, flightId(flightNumber, date), ['status', 'scheduledDeparture', 'estimatedDeparture', 'departureTerminal', 'departureGate']), statusSentence(status)];
      const inbound = status.inboundFlight;
      if (status.status !== 'delayed' || status.estimatedDeparture || typeof inbound !== 'string') return answer;
      // No new time yet, and the feed names the aircraft it waits for: look at that flight too. While neither has a
      // time, keep checking one and then the other for an update, as an agent watching a departure board does.
      const upstream = needStatus(context, inbound, date);
      if (upstream.status !== 'known') return [...answer, unavailable(upstream, `the status of the inbound flight ${inbound}`)];
      const inboundStatus = asRecord(upstream.value);
      if (inboundStatus.status === 'delayed' && !inboundStatus.estimatedDeparture) {
        if (lastPolled(context) === inbound) needStatus(context, flightNumber, date, true);
        else needStatus(context, inbound, date, true);
      }
      return [...answer, `Inbound aircraft: ${statusSentence(inboundStatus)}`];
    });
  },
};

const hotelReservation: Intent = {
  name: 'hotel-reservation',
  matches: (text) => /\bhotels?\b/i.test(text) && !ASKS_HOTEL_SEARCH.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.id || !trip.value) return trip.lines;
    const ids = idsIn(trip.value.hotelReservations);
    if (ids.length === 0) return [`Trip ${trip.id} has no hotel reservation.`];
    const asksCancellation = /\bcancel\w*|refundable|deadline|penalt/i.test(context.text);
    return ids.flatMap((id) => {
      const result = context.need('get_hotel_reservation', { reservationId: id }, { entity: id, attributes: ['nightlyRate', 'freeCancellationUntil', 'cancellationPenalty'] });
      if (result.status !== 'known') return [unavailable(result, `hotel reservation ${id}`)];
      const stay = asRecord(result.value);
      const until = typeof stay.freeCancellationUntil === 'string' ? stay.freeCancellationUntil : undefined;
      const lines = [
        `Hotel reservation ${id}: ${String(stay.hotelName)}, ${String(stay.city)}, check-in ${String(stay.checkIn)}, check-out ${String(stay.checkOut)} (${String(stay.nights)} nights), ` +
          `${money(Number(stay.nightlyRate), String(stay.currency))} a night, ${String(stay.ratePlan)}. ${String(stay.cancellationPenalty)}`,
      ];
      if (asksCancellation) {
        lines.push(until && until.slice(0, 10) >= TRAVEL_DESK_TODAY
          ? `It can still be cancelled free of charge until ${when(until)}.`
          : until ? `The free-cancellation deadline (${when(until)}) has passed.` : 'The rate is non-refundable.');
      }
      return lines;
    });
  },
};

const loyalty: Intent = {
  name: 'loyalty-account',
  matches: (text) => /\b(lounge|tier|miles|frequent flyer|loyalty|status benefits|with (?:her|his|their) status|horizon club|miles continental|meridian club|skyplus)\b/i.test(text),
  plan(context) {
    const traveller = travellerOf(context);
    if (!traveller.value) return traveller.lines;
    const focusTrip = context.focus('trip');
    const carrier = focusTrip ? asRecord(context.knowledge.entity(focusTrip)?.get('fare')).validatingCarrier : undefined;
    const account = loyaltyAccountOf(context, traveller.value, typeof carrier === 'string' ? carrier : undefined);
    if (!account.id || !account.value) return account.lines;
    return [
      factLine(context, account.id, ['programme', 'carrier', 'tier', 'tierValidUntil', 'miles']),
      `Lounge access: ${String(account.value.loungeAccess)}. Extra baggage: ${String(account.value.extraBaggage)}.`,
    ];
  },
};

/** The fare rules written out as a desk quotes them. */
export function fareRulesLine(rules: Fields): string {
  const currency = String(rules.currency);
  const waived = asList(rules.changeFeeWaivedForTiers).map(String);
  const change = Number(rules.changeFee) === 0
    ? 'changes are free (fare difference applies)'
    : `changes cost ${money(Number(rules.changeFee), currency)} per ticket plus any fare difference${waived.length > 0 ? ` (change fee waived for ${waived.join(' and ')} members)` : ''}`;
  const cancel = rules.refundable === 'fully'
    ? 'fully refundable'
    : rules.refundable === 'with fee'
      ? `refundable before departure less a ${money(Number(rules.cancellationFee), currency)} cancellation fee; the carrier surcharge is not refunded, taxes are`
      : 'non-refundable; only unused taxes come back';
  return `Fare rules ${String(rules.carrier)} ${String(rules.fareBasis)} (${String(rules.fareBrand)}): ${change}; cancellation: ${cancel}; no-show: ${String(rules.noShow)} Rebooking when the airline disrupts the flight: ${String(rules.involuntaryRebooking)}`;
}

const fareRules: Intent = {
  name: 'fare-rules',
  matches: (text) =>
    (/\b(fare (?:rules|conditions)|ticket (?:rules|conditions)|conditions on|change fee|cancellation (?:fee|penalty|charge)|refundable ticket|penalt\w*)\b/i.test(text) ||
      /\bcharge\b[^.?!]*\bcancel|\bcancel\w*\b[^.?!]*\b(fee|penalt\w*|charge)\b/i.test(text)) &&
    !/\bhotel\b/i.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.value) return trip.lines;
    const result = needFareRules(context, trip.value);
    return result.status === 'known' ? [fareRulesLine(asRecord(result.value))] : [unavailable(result, `the fare rules of trip ${String(trip.id)}`)];
  },
};

const baggageAllowance: Intent = {
  name: 'baggage-allowance',
  matches: (text) => /\b(bags?|baggage|luggage|suitcases?)\b/i.test(text) && !/\d\s?kg\b/i.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.value) return trip.lines;
    const segment = segmentsOf(trip.value)[0];
    if (!segment) return [`Trip ${String(trip.id)} has no flights.`];
    const args = { carrier: String(segment.carrier), cabin: String(segment.cabin), fareBrand: String(segment.fareBrand), origin: String(segment.origin), destination: String(segment.destination) };
    const result = context.need('get_baggage_allowance', args, { fields: ['checkedBags', 'maxWeightKg'] });
    if (result.status !== 'known') return [unavailable(result, 'the baggage allowance')];
    const rules = asRecord(result.value);
    const bags = Number(rules.checkedBags);
    const tiers = asList(rules.tierBonuses).map((bonus) => String(asRecord(bonus).tier));
    return [
      `Checked baggage on ${args.carrier} ${args.cabin} ${args.fareBrand}: ${bags === 0 ? 'no checked bag included' : `${bags} bag${bags > 1 ? 's' : ''} of up to ${String(rules.maxWeightKg)} kg`} per passenger; ` +
        `extra bags ${asList(rules.extraBagFees).map((fee) => money(Number(fee), String(rules.currency))).join(', then ')} each way.` +
        `${tiers.length > 0 ? ` ${tiers.join(', ')} members of the airline's programme get one more bag.` : ''}`,
    ];
  },
};

const risk: Intent = {
  name: 'destination-risk',
  matches: (text) => /\b(risk|security|safety)\b/i.test(text),
  plan(context) {
    let country = countriesIn(context.text)[0];
    if (!country) {
      const trip = tripOf(context);
      if (!trip.value) return trip.lines;
      country = String(trip.value.destinationCountry);
    }
    const result = context.need('get_destination_risk', { countryCode: country });
    if (result.status !== 'known') return [`No risk rating for ${countryName(country)} is available right now${result.status === 'failed' ? ` (${result.error})` : ''}.`];
    const rating = asRecord(result.value);
    const advisory = asRecord(asList(rating.advisories)[0]);
    return [`Risk rating for ${String(rating.country)}: overall ${String(rating.overallRisk)}, security ${String(rating.securityRisk)}. ${String(rating.summary)} Advisory: ${String(advisory.title)}: ${String(advisory.text)}`];
  },
};

export const lookupIntents: Intent[] = [profile, tripList, itinerary, bookingReference, flightStatus, hotelReservation, loyalty, fareRules, baggageAllowance, risk];
