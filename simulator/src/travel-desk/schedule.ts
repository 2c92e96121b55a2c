// The travel desk's reference data about the air network: airports, carriers, the flight schedule, what the shopping
// engine can sell on each flight, and the live status of the flights that are not simply running to schedule. Only
// the tools read this module; the simulated model sees it only as tool results.
//
// Carriers are fictional (Pacifica, Hansa Continental, Columbia Airlines, Atlantic Blue, Sundara Air, Meridian
// Airways); airports, their cities and time zones are real. Times are local to the airport, as airline systems
// publish them. "Today" for the whole data set is 2026-12-17 (a Thursday).
import { TRAVEL_DESK_TODAY } from './reference-date.ts';

/** The day the data set describes; flight statuses, deadlines and ages are as of this date. */
export const TODAY = TRAVEL_DESK_TODAY;
/** Flights are sold up to this date (a schedule published about 330 days ahead, as carriers do). */
export const SCHEDULE_END = '2027-11-12';

export interface Airport {
  code: string;
  name: string;
  city: string;
  countryCode: string;
  timezone: string;
  terminals: string[];
}

export const airports: readonly Airport[] = [
  { code: 'LHR', name: 'London Heathrow', city: 'London', countryCode: 'GB', timezone: 'Europe/London', terminals: ['2', '3', '4', '5'] },
  { code: 'FRA', name: 'Frankfurt am Main', city: 'Frankfurt', countryCode: 'DE', timezone: 'Europe/Berlin', terminals: ['1', '2'] },
  { code: 'MUC', name: 'Munich Franz Josef Strauss', city: 'Munich', countryCode: 'DE', timezone: 'Europe/Berlin', terminals: ['1', '2'] },
  { code: 'WAW', name: 'Warsaw Chopin', city: 'Warsaw', countryCode: 'PL', timezone: 'Europe/Warsaw', terminals: ['A'] },
  { code: 'ZRH', name: 'Zurich', city: 'Zurich', countryCode: 'CH', timezone: 'Europe/Zurich', terminals: ['1'] },
  { code: 'DUB', name: 'Dublin', city: 'Dublin', countryCode: 'IE', timezone: 'Europe/Dublin', terminals: ['1', '2'] },
  { code: 'SIN', name: 'Singapore Changi', city: 'Singapore', countryCode: 'SG', timezone: 'Asia/Singapore', terminals: ['1', '2', '3', '4'] },
  { code: 'DPS', name: 'Ngurah Rai International', city: 'Denpasar (Bali)', countryCode: 'ID', timezone: 'Asia/Makassar', terminals: ['I', 'D'] },
  { code: 'NRT', name: 'Tokyo Narita', city: 'Tokyo', countryCode: 'JP', timezone: 'Asia/Tokyo', terminals: ['1', '2', '3'] },
  { code: 'SFO', name: 'San Francisco International', city: 'San Francisco', countryCode: 'US', timezone: 'America/Los_Angeles', terminals: ['1', '2', '3', 'I'] },
  { code: 'JFK', name: 'New York John F. Kennedy', city: 'New York', countryCode: 'US', timezone: 'America/New_York', terminals: ['1', '4', '7', '8'] },
  { code: 'MEX', name: 'Mexico City Benito Juárez', city: 'Mexico City', countryCode: 'MX', timezone: 'America/Mexico_City', terminals: ['1', '2'] },
  { code: 'CPT', name: 'Cape Town International', city: 'Cape Town', countryCode: 'ZA', timezone: 'Africa/Johannesburg', terminals: ['A'] },
];

export interface Carrier {
  code: string;
  name: string;
  alliance: string | null;
  loyaltyProgramme: string | null;
}

export const carriers: readonly Carrier[] = [
  { code: 'PQ', name: 'Pacifica', alliance: 'Skyward', loyaltyProgramme: 'Horizon Club' },
  { code: 'HC', name: 'Hansa Continental', alliance: 'Skyward', loyaltyProgramme: 'Miles Continental' },
  { code: 'CL', name: 'Columbia Airlines', alliance: 'Skyward', loyaltyProgramme: 'Columbia SkyPlus' },
  { code: 'MR', name: 'Meridian Airways', alliance: 'Concord', loyaltyProgramme: 'Meridian Club' },
  { code: 'AB', name: 'Atlantic Blue', alliance: null, loyaltyProgramme: 'Blue Points' },
  { code: 'SD', name: 'Sundara Air', alliance: null, loyaltyProgramme: null },
];

