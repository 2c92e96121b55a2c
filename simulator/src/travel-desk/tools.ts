// The travel desk's tools as plain objects any framework can wrap (see workload-tool.ts): each stands for a service
// a corporate travel desk calls, with that service's typical median latency before `latencyScale`. Vendors publish
// rate limits rather than latency figures; these are the medians such calls commonly show from a cloud region over
// a reused TLS connection, not their tails:
//
// | tool                    | stands for                                                        | latency  |
// |-------------------------|-------------------------------------------------------------------|----------|
// | get_traveller           | TMC traveller-profile read (Concur/Navan-style REST)              |   250 ms |
// | find_traveller          | profile search by name or email                                   |   350 ms |
// | list_trips              | the TMC's trip index for a traveller                              |   400 ms |
// | get_trip                | itinerary read: the TMC fronting the GDS record                   |   450 ms |
// | retrieve_pnr            | GDS record retrieve by locator (Amadeus/Sabre-style)              |   700 ms |
// | get_flight_status       | flight-status feed (AeroAPI/Cirium-style)                         |   350 ms |
// | search_flights          | GDS availability and pricing (shopping is slow: 1–3 s is usual)   | 1,800 ms |
// | get_fare_rules          | GDS fare-rules display by fare basis                              |   600 ms |
// | get_baggage_allowance   | carrier baggage rules (static JSON behind a CDN)                  |   200 ms |
// | get_entry_requirements  | Timatic-style entry rules                                         |   800 ms |
// | get_hotel_reservation   | hotel CRS reservation read (SynXis-style)                         |   500 ms |
// | search_hotels           | hotel aggregator search (Expedia Rapid/Hotelbeds-style)           | 1,200 ms |
// | get_loyalty_account     | airline loyalty API                                               |   300 ms |
// | get_seat_map            | airline seat map (NDC SeatAvailability)                           |   650 ms |
// | search_travel_policy    | search over the company's travel policy (embedding + vector query)|   450 ms |
// | get_destination_risk    | travel-risk intelligence service: very slow, and optional         | 5,000 ms |
// | request_refund          | refund request to the airline via the GDS queue (a write)         |   700 ms |
// | rebook_flight           | exchange and reissue of a ticket (a write)                        | 1,200 ms |
//
// The two writes are neither idempotent nor read-only and keep state per tool set, as the real services do: a
// second refund request for the same trip, or a second rebooking of the same segment, is refused with a conflict.
import { z } from 'zod';
import { defineWorkloadTool, latencyScaleOf, type WorkloadTool, type WorkloadToolOptions } from '../workload-tool.ts';
import { hotelReservations, loyaltyAccounts, travellers, type Trip, trips } from './data.ts';
import { HOTEL_PAGE_SIZE, hotelCity, searchInventory } from './hotel-inventory.ts';
import { baggageRulesFor, entryRequirementsFor, fareRules, riskRatings, travelPolicy } from './rules.ts';
import {
  addDays, airports, availability, type Cabin, cancellations, carriers, SCHEDULE_END, schedule, type ScheduledFlight, statusOverrides, TODAY,
} from './schedule.ts';
import { seeded, seedOf } from './seeded-random.ts';
import { TravelDeskConflictError, TravelDeskNotFoundError, TravelDeskUpstreamError } from './travel-desk-error.ts';

export type TravelDeskTool<Parameters extends z.ZodObject = z.ZodObject> = WorkloadTool<Parameters>;
export type TravelDeskToolOptions = WorkloadToolOptions;

function find<T extends { id: string }>(records: readonly T[], id: string, what: string): T {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) throw new TravelDeskNotFoundError(`${what} ${id} not found`);
  return record;
}

/** "HC 1347", "hc1347" → "HC1347", as flight-status APIs accept them. */
const normalizeFlightNumber = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

function scheduledFlight(flightNumber: string): ScheduledFlight {
  const wanted = normalizeFlightNumber(flightNumber);
  const found = schedule.find((candidate) => candidate.flightNumber === wanted || candidate.operatingFlightNumber === wanted);
  if (!found) throw new TravelDeskNotFoundError(`Flight ${wanted} not found in the schedule`);
  return found;
}

