// Finding what an agent's message is about: the traveller (an id, a name to look up, or the one the conversation is
// about), the trip (an id, a record locator, a destination among the traveller's trips, or the one in focus), the
// flight segments meant ("her outbound flight", "the Frankfurt–Warsaw flight", "the first flight out of Warsaw"), and
// live flight statuses. Each missing record becomes a tool call through `need`, dependent ones only once what they
// depend on is visible.
import type { NeedResult, PlanContext } from '../brain/playbook.ts';
import { TRAVEL_DESK_TODAY } from './reference-date.ts';
import { datesIn, emailIn, flightNumbersIn, personName, placesIn } from './understanding.ts';
import { asList, asRecord, type Fields, flightId, idsIn, RECORD_LOCATOR, TRAVELLER_ID, TRIP_ID, unavailable } from './vocabulary.ts';

export interface Found {
  id?: string;
  value?: Fields;
  lines: string[];
}

const missing = (lines: string[] = []): Found => ({ lines });

/** The traveller a message is about, by id only (no profile fetched). */
export function travellerIdOf(context: PlanContext): Found {
  const named = context.text.match(TRAVELLER_ID)?.[0];
  if (named) return { id: named, lines: [] };
  const who = emailIn(context.text) ?? personName(context.text);
  if (who) {
    const result = context.need('find_traveller', { query: who });
    if (result.status !== 'known') return missing([unavailable(result, `a traveller matching ${who}`)]);
    const first = asRecord(asList(asRecord(result.value).travellers)[0]).id;
    return typeof first === 'string' ? { id: first, lines: [] } : missing([`I could not find a traveller matching ${who}.`]);
  }
  const focused = context.focus('traveller');
  if (focused) return { id: focused, lines: [] };
  const trip = context.focus('trip');
  const owner = trip ? context.knowledge.entity(trip)?.get('travellerId') : undefined;
  return typeof owner === 'string'
    ? { id: owner, lines: [] }
    : missing(['Which traveller do you mean? Please give me their traveller ID (for example TR-2041) or full name.']);
}

/** The traveller's profile. */
export function needTraveller(context: PlanContext, travellerId: string): NeedResult {
  return context.need('get_traveller', { travellerId }, { entity: travellerId, attributes: ['nationality', 'passportExpiry', 'seatPreference', 'loyaltyAccounts'] });
}

/** The traveller a message is about, with the profile. */
export function travellerOf(context: PlanContext): Found {
  const { id, lines } = travellerIdOf(context);
  if (!id) return missing(lines);
  const result = needTraveller(context, id);
  return result.status === 'known' ? { id, value: asRecord(result.value), lines: [] } : missing([unavailable(result, `the profile of traveller ${id}`)]);
}

export function needTrip(context: PlanContext, tripId: string): NeedResult {
  return context.need('get_trip', { tripId }, { entity: tripId, attributes: ['segments', 'fare', 'travellerId'] });
}

function tripFound(context: PlanContext, tripId: string): Found {
  const result = needTrip(context, tripId);
  return result.status === 'known' ? { id: tripId, value: asRecord(result.value), lines: [] } : missing([unavailable(result, `trip ${tripId}`)]);
}

/** Whether a trip (as far as it is visible) goes to, from or through a place. */
function tripTouches(context: PlanContext, tripId: string, city: string): boolean {
  const trip = context.knowledge.entity(tripId);
  const places = [trip?.get('destinationCity'), ...asList(trip?.get('segments')).flatMap((segment) => [asRecord(segment).originCity, asRecord(segment).destinationCity])];
  return places.some((place) => typeof place === 'string' && place.toLowerCase().includes(city.toLowerCase()));
}

/**
 * The trip a message is about: a trip id; a record locator (a GDS retrieve; the weak model passes the locator to
 * `get_trip` as if it were a trip id, a plausible but wrong argument); a place among the trips the conversation shows
 * or the traveller's trip list; the trip in focus; else the traveller's next trip.
 */
export function tripOf(context: PlanContext): Found {
  const named = context.text.match(TRIP_ID)?.[0];
  if (named) return tripFound(context, named);
  const locator = context.text.match(RECORD_LOCATOR)?.[0];
  if (locator) {
    if (context.strength === 'weak') return tripFound(context, locator);
    const result = context.need('retrieve_pnr', { recordLocator: locator });
    return result.status === 'known'
      ? { id: String(asRecord(result.value).tripId), value: asRecord(result.value), lines: [] }
      : missing([unavailable(result, `a booking with record locator ${locator}`)]);
  }
  const places = placesIn(context.text);
  const focused = context.focus('trip');
  if (focused && (places.length === 0 || places.some((place) => tripTouches(context, focused, place.city)))) return tripFound(context, focused);
  const { id: travellerId, lines } = travellerIdOf(context);
  if (!travellerId) return missing(lines);
  const list = context.need('list_trips', { travellerId }, { entity: travellerId, attributes: ['trips'] });
  if (list.status !== 'known') return missing([unavailable(list, `the trips of traveller ${travellerId}`)]);
  const trips = idsIn(context.knowledge.entity(travellerId)?.get('trips'));
  const start = (id: string): string => String(context.knowledge.entity(id)?.get('startDate') ?? '');
  const upcoming = trips.filter((id) => start(id) >= TRAVEL_DESK_TODAY).sort((a, b) => start(a).localeCompare(start(b)));
  const byPlace = places.map((place) => [...upcoming, ...trips].find((id) => tripTouches(context, id, place.city))).find((id) => id !== undefined);
  const chosen = byPlace ?? upcoming[0];
  return chosen ? tripFound(context, chosen) : missing([`Traveller ${travellerId} has no upcoming trip${places.length > 0 ? ` to ${places.map((place) => place.city).join(' or ')}` : ''}.`]);
}