export type Cabin = 'economy' | 'premium' | 'business';

export interface ScheduledFlight {
  flightNumber: string;
  carrier: string;
  /** A codeshare is sold under `carrier` and flown by another airline. */
  operatingCarrier: string;
  operatingFlightNumber: string;
  origin: string;
  destination: string;
  departure: string;
  arrival: string;
  /** Days between departure and arrival, local dates (+1 for an overnight arrival). */
  arrivalDayOffset: number;
  durationMinutes: number;
  aircraft: string;
  cabins: Cabin[];
  /** Lowest published one-way fare per cabin, in the route's selling currency. */
  fares: Partial<Record<Cabin, number>>;
  currency: string;
}

type FlightSpec = [
  flightNumber: string,
  origin: string,
  destination: string,
  departure: string,
  arrival: string,
  arrivalDayOffset: number,
  durationMinutes: number,
  aircraft: string,
  fares: Partial<Record<Cabin, number>>,
  currency: string,
  operatedBy?: string,
];

const flightSpecs: FlightSpec[] = [
  ['PQ317', 'LHR', 'SIN', '21:25', '17:55', 1, 750, 'Airbus A350-900', { economy: 486, premium: 1120, business: 3240 }, 'GBP'],
  ['PQ318', 'SIN', 'LHR', '23:05', '05:40', 1, 875, 'Airbus A350-900', { economy: 512, premium: 1190, business: 3380 }, 'GBP'],
  ['PQ946', 'SIN', 'DPS', '09:15', '11:55', 0, 160, 'Boeing 737-8', { economy: 212, business: 640 }, 'SGD'],
  ['PQ948', 'SIN', 'DPS', '17:30', '20:10', 0, 160, 'Boeing 737-8', { economy: 198, business: 610 }, 'SGD'],
  ['PQ947', 'DPS', 'SIN', '12:55', '15:35', 0, 160, 'Boeing 737-8', { economy: 205, business: 620 }, 'SGD'],
  ['SD152', 'SIN', 'DPS', '07:40', '10:25', 0, 165, 'ATR 72-600', { economy: 149 }, 'SGD'],
  ['SD158', 'SIN', 'DPS', '14:20', '17:05', 0, 165, 'ATR 72-600', { economy: 139 }, 'SGD'],
  ['SD153', 'DPS', 'SIN', '11:30', '14:15', 0, 165, 'ATR 72-600', { economy: 145 }, 'SGD'],
  ['HC901', 'LHR', 'FRA', '07:15', '09:50', 0, 95, 'Airbus A320neo', { economy: 96, business: 389 }, 'GBP'],
  ['HC902', 'FRA', 'LHR', '17:30', '18:10', 0, 100, 'Airbus A320neo', { economy: 104, business: 402 }, 'GBP'],
  ['HC1347', 'FRA', 'WAW', '11:05', '12:55', 0, 110, 'Airbus A220-300', { economy: 118, business: 455 }, 'EUR'],
  ['HC1348', 'WAW', 'FRA', '14:00', '16:10', 0, 130, 'Airbus A220-300', { economy: 121, business: 461 }, 'EUR'],
  ['HC1351', 'WAW', 'FRA', '06:10', '08:20', 0, 130, 'Airbus A220-300', { economy: 109, business: 430 }, 'EUR'],
  ['HC1352', 'FRA', 'WAW', '08:05', '09:55', 0, 110, 'Airbus A220-300', { economy: 112, business: 440 }, 'EUR'],
  ['HC574', 'FRA', 'CPT', '10:15', '22:50', 0, 695, 'Boeing 787-9', { economy: 612, premium: 1290, business: 3010 }, 'EUR'],
  ['HC575', 'CPT', 'FRA', '19:10', '06:05', 1, 715, 'Boeing 787-9', { economy: 634, premium: 1320, business: 3090 }, 'EUR'],
  ['HC118', 'FRA', 'JFK', '11:00', '13:55', 0, 535, 'Airbus A340-600', { economy: 548, premium: 1180, business: 3390 }, 'EUR'],
  ['HC119', 'JFK', 'FRA', '17:45', '07:35', 1, 470, 'Airbus A340-600', { economy: 561, premium: 1210, business: 3420 }, 'EUR'],
  ['HC404', 'FRA', 'JFK', '13:35', '16:30', 0, 535, 'Boeing 747-8', { economy: 572, premium: 1215, business: 3460 }, 'EUR'],
  ['HC410', 'FRA', 'JFK', '17:50', '20:45', 0, 535, 'Airbus A350-900', { economy: 498, premium: 1120, business: 3280 }, 'EUR'],
  ['HC6150', 'FRA', 'JFK', '12:00', '14:55', 0, 535, 'Boeing 767-300ER', { economy: 529, business: 3180 }, 'EUR', 'CL1150'],
  ['AB7021', 'FRA', 'JFK', '09:10', '11:55', 0, 525, 'Airbus A330-900', { economy: 455, business: 2690 }, 'EUR'],
  ['HC2070', 'FRA', 'MUC', '13:50', '14:55', 0, 65, 'Airbus A321', { economy: 89, business: 310 }, 'EUR'],
  ['HC2071', 'MUC', 'FRA', '15:40', '16:45', 0, 65, 'Airbus A321', { economy: 89, business: 310 }, 'EUR'],
  ['CL611', 'MEX', 'SFO', '08:10', '10:45', 0, 275, 'Boeing 737-9', { economy: 284, business: 910 }, 'USD'],
  ['CL612', 'SFO', 'MEX', '12:30', '18:15', 0, 225, 'Boeing 737-9', { economy: 279, business: 905 }, 'USD'],
  ['CL837', 'SFO', 'NRT', '13:05', '17:30', 1, 685, 'Boeing 777-300ER', { economy: 845, premium: 1690, business: 4980 }, 'USD'],
  ['CL838', 'NRT', 'SFO', '17:00', '09:40', 0, 580, 'Boeing 777-300ER', { economy: 862, premium: 1710, business: 5040 }, 'USD'],
  ['MR175', 'LHR', 'JFK', '10:25', '13:30', 0, 485, 'Boeing 777-200ER', { economy: 389, premium: 980, business: 2860 }, 'GBP'],
  ['MR176', 'JFK', 'LHR', '18:40', '06:45', 1, 425, 'Boeing 777-200ER', { economy: 402, premium: 995, business: 2890 }, 'GBP'],
  ['MR832', 'LHR', 'DUB', '08:40', '10:00', 0, 80, 'Airbus A320', { economy: 74, business: 229 }, 'GBP'],
  ['MR833', 'DUB', 'LHR', '18:20', '19:40', 0, 80, 'Airbus A320', { economy: 79, business: 236 }, 'GBP'],
];

