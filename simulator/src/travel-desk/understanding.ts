// What the simulated model understands in a travel agent's words before it looks anything up: places and the
// airports and countries they stand for, dates written the way people write them ("the 19th", "on Saturday",
// "30 December", "tomorrow"), flight numbers, weights, amounts and clock times, and people's names. This is the
// general knowledge a language model brings; it never comes from the desk's data.
import { TRAVEL_DESK_TODAY } from './reference-date.ts';

export interface Place {
  city: string;
  airport: string;
  country: string;
  /** Where the place is named in the text. */
  index: number;
}

const PLACES: [pattern: RegExp, city: string, airport: string, country: string][] = [
  [/\blondon\b/i, 'London', 'LHR', 'GB'],
  [/\bfrankfurt\b/i, 'Frankfurt', 'FRA', 'DE'],
  [/\bmunich\b/i, 'Munich', 'MUC', 'DE'],
  [/\bwarsaw\b/i, 'Warsaw', 'WAW', 'PL'],
  [/\bz[uü]rich\b/i, 'Zurich', 'ZRH', 'CH'],
  [/\bdublin\b/i, 'Dublin', 'DUB', 'IE'],
  [/\bsingapore\b/i, 'Singapore', 'SIN', 'SG'],
  [/\b(?:bali|denpasar)\b/i, 'Bali', 'DPS', 'ID'],
  [/\btokyo\b/i, 'Tokyo', 'NRT', 'JP'],
  [/\bsan francisco\b/i, 'San Francisco', 'SFO', 'US'],
  [/\b(?:new york|manhattan|jfk)\b/i, 'New York', 'JFK', 'US'],
  [/\bmexico city\b/i, 'Mexico City', 'MEX', 'MX'],
  [/\bcape town\b/i, 'Cape Town', 'CPT', 'ZA'],
];

const COUNTRIES: [pattern: RegExp, code: string, name: string][] = [
  [/\bjapan\b/i, 'JP', 'Japan'],
  [/\bsingapore\b/i, 'SG', 'Singapore'],
  [/\bindonesia\b/i, 'ID', 'Indonesia'],
  [/\bsouth africa\b/i, 'ZA', 'South Africa'],
  [/\b(?:united states|the us|usa)\b/i, 'US', 'the United States'],
  [/\bgermany\b/i, 'DE', 'Germany'],
  [/\bpoland\b/i, 'PL', 'Poland'],
  [/\bswitzerland\b/i, 'CH', 'Switzerland'],
  [/\bireland\b/i, 'IE', 'Ireland'],
  [/\b(?:united kingdom|the uk|britain)\b/i, 'GB', 'the United Kingdom'],
  [/\bmexico\b(?! city)/i, 'MX', 'Mexico'],
];

const COUNTRY_NAMES: Record<string, string> = {
  ...Object.fromEntries(COUNTRIES.map(([, code, name]) => [code, name])),
  IN: 'India', BR: 'Brazil', AU: 'Australia',
};

/** "JP" → "Japan". */
export const countryName = (code: string): string => COUNTRY_NAMES[code] ?? code;