export const segmentsOf = (trip: Fields): Fields[] => asList(trip.segments).map(asRecord);

/** The segments after the traveller reaches the trip's destination: the way home. */
export function returnSegments(trip: Fields): Fields[] {
  const segments = segmentsOf(trip);
  const arrival = segments.findIndex((segment) => segment.destination === trip.destination || segment.destinationCountry === trip.destinationCountry);
  return arrival === -1 ? [] : segments.slice(arrival + 1);
}

const cityMatches = (value: unknown, city: string): boolean => typeof value === 'string' && value.toLowerCase().includes(city.toLowerCase());

/**
 * The segments a message means: named by flight number; "outbound"/"flying out" or "return"/"flying home"; by the
 * places around them ("the Frankfurt–Warsaw flight", "the first flight out of Warsaw", "her flight to Tokyo",
 * "leave San Francisco", "land in Tokyo"); else the next segment not yet flown.
 */
export function segmentsMeant(trip: Fields, text: string): Fields[] {
  const segments = segmentsOf(trip);
  const numbers = flightNumbersIn(text).map((entry) => entry.flightNumber);
  const byNumber = segments.filter((segment) => numbers.includes(String(segment.flightNumber)));
  if (byNumber.length > 0) return byNumber;
  if (/\b(return|flight back|flying (home|back)|fly (home|back)|way (home|back)|come back)\b/i.test(text)) return returnSegments(trip).slice(0, 1);
  if (/\b(outbound|flying out|way out)\b/i.test(text)) return segments.slice(0, 1);
  const origins: string[] = [];
  const destinations: string[] = [];
  for (const place of placesIn(text)) {
    const before = text.slice(Math.max(0, place.index - 14), place.index).toLowerCase();
    const after = /^[A-Za-zü ]+?\s?[–-]\s?[A-Z]/.test(text.slice(place.index));
    if (/\b(from|out of|leave|leaves|leaving|departing)\s+$/.test(before) || after) origins.push(place.city);
    else if (/\b(to|into|in|at)\s+$/.test(before) || /[–-]\s?$/.test(before)) destinations.push(place.city);
    else destinations.push(place.city);
  }
  const matching = segments.filter(
    (segment) =>
      origins.every((city) => cityMatches(segment.originCity, city)) &&
      destinations.every((city) => cityMatches(segment.destinationCity, city)),
  );
  if ((origins.length > 0 || destinations.length > 0) && matching.length > 0) return matching.slice(0, 1);
  const upcoming = segments.filter((segment) => String(segment.date) >= TRAVEL_DESK_TODAY && segment.status !== 'flown');
  return (upcoming.length > 0 ? upcoming : segments).slice(0, 1);
}

/** Flights named in a message with the date written after each one ("HC 1347 today, and PQ 317 on the 19th"). */
export function flightsNamed(text: string): { flightNumber: string; date?: string }[] {
  const numbers = flightNumbersIn(text);
  const dates = datesIn(text);
  return numbers.map((entry, index) => {
    const next = numbers[index + 1]?.index ?? text.length;
    const own = dates.find((date) => date.index > entry.index && date.index < next) ?? (numbers.length === 1 ? dates[0] : undefined);
    return { flightNumber: entry.flightNumber, ...(own ? { date: own.date } : {}) };
  });
}

/** The live status of one flight; `repeat` asks again although a status is visible (polling). */
export function needStatus(context: PlanContext, flightNumber: string, date: string, repeat = false): NeedResult {
  return context.need('get_flight_status', { flightNumber, date }, { entity: flightId(flightNumber, date), attributes: ['status', 'scheduledDeparture'], repeat });
}

/** The fare rules of a trip's ticket (validating carrier and fare basis from the trip's fare). */
export function needFareRules(context: PlanContext, trip: Fields): NeedResult {
  const fare = asRecord(trip.fare);
  return context.need('get_fare_rules', { carrier: String(fare.validatingCarrier), fareBasis: String(fare.fareBasis) }, { fields: ['changeFee', 'refundable', 'cancellationFee'] });
}

/** The traveller's loyalty account, preferring the programme of `carrier`. */
export function loyaltyAccountOf(context: PlanContext, traveller: Fields, carrier?: string): Found {
  const ids = idsIn(traveller.loyaltyAccounts);
  if (ids.length === 0) return missing(['There is no loyalty account on the profile.']);
  const carrierOf = (id: string): unknown =>
    context.knowledge.entity(id)?.get('carrier') ?? asRecord(asList(traveller.loyaltyAccounts).find((account) => asRecord(account).id === id)).carrier;
  const accountId = ids.find((id) => carrierOf(id) === carrier) ?? (ids[0] as string);
  const result = context.need('get_loyalty_account', { accountId }, { entity: accountId, attributes: ['tier', 'miles', 'loungeAccess'] });
  return result.status === 'known' ? { id: accountId, value: asRecord(result.value), lines: [] } : missing([unavailable(result, `loyalty account ${accountId}`)]);
}