const carrierOf = (flightNumber: string): string => flightNumber.slice(0, 2);

export const schedule: readonly ScheduledFlight[] = flightSpecs.map(
  ([flightNumber, origin, destination, departure, arrival, arrivalDayOffset, durationMinutes, aircraft, fares, currency, operatedBy]) => ({
    flightNumber,
    carrier: carrierOf(flightNumber),
    operatingCarrier: carrierOf(operatedBy ?? flightNumber),
    operatingFlightNumber: operatedBy ?? flightNumber,
    origin,
    destination,
    departure,
    arrival,
    arrivalDayOffset,
    durationMinutes,
    aircraft,
    cabins: (['economy', 'premium', 'business'] as const).filter((cabin) => fares[cabin] !== undefined),
    fares,
    currency,
  }),
);

/** Adds days to an ISO date (UTC arithmetic: dates here carry no time zone). */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** Seats the shopping engine can still sell, where it is not the default (plenty). 0 means sold out. */
export interface SeatAvailability {
  flightNumbers: string[];
  cabin: Cabin;
  from: string;
  to: string;
  seats: number;
}

export const availability: readonly SeatAvailability[] = [
  // Christmas and New Year to Bali: every economy seat from Singapore is gone until 4 January.
  { flightNumbers: ['SD152', 'SD158', 'PQ946', 'PQ948'], cabin: 'economy', from: '2026-12-20', to: '2027-01-03', seats: 0 },
  { flightNumbers: ['PQ946', 'PQ948'], cabin: 'business', from: '2026-12-20', to: '2027-01-03', seats: 0 },
  { flightNumbers: ['PQ946'], cabin: 'economy', from: '2027-01-04', to: '2027-01-04', seats: 3 },
  { flightNumbers: ['SD158'], cabin: 'economy', from: '2027-01-04', to: '2027-01-04', seats: 6 },
  // The day HC118 is cancelled: its passengers have taken most of what was left.
  { flightNumbers: ['AB7021'], cabin: 'economy', from: '2026-12-18', to: '2026-12-18', seats: 5 },
  { flightNumbers: ['HC6150'], cabin: 'economy', from: '2026-12-18', to: '2026-12-18', seats: 7 },
  { flightNumbers: ['HC404'], cabin: 'economy', from: '2026-12-18', to: '2026-12-18', seats: 4 },
  { flightNumbers: ['HC410'], cabin: 'economy', from: '2026-12-18', to: '2026-12-18', seats: 9 },
];