function airport(code: string) {
  const found = airports.find((candidate) => candidate.code === code.toUpperCase());
  if (!found) throw new TravelDeskNotFoundError(`Airport ${code} not found`);
  return found;
}

const terminalOf = (code: string, carrier: string): string => {
  const terminals = airport(code).terminals;
  return terminals[(carrier.charCodeAt(0) + carrier.charCodeAt(1)) % terminals.length] as string;
};
const minutesBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}Z`) - Date.parse(`${from}Z`)) / 60_000);

/** The status feed's record for one flight on one date. */
function flightStatus(flightNumber: string, date: string) {
  const flight = scheduledFlight(flightNumber);
  if (date < addDays(TODAY, -7) || date > SCHEDULE_END) {
    throw new TravelDeskNotFoundError(`No status for ${flight.flightNumber} on ${date}: the feed covers ${addDays(TODAY, -7)} to ${SCHEDULE_END}`);
  }
  const override = statusOverrides.find((candidate) => candidate.flightNumber === flight.flightNumber && candidate.date === date);
  const scheduledDeparture = `${date}T${flight.departure}`;
  const scheduledArrival = `${addDays(date, flight.arrivalDayOffset)}T${flight.arrival}`;
  const past = date < TODAY;
  const status = override?.status ?? (past ? 'landed' : 'scheduled');
  const estimatedDeparture = override && 'estimatedDeparture' in override ? (override.estimatedDeparture ?? null) : past ? null : scheduledDeparture;
  const estimatedArrival = override && 'estimatedArrival' in override ? (override.estimatedArrival ?? null) : past ? null : scheduledArrival;
  const actualDeparture = override?.actualDeparture ?? (past ? scheduledDeparture : null);
  const actualArrival = override?.actualArrival ?? (past ? scheduledArrival : null);
  const departed = actualDeparture ?? estimatedDeparture;
  const arrived = actualArrival ?? estimatedArrival;
  const origin = airport(flight.origin);
  const destination = airport(flight.destination);
  return {
    id: `${flight.flightNumber}-${date.replaceAll('-', '')}`,
    flightNumber: flight.flightNumber,
    date,
    status,
    origin: flight.origin,
    destination: flight.destination,
    scheduledDeparture,
    estimatedDeparture,
    actualDeparture,
    scheduledArrival,
    estimatedArrival,
    actualArrival,
    departureDelayMinutes: status === 'cancelled' || departed === null ? null : minutesBetween(scheduledDeparture, departed),
    arrivalDelayMinutes: status === 'cancelled' || arrived === null ? null : minutesBetween(scheduledArrival, arrived),
    departureTerminal: terminalOf(flight.origin, flight.operatingCarrier),
    departureGate: override?.departureGate ?? null,
    arrivalTerminal: terminalOf(flight.destination, flight.operatingCarrier),
    arrivalGate: override?.arrivalGate ?? null,
    baggageClaim: override?.baggageClaim ?? null,
    remarks: override?.remarks ?? (past ? 'Landed on time.' : 'On time. The gate is shown about 90 minutes before departure.'),
    inboundFlight: override?.inboundFlight ?? null,
    operatingCarrier: flight.operatingCarrier,
    operatingFlightNumber: flight.operatingFlightNumber,
    codeshares: flight.operatingFlightNumber === flight.flightNumber ? [] : [flight.flightNumber],
    aircraftType: flight.aircraft,
    registration: override?.registration ?? null,
    originAirport: { code: origin.code, name: origin.name, city: origin.city, timezone: origin.timezone },
    destinationAirport: { code: destination.code, name: destination.name, city: destination.city, timezone: destination.timezone },
    scheduledDurationMinutes: flight.durationMinutes,
    progressPercent: status === 'landed' ? 100 : 0,
    lastUpdated: `${TODAY}T09:55:00Z`,
    source: 'Simulated flight-status feed (airline and airport data)',
  };
}

/** Seats the shopping engine can sell on a flight in a cabin on a date (9 is the most a GDS shows). */
function seatsLeft(flightNumber: string, cabin: Cabin, date: string): number {
  const limited = availability.find(
    (entry) => entry.flightNumbers.includes(flightNumber) && entry.cabin === cabin && date >= entry.from && date <= entry.to,
  );
  return limited?.seats ?? 9;
}

const isCancelled = (flightNumber: string, date: string): boolean =>
  cancellations.some((entry) => entry.flightNumber === flightNumber && entry.date === date);

const BOOKING_CLASS: Record<Cabin, string> = { economy: 'V', premium: 'W', business: 'J' };

function searchFlights(origin: string, destination: string, date: string, cabin: Cabin) {
  airport(origin);
  airport(destination);
  if (date < TODAY || date > SCHEDULE_END) {
    throw new TravelDeskNotFoundError(`No flights are sold for ${date}: the schedule runs from ${TODAY} to ${SCHEDULE_END}`);
  }
  const route = schedule.filter((flight) => flight.origin === origin.toUpperCase() && flight.destination === destination.toUpperCase());
  const cabinsOffered = [...new Set(route.flatMap((flight) => flight.cabins))];
  const operating = route.filter((flight) => flight.cabins.includes(cabin) && !isCancelled(flight.flightNumber, date));
  const offers = operating
    .map((flight) => ({ flight, seats: seatsLeft(flight.flightNumber, cabin, date) }))
    .filter(({ seats }) => seats > 0)
    .sort((a, b) => a.flight.departure.localeCompare(b.flight.departure))
    .map(({ flight, seats }) => ({
      offerId: `OF-${flight.flightNumber}-${date.replaceAll('-', '')}-${cabin.slice(0, 1).toUpperCase()}`,
      flightNumber: flight.flightNumber,
      carrier: flight.carrier,
      operatingCarrier: flight.operatingCarrier,
      operatingFlightNumber: flight.operatingFlightNumber,
      departureLocal: `${date}T${flight.departure}`,
      arrivalLocal: `${addDays(date, flight.arrivalDayOffset)}T${flight.arrival}`,
      durationMinutes: flight.durationMinutes,
      stops: 0,
      aircraft: flight.aircraft,
      cabin,
      bookingClass: BOOKING_CLASS[cabin],
      seatsLeft: seats,
      fare: { amount: flight.fares[cabin] as number, currency: flight.currency, taxesIncluded: false },
      fareBrand: cabin === 'business' ? 'Business' : 'Standard',
      refundable: false,
      offerExpiresAt: `${TODAY}T23:59:00Z`,
    }));
  const soldOut = operating.length > 0 && offers.length === 0;
  return {
    origin: origin.toUpperCase(),
    destination: destination.toUpperCase(),
    date,
    cabin,
    count: offers.length,
    soldOut,
    cabinsOffered,
    notice: route.length === 0
      ? 'No direct service on this route in the schedule.'
      : soldOut
        ? `All ${operating.length} flights on ${date} are sold out in ${cabin}.`
        : cabinsOffered.includes(cabin) ? null : `No ${cabin} cabin on this route.`,
    offers,
    searchedAt: `${TODAY}T10:00:00Z`,
    provider: 'Simulated GDS shopping (direct flights only)',
  };
}

const ECONOMY_LAYOUTS: Record<string, [letters: string, firstRow: number, lastRow: number]> = {
  wide: ['ABCDEFGHK', 30, 52],
  narrow: ['ABCDEF', 8, 32],
  regional: ['ACDF', 3, 18],
};

function seatMap(flightNumber: string, date: string, cabin: Cabin) {
  const flight = scheduledFlight(flightNumber);
  if (flight.operatingCarrier === 'SD') {
    throw new TravelDeskUpstreamError(`Seat map service of Sundara Air (SD) timed out after 10 s (upstream HTTP 504) for ${flight.flightNumber} on ${date}; try again later`);
  }
  if (!flight.cabins.includes(cabin)) throw new TravelDeskNotFoundError(`${flight.flightNumber} has no ${cabin} cabin`);
  const size = /ATR|A220/.test(flight.aircraft) ? 'regional' : /A3[2]\d|737/.test(flight.aircraft) ? 'narrow' : 'wide';
  const [letters, firstRow, lastRow] = cabin === 'economy' ? ECONOMY_LAYOUTS[size] as [string, number, number] : ['ACDGHK', 1, 8] as [string, number, number];
  const random = seeded(seedOf(`${flight.flightNumber} ${date} ${cabin}`));
  const free: string[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    for (const letter of letters) if (random() < 0.18) free.push(`${row}${letter}`);
  }
  return {
    flightNumber: flight.flightNumber,
    date,
    cabin,
    aircraft: flight.aircraft,
    layout: letters.length === 9 ? '3-3-3' : letters.length === 6 ? '3-3' : '2-2',
    rows: `${firstRow}-${lastRow}`,
    availableCount: free.length,
    availableSeats: free,
    exitRows: [firstRow + 4, firstRow + 5].map(String),
    seatFees: { standard: 0, preferred: 25, extraLegroom: 65, currency: flight.currency },
    note: 'Seats in exit rows need a passenger who is able and willing to assist in an evacuation.',
  };
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'our', 'with', 'about', 'what', 'does', 'can', 'are', 'his', 'her', 'their', 'you', 'any', 'from', 'that', 'this', 'will', 'say', 'says']);
const stem = (word: string): string => word.toLowerCase().replace(/(ing|ed|es|s)$/, '');
const policyWords = (text: string): Set<string> =>
  new Set((text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((word) => !STOP_WORDS.has(word)).map(stem));

/** The sections sharing the most words with the query, best first, at most three (a search always ranks something). */
function searchPolicy(query: string) {
  const wanted = policyWords(query);
  return travelPolicy
    .map((section) => {
      const have = policyWords(`${section.title} ${section.text}`);
      return { section, score: wanted.size === 0 ? 0 : [...wanted].filter((word) => have.has(word)).length / wanted.size };
    })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.section.id.localeCompare(b.section.id))
    .slice(0, 3)
    .map(({ section, score }) => ({ ...section, score: Math.round(score * 1000) / 1000 }));
}

function tripSummary(trip: Trip) {
  return {
    id: trip.id,
    status: trip.status,
    destinationCity: trip.destinationCity,
    destinationCountry: trip.destinationCountry,
    startDate: trip.startDate,
    endDate: trip.endDate,
    purpose: trip.purpose,
    recordLocator: trip.recordLocator,
    segmentCount: trip.segments.length,
    hotelCount: trip.hotelReservations.length,
    totalFare: trip.fare.total,
    currency: trip.fare.currency,
  };
}

/** The GDS record behind a trip, as a GDS retrieve returns it (the TMC maps its segments to the same shape). */
function pnrOf(trip: Trip) {
  const traveller = find(travellers, trip.travellerId, 'Traveller');
  return {
    recordLocator: trip.recordLocator,
    tripId: trip.id,
    travellerId: trip.travellerId,
    gds: 'Amadeus (simulated)',
    officeId: 'LONNW28AA',
    createdAt: trip.bookedAt,
    passengers: [{ name: traveller.passport.nameOnPassport, type: 'ADT', frequentFlyer: traveller.loyaltyAccounts.map((account) => `${account.carrier} ${account.memberNumber.replaceAll(' ', '')}`) }],
    segments: trip.segments,
    tickets: trip.fare.ticketNumbers.map((number) => ({ number, status: trip.status === 'completed' ? 'used' : 'open', issuedAt: trip.fare.issuedAt })),
    fare: trip.fare,
    specialServiceRequests: [
      ...(traveller.mealPreference.includes('(') ? [`${traveller.mealPreference.slice(-5, -1)} on all flights`] : []),
      `DOCS ${traveller.nationality}/${traveller.passport.number}/${traveller.passportExpiry}`,
      `CTCE ${traveller.email.toUpperCase()}`,
    ],
    remarks: trip.agencyNotes,
    receivedFrom: trip.bookedBy,
  };
}

/**
 * Creates the travel-desk tools. The two writes (`request_refund`, `rebook_flight`) remember what they did within
 * this tool set: create a fresh set for each run of a task.
 *
 * @example
 * const tools = createTravelDeskTools({ latencyScale: 0.01 });
 * const getTrip = tools.find((tool) => tool.name === 'get_trip')!;
 * await getTrip.execute({ tripId: 'TP-30417' }, { signal: AbortSignal.timeout(1000) });
 */
export function createTravelDeskTools(options: TravelDeskToolOptions = {}): TravelDeskTool[] {
  const scale = latencyScaleOf(options);
  const readOnly = { idempotent: true, readOnly: true } as const;
  const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
  const travellerId = z.string().describe('Traveller id, e.g. TR-2041');
  const tripId = z.string().describe('Trip id, e.g. TP-30417');
  const flightNumber = z.string().min(3).describe('Carrier code and number, e.g. HC1347');
  const cabin = z.enum(['economy', 'premium', 'business']);
  const refundRequests = new Map<string, string>();
  const rebookings = new Map<string, string>();
  return [
    defineWorkloadTool(scale, {
      name: 'get_traveller',
      description: "Get a traveller's profile: nationality, passport expiry, seat and meal preferences, visas held, loyalty accounts, contact details.",
      parameters: z.object({ travellerId }),
      latencyMs: 250,
      ...readOnly,
      run: ({ travellerId: id }) => find(travellers, id, 'Traveller'),
    }),
    defineWorkloadTool(scale, {
      name: 'find_traveller',
      description: 'Find travellers by (part of) their name or their email address; returns their ids.',
      parameters: z.object({ query: z.string().min(2).describe('A name or email, e.g. Priya Raman') }),
      latencyMs: 350,
      ...readOnly,
      run: ({ query }) => {
        const wanted = query.trim().toLowerCase();
        const found = travellers
          .filter((traveller) => traveller.name.toLowerCase().includes(wanted) || traveller.email === wanted)
          .map(({ id, name, email, nationality, homeAirport, company, department, travelPolicyGroup }) => ({ id, name, email, nationality, homeAirport, company, department, travelPolicyGroup }));
        return { query, count: found.length, travellers: found };
      },
    }),
    defineWorkloadTool(scale, {
      name: 'list_trips',
      description: "List a traveller's trips (upcoming and past) with destination, dates, status and record locator; no flight details.",
      parameters: z.object({ travellerId }),
      latencyMs: 400,
      ...readOnly,
      run: ({ travellerId: id }) => {
        find(travellers, id, 'Traveller');
        const own = trips.filter((trip) => trip.travellerId === id).sort((a, b) => b.startDate.localeCompare(a.startDate));
        return { travellerId: id, count: own.length, trips: own.map(tripSummary) };
      },
    }),
    defineWorkloadTool(scale, {
      name: 'get_trip',
      description: 'Get a trip by its trip id: flight segments (flight numbers, dates, times, cabin, fare basis, seats, connections), hotel reservations, the ticketed fare with taxes, payment and approval.',
      parameters: z.object({ tripId }),
      latencyMs: 450,
      ...readOnly,
      run: ({ tripId: id }) => find(trips, id, 'Trip'),
    }),
    defineWorkloadTool(scale, {
      name: 'retrieve_pnr',
      description: 'Retrieve a booking from the GDS by its six-character airline record locator (booking reference), e.g. K7QX2M; returns the trip id, segments, tickets and fare.',
      parameters: z.object({ recordLocator: z.string().length(6).describe('Record locator, e.g. K7QX2M') }),
      latencyMs: 700,
      ...readOnly,
      run: ({ recordLocator }) => {
        const trip = trips.find((candidate) => candidate.recordLocator === recordLocator.toUpperCase());
        if (!trip) throw new TravelDeskNotFoundError(`Record locator ${recordLocator} not found`);
        return pnrOf(trip);
      },
    }),
    defineWorkloadTool(scale, {
      name: 'get_flight_status',
      description: 'Live status of one flight on one date: scheduled, estimated and actual times, delay, gate, terminal, remarks.',
      parameters: z.object({ flightNumber, date: date.describe('Local departure date, e.g. 2026-12-17') }),
      latencyMs: 350,
      ...readOnly,
      run: ({ flightNumber: number, date: day }) => flightStatus(number, day),
    }),
    defineWorkloadTool(scale, {
      name: 'search_flights',
      description: 'Search bookable direct flights between two airports on one date in one cabin, with seats left and fares. Sold-out flights are not offered. Slow.',
      parameters: z.object({
        origin: z.string().length(3).describe('IATA airport code, e.g. FRA'),
        destination: z.string().length(3).describe('IATA airport code, e.g. JFK'),
        date: date.describe('Departure date, e.g. 2026-12-18'),
        cabin: cabin.default('economy'),
      }),
      latencyMs: 1800,
      ...readOnly,
      run: ({ origin, destination, date: day, cabin: wanted }) => searchFlights(origin, destination, day, wanted),
    }),
    defineWorkloadTool(scale, {
      name: 'get_fare_rules',
      description: 'Fare rules for a fare basis on a carrier: change and cancellation fees, refundability, fee waivers by loyalty tier, rebooking rules.',
      parameters: z.object({ carrier: z.string().length(2).describe('Validating carrier code, e.g. PQ'), fareBasis: z.string().min(3).describe('Fare basis, e.g. MSTDGB') }),
      latencyMs: 600,
      ...readOnly,
      run: ({ carrier, fareBasis }) => {
        const rules = fareRules.find((candidate) => candidate.carrier === carrier.toUpperCase() && candidate.fareBasis === fareBasis.toUpperCase());
        if (!rules) throw new TravelDeskNotFoundError(`Fare rules for ${carrier} ${fareBasis} not found`);
        return rules;
      },
    }),
    defineWorkloadTool(scale, {
      name: 'get_baggage_allowance',
      description: "A carrier's checked-baggage allowance and fees for a cabin and fare brand on a route: free bags, weight limit, extra-bag and overweight fees, loyalty-tier bonuses.",
      parameters: z.object({
        carrier: z.string().length(2),
        cabin,
        fareBrand: z.string().min(2).describe('Fare brand, e.g. Standard, Light, Flex'),
        origin: z.string().length(3),
        destination: z.string().length(3),
      }),
      latencyMs: 200,
      ...readOnly,
      run: ({ carrier, cabin: wanted, fareBrand, origin, destination }) => {
        const code = carrier.toUpperCase();
        const [from, to] = [origin.toUpperCase(), destination.toUpperCase()];
        const route = schedule.find((flight) => flight.carrier === code && ((flight.origin === from && flight.destination === to) || (flight.origin === to && flight.destination === from)));
        if (!route) throw new TravelDeskNotFoundError(`No ${code} route between ${from} and ${to}`);
        const rules = baggageRulesFor(code, wanted, fareBrand, { origin: from, destination: to, durationMinutes: route.durationMinutes });
        if (!rules) throw new TravelDeskNotFoundError(`Baggage rules for ${code} ${wanted} ${fareBrand} not found`);
        return rules;
      },
    }),
    defineWorkloadTool(scale, {
      name: 'get_entry_requirements',
      description: 'Entry requirements for a nationality at a destination country, for a visit or a transit (changing planes): visa or travel authorisation, passport validity, arrival formalities.',
      parameters: z.object({
        nationality: z.string().length(2).describe('ISO country code of the passport, e.g. IN'),
        destination: z.string().length(2).describe('ISO code of the country entered or transited, e.g. SG'),
        purpose: z.enum(['visit', 'transit']).default('visit'),
      }),
      latencyMs: 800,
      ...readOnly,
      run: ({ nationality, destination, purpose }) => {
        const rules = entryRequirementsFor(nationality.toUpperCase(), destination.toUpperCase(), purpose);
        if (!rules) throw new TravelDeskNotFoundError(`No entry requirements for ${nationality} passports at ${destination} (${purpose})`);
        return rules;
      },
    }),
    defineWorkloadTool(scale, {
      name: 'get_hotel_reservation',
      description: 'Get a hotel reservation: hotel, dates, rate, cancellation deadline and penalty, payment, confirmation number.',
      parameters: z.object({ reservationId: z.string().describe('Hotel reservation id, e.g. HR-71204') }),
      latencyMs: 500,
      ...readOnly,
      run: ({ reservationId }) => find(hotelReservations, reservationId, 'Hotel reservation'),
    }),
    defineWorkloadTool(scale, {
      name: 'search_hotels',
      description: `Search hotels with rates for a city and dates. ${HOTEL_PAGE_SIZE} results per page; sortBy recommended (default), price (cheapest first) or rating; optional maxNightlyRate. Slow.`,
      parameters: z
        .object({
          city: z.string().min(2),
          checkIn: date,
          checkOut: date,
          sortBy: z.enum(['recommended', 'price', 'rating']).default('recommended'),
          page: z.number().int().min(1).default(1),
          maxNightlyRate: z.number().positive().optional(),
        })
        .refine((search) => search.checkOut > search.checkIn, { message: 'checkOut must be after checkIn', path: ['checkOut'] }),
      latencyMs: 1200,
      ...readOnly,
      run: ({ city, ...search }) => {
        const inventory = hotelCity(city);
        if (!inventory) throw new TravelDeskNotFoundError(`No hotel inventory for city ${city}`);
        return searchInventory(inventory, search);
      },
    }),
    defineWorkloadTool(scale, {
      name: 'get_loyalty_account',
      description: "An airline loyalty account by its id (from the traveller's profile): tier, tier validity, miles, lounge access, baggage and other benefits.",
      parameters: z.object({ accountId: z.string().describe('Loyalty account id, e.g. LY-604118') }),
      latencyMs: 300,
      ...readOnly,
      run: ({ accountId }) => find(loyaltyAccounts, accountId, 'Loyalty account'),
    }),
    defineWorkloadTool(scale, {
      name: 'get_seat_map',
      description: 'Free seats on a flight on a date in a cabin, from the operating airline. Some airlines\' seat-map services are unreliable.',
      parameters: z.object({ flightNumber, date, cabin: cabin.default('economy') }),
      latencyMs: 650,
      ...readOnly,
      run: ({ flightNumber: number, date: day, cabin: wanted }) => seatMap(number, day, wanted),
    }),
    defineWorkloadTool(scale, {
      name: 'search_travel_policy',
      description: "Search the company's travel policy; returns the best-matching sections (always some, even when none is about the question).",
      parameters: z.object({ query: z.string().min(2) }),
      latencyMs: 450,
      ...readOnly,
      run: ({ query }) => {
        const sections = searchPolicy(query);
        return { query, count: sections.length, sections };
      },
    }),
    defineWorkloadTool(scale, {
      name: 'get_destination_risk',
      description: 'Travel-risk rating and current advisories for a country from the risk-intelligence service. Very slow; optional for most answers.',
      parameters: z.object({ countryCode: z.string().length(2).describe('ISO country code, e.g. JP') }),
      latencyMs: 5000,
      ...readOnly,
      run: ({ countryCode }) => {
        const rating = riskRatings.find((candidate) => candidate.countryCode === countryCode.toUpperCase());
        if (!rating) throw new TravelDeskNotFoundError(`No risk rating for country ${countryCode}`);
        return rating;
      },
    }),
    defineWorkloadTool(scale, {
      name: 'request_refund',
      description: 'Submit a refund request for all unused tickets of a trip to the airline. Creates a request: not safe to repeat.',
      parameters: z.object({ tripId, reason: z.string().min(3) }),
      latencyMs: 700,
      idempotent: false,
      readOnly: false,
      run: ({ tripId: id, reason }) => {
        const trip = find(trips, id, 'Trip');
        if (trip.status === 'completed') throw new TravelDeskConflictError(`Trip ${id} is completed: its tickets are used and cannot be refunded`);
        const open = refundRequests.get(id);
        if (open) throw new TravelDeskConflictError(`A refund request (${open}) is already open for trip ${id}`);
        const requestId = `RF-${id.slice(3)}-01`;
        refundRequests.set(id, requestId);
        return {
          refundRequestId: requestId,
          tripId: id,
          status: 'submitted',
          ticketNumbers: trip.fare.ticketNumbers,
          reason,
          estimatedRefund: null,
          note: 'The airline calculates the refund under the fare rules and answers within 7 working days; the refund goes back to the original form of payment.',
          hotelReservations: 'Not cancelled by a refund request: cancel each hotel reservation separately.',
          queue: `${trip.fare.validatingCarrier} refunds (GDS queue 77)`,
          submittedAt: `${TODAY}T10:05:00Z`,
        };
      },
    }),
    defineWorkloadTool(scale, {
      name: 'rebook_flight',
      description: 'Move one flight segment of a trip to another flight on the same route (exchange and reissue of the ticket). Changes the booking: not safe to repeat.',
      parameters: z.object({
        tripId,
        segment: z.number().int().min(1).describe('Segment number in the trip, e.g. 1'),
        flightNumber: flightNumber.describe('The new flight, e.g. HC404'),
        date: date.describe('Date of the new flight'),
      }),
      latencyMs: 1200,
      idempotent: false,
      readOnly: false,
      run: ({ tripId: id, segment: number, flightNumber: wanted, date: day }) => {
        const trip = find(trips, id, 'Trip');
        const segment = trip.segments.find((candidate) => candidate.segment === number);
        if (!segment) throw new TravelDeskNotFoundError(`Trip ${id} has no segment ${number}`);
        const flight = scheduledFlight(wanted);
        if (flight.origin !== segment.origin || flight.destination !== segment.destination) {
          throw new TravelDeskConflictError(`${flight.flightNumber} flies ${flight.origin}-${flight.destination}, not ${segment.origin}-${segment.destination}`);
        }
        if (isCancelled(flight.flightNumber, day)) throw new TravelDeskConflictError(`${flight.flightNumber} does not operate on ${day}`);
        if (seatsLeft(flight.flightNumber, segment.cabin, day) === 0) throw new TravelDeskConflictError(`${flight.flightNumber} on ${day} is sold out in ${segment.cabin}`);
        const key = `${id}/${number}`;
        const done = rebookings.get(key);
        if (done) throw new TravelDeskConflictError(`Segment ${number} of trip ${id} has already been rebooked (${done})`);
        const rebookingId = `RB-${id.slice(3)}-${String(number).padStart(2, '0')}`;
        rebookings.set(key, rebookingId);
        const carrier = carriers.find((candidate) => candidate.code === flight.operatingCarrier);
        return {
          rebookingId,
          tripId: id,
          status: 'confirmed',
          segment: number,
          previousFlight: { flightNumber: segment.flightNumber, date: segment.date, status: segment.status },
          newFlight: {
            flightNumber: flight.flightNumber,
            operatedBy: carrier?.name ?? flight.operatingCarrier,
            date: day,
            departureLocal: `${day}T${flight.departure}`,
            arrivalLocal: `${addDays(day, flight.arrivalDayOffset)}T${flight.arrival}`,
            cabin: segment.cabin,
            bookingClass: segment.bookingClass,
            seat: null,
          },
          newTicketNumber: `${segment.ticketNumber.slice(0, -1)}7`,
          fareDifference: 0,
          changeFee: 0,
          reason: segment.status === 'cancelled by airline' ? 'Involuntary: schedule change by the airline' : 'Voluntary change',
          notifications: ['Traveller emailed the new itinerary', 'Hotel not changed: check the arrival date'],
          createdAt: `${TODAY}T10:07:00Z`,
        };
      },
    }),
  ];
}
