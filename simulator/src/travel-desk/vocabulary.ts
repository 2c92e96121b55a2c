// How the travel desk is written in text: the entity ids the simulated model recognises, the attributes its fact
// lines carry (`Trip TP-30522: record locator R4VD9P, status ticketed, …`), and small helpers that write answers.
// Plans read facts back from these lines when a tool result is no longer visible (masked or summarised history).
import { formatFactLine } from '../brain/fact-text.ts';
import type { NeedResult, PlanContext, Playbook } from '../brain/playbook.ts';

export const TRAVELLER_ID = /\bTR-\d{4}\b/;
export const TRIP_ID = /\bTP-\d{5}\b/;
/** A six-character airline record locator with at least one digit that is not a flight number (HC1347). */
export const RECORD_LOCATOR = /\b(?![A-Z]{2}\d{1,4}\b)(?=[A-Z0-9]*\d)[A-Z][A-Z0-9]{5}\b/;

export const travelDeskVocabulary: Omit<Playbook, 'intents' | 'fallbackAnswer'> = {
  entityTypes: [
    { type: 'traveller', label: 'Traveller', idPattern: TRAVELLER_ID },
    { type: 'trip', label: 'Trip', idPattern: TRIP_ID },
    { type: 'flight', label: 'Flight', idPattern: /\b[A-Z]{2}\d{1,4}-\d{8}\b/ },
    { type: 'hotel-reservation', label: 'Hotel reservation', idPattern: /\bHR-\d{5}\b/ },
    { type: 'loyalty-account', label: 'Loyalty account', idPattern: /\bLY-\d{6}\b/ },
  ],
  attributes: [
    'name', 'email', 'nationality', 'passportExpiry', 'seatPreference', 'mealPreference', 'homeAirport', 'loyaltyAccounts',
    'travellerId', 'recordLocator', 'status', 'purpose', 'destinationCity', 'destinationCountry', 'startDate', 'endDate', 'trips',
    'hotelReservations', 'flightNumber', 'date', 'scheduledDeparture', 'estimatedDeparture', 'actualDeparture',
    'scheduledArrival', 'estimatedArrival', 'actualArrival', 'departureTerminal', 'departureGate', 'hotelName', 'checkIn',
    'checkOut', 'freeCancellationUntil', 'nightlyRate', 'currency', 'programme', 'carrier', 'tier', 'tierValidUntil', 'miles',
  ],
  listAttributes: ['trips', 'hotelReservations', 'loyaltyAccounts'],
  moneyAttributes: [],
};

const asPlaybook: Playbook = { ...travelDeskVocabulary, intents: [], fallbackAnswer: '' };

export type Fields = Record<string, unknown>;

export const asRecord = (value: unknown): Fields => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {});
export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** Ids in a list that holds either ids (read back from a fact line) or records with an `id`. */
export const idsIn = (value: unknown): string[] =>
  asList(value).map((item) => (typeof item === 'string' ? item : String(asRecord(item).id ?? ''))).filter((id) => id !== '');

/** "EUR 1,146.60". */
export const money = (amount: number, currency: string): string =>
  `${currency} ${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const round2 = (amount: number): number => Math.round(amount * 100) / 100;
/** "2026-12-17T11:40" → "2026-12-17 11:40". */
export const when = (localTime: unknown): string => String(localTime).replace('T', ' ');
/** "2026-12-17T11:40" → "11:40". */
export const clock = (localTime: unknown): string => String(localTime).slice(11, 16);
export const minutesBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}Z`) - Date.parse(`${from}Z`)) / 60_000);
export const addDays = (date: string, days: number): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
};

/** A fact line for an entity with the attributes the conversation shows. */
export function factLine(context: PlanContext, id: string, attributes: string[]): string {
  const known = context.knowledge.entity(id);
  const label = context.knowledge.typeOf(id)?.label ?? 'Record';
  return formatFactLine(asPlaybook, label, id, attributes.map((name) => [name, known?.get(name)] as const));
}

/** What to say about a fact the plan could not get. */
export function unavailable(result: NeedResult, what: string): string {
  return result.status === 'failed' ? `I could not find ${what}: ${result.error}` : `I could not retrieve ${what}.`;
}

/** The flight entity id the status feed uses: `HC1347-20261217`. */
export const flightId = (flightNumber: string, date: string): string => `${flightNumber}-${date.replaceAll('-', '')}`;