/** Flights that do not operate on a date (the shopping engine does not offer them). */
export const cancellations: readonly { flightNumber: string; date: string; reason: string }[] = [
  { flightNumber: 'HC118', date: '2026-12-18', reason: 'Cancelled (crew availability). Passengers are being reaccommodated.' },
];

/** What the status feed says about flights that are not simply running to schedule. Times are local. */
export interface StatusOverride {
  flightNumber: string;
  date: string;
  status: 'scheduled' | 'delayed' | 'departed' | 'landed' | 'cancelled';
  estimatedDeparture?: string | null;
  actualDeparture?: string;
  estimatedArrival?: string | null;
  actualArrival?: string;
  departureGate?: string;
  arrivalGate?: string;
  baggageClaim?: string;
  remarks: string;
  inboundFlight?: string;
  registration?: string;
}

export const statusOverrides: readonly StatusOverride[] = [
  {
    flightNumber: 'HC901', date: '2026-12-17', status: 'landed', actualDeparture: '2026-12-17T08:01', actualArrival: '2026-12-17T10:38',
    departureGate: 'A10', arrivalGate: 'A26', baggageClaim: '12', registration: 'D-AINK',
    remarks: 'Landed 48 minutes late after a late-arriving aircraft and a slot restriction at London.',
  },
  {
    flightNumber: 'HC1347', date: '2026-12-17', status: 'delayed', estimatedDeparture: '2026-12-17T11:40', estimatedArrival: '2026-12-17T13:28',
    departureGate: 'B44', registration: 'D-AHCC',
    remarks: 'Delayed by the late arrival of the inbound aircraft. Boarding from 11:10 at gate B44.',
  },
  {
    flightNumber: 'HC2071', date: '2026-12-17', status: 'delayed', estimatedDeparture: null, estimatedArrival: null,
    departureGate: 'G23', inboundFlight: 'HC2070', registration: 'D-AIDQ',
    remarks: 'Awaiting the inbound aircraft (HC2070 from Frankfurt). New departure time to be advised.',
  },
  {
    flightNumber: 'HC2070', date: '2026-12-17', status: 'delayed', estimatedDeparture: null, estimatedArrival: null,
    departureGate: 'A17', registration: 'D-AIDQ',
    remarks: 'Held at Frankfurt for de-icing; new departure time to be advised. Next update expected shortly.',
  },
  {
    flightNumber: 'HC118', date: '2026-12-18', status: 'cancelled', estimatedDeparture: null, estimatedArrival: null,
    remarks: 'Cancelled (crew availability). Passengers are being reaccommodated on later services.',
  },
];