/** Places named in the text, in the order they appear. */
export function placesIn(text: string): Place[] {
  const found: Place[] = [];
  for (const [pattern, city, airport, country] of PLACES) {
    const match = pattern.exec(text);
    if (match) found.push({ city, airport, country, index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Country codes named in the text (country names, and the countries of the places named). */
export function countriesIn(text: string): string[] {
  const named = COUNTRIES.filter(([pattern]) => pattern.test(text)).map(([, code]) => code);
  return [...new Set([...named, ...placesIn(text).map((place) => place.country)])];
}

const addDays = (date: string, days: number): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** The next date (today or later) with this month and day. */
function upcoming(month: number, day: number, today: string): string {
  const year = Number(today.slice(0, 4));
  const candidate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return candidate >= today ? candidate : `${year + 1}${candidate.slice(4)}`;
}

/**
 * Dates written in the text, in the order they appear, as ISO dates on or after today.
 *
 * @example
 * datesIn('from 30 December to 2 January'); // [{ date: '2026-12-30', … }, { date: '2027-01-02', … }]
 */
export function datesIn(text: string, today = TRAVEL_DESK_TODAY): { date: string; index: number }[] {
  const found: { date: string; index: number; end: number }[] = [];
  const add = (pattern: RegExp, toDate: (match: RegExpExecArray) => string | undefined): void => {
    for (const match of text.matchAll(new RegExp(pattern.source, 'gi'))) {
      const index = match.index ?? 0;
      const end = index + match[0].length;
      if (found.some((other) => index < other.end && end > other.index)) continue;
      const date = toDate(match as RegExpExecArray);
      if (date) found.push({ date, index, end });
    }
  };
  add(/\b(\d{4}-\d{2}-\d{2})\b/, (match) => match[1]);
  add(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`), (match) => upcoming(MONTHS.indexOf((match[2] as string).slice(0, 3).toLowerCase()) + 1, Number(match[1]), today));
  add(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`), (match) => upcoming(MONTHS.indexOf((match[1] as string).slice(0, 3).toLowerCase()) + 1, Number(match[2]), today));
  add(/\bthe (\d{1,2})(?:st|nd|rd|th)\b/, (match) => {
    const day = Number(match[1]);
    const month = Number(today.slice(5, 7));
    return upcoming(day >= Number(today.slice(8, 10)) ? month : (month % 12) + 1, day, today);
  });
  add(/\b(today|tonight|this (?:morning|afternoon|evening))\b/, () => today);
  add(/\btomorrow\b/, () => addDays(today, 1));
  add(/\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/, (match) => {
    const wanted = WEEKDAYS.indexOf((match[1] as string).toLowerCase());
    const current = new Date(`${today}T00:00:00Z`).getUTCDay();
    return addDays(today, (wanted - current + 7) % 7);
  });
  return found.sort((a, b) => a.index - b.index).map(({ date, index }) => ({ date, index }));
}

/** Flight numbers in the text ("HC 1347", "PQ317"), normalised, with where they are named. */
export function flightNumbersIn(text: string): { flightNumber: string; index: number }[] {
  return [...text.matchAll(/\b([A-Z]{2}) ?(\d{1,4})\b/g)].map((match) => ({ flightNumber: `${match[1]}${match[2]}`, index: match.index ?? 0 }));
}

/** Bag weights in kilograms ("21 kg and 27 kg"). */
export const weightsIn = (text: string): number[] => [...text.matchAll(/(\d{1,2}(?:\.\d)?)\s?kg\b/gi)].map((match) => Number(match[1]));

/** An amount of money with its currency code ("CHF 180"). */
export function moneyIn(text: string): { currency: string; amount: number } | undefined {
  const match = text.match(/\b(CHF|EUR|GBP|USD|SGD|JPY|ZAR|PLN|IDR)\s?(\d[\d,]*(?:\.\d+)?)/);
  return match ? { currency: match[1] as string, amount: Number((match[2] as string).replaceAll(',', '')) } : undefined;
}

/** A clock time ("by 19:00"). */
export const timeIn = (text: string): string | undefined => text.match(/\b((?:[01]?\d|2[0-3]):[0-5]\d)\b/)?.[1]?.padStart(5, '0');

const NOT_PEOPLE = /^(San Francisco|Cape Town|New York|Mexico City|South Africa|Horizon Club|Miles Continental|Meridian Club|Travel Desk)$/;
const CAPITALISED_RUN = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+/g;

/** A person's full name in the text: two or more capitalised words that are not a place or a programme. */
export function personName(text: string): string | undefined {
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    const words = match[0].split(' ');
    const opensSentence = /(^|[.!?:]\s+)$/.test(text.slice(0, match.index));
    const name = (opensSentence && words.length > 2 ? words.slice(1) : words).join(' ');
    if (name.includes(' ') && !NOT_PEOPLE.test(name)) return name;
  }
  return undefined;
}

/** The first email address in the text. */
export const emailIn = (text: string): string | undefined => text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/)?.[0];
