// The travel desk's searches, where agents in real loops get stuck: the travel policy (a search that always ranks
// something, relevant or not), hotel availability (pages of results), flight availability (one date per search)
// and seat maps (an airline service that times out). How each model persists is decided here:
// - policy search: both models reword the query when the hits are beside the point; the strong model gives up
//   after three tries and says the policy is silent, the weak one keeps rewording (and, its phrasings spent,
//   repeats them).
// - hotel search: the strong model asks for the cheapest first; the weak one takes the default order and pages on.
// - flight availability: both walk the calendar one date at a time until a date has seats.
// - seat map: on a "try again later" error the strong model retries once, the weak one retries the very same call.
import { callKey } from '../brain/knowledge.ts';
import type { Intent, PlanContext } from '../brain/playbook.ts';
import { TRAVEL_DESK_TODAY } from './reference-date.ts';
import { flightsNamed, segmentsMeant, tripOf } from './resolve.ts';
import { datesIn, moneyIn, placesIn } from './understanding.ts';
import { addDays, asList, asRecord, type Fields, money, unavailable } from './vocabulary.ts';

/** The outcomes of this turn's calls to a tool, oldest first. */
const thisTurn = (context: PlanContext, tool: string) => context.knowledge.calls.filter((call) => call.currentTurn && call.tool === tool);

// --- travel policy ----------------------------------------------------------------------------------------------

const STOP_WORDS = new Set(['the', 'and', 'for', 'our', 'with', 'what', 'does', 'can', 'are', 'his', 'her', 'their', 'will', 'say', 'says', 'tell', 'about', 'any', 'that', 'this', 'who', 'how', 'much', 'there']);
/** Words that say a question is about the policy, not what it is about. */
const FRAMING = new Set(['company', 'cover', 'policy', 'travel', 'pay', 'claim', 'costs', 'cost', 'expenses', 'fees', 'reimburse', 'reimbursed', 'allowed']);
/** How a model rephrases a search that found nothing useful. */
const REPHRASINGS: Record<string, string[]> = {
  pet: ['pet', 'animal', 'dog'],
  dog: ['dog', 'pet', 'animal'],
  costs: ['costs', 'expenses', 'fees', 'reimbursement'],
  travel: ['travel', 'transport', 'relocation'],
};
const stem = (word: string): string => word.replace(/(ing|ed|es|s)$/, '');

function significantWords(text: string): string[] {
  return (text.toLowerCase().replace(/'s\b/g, '').match(/[a-z]{3,}/g) ?? []).filter((word) => !STOP_WORDS.has(word));
}

function rephrase(words: string[], attempt: number): string {
  return words.map((word) => REPHRASINGS[word]?.[attempt % (REPHRASINGS[word]?.length ?? 1)] ?? word).join(' ');
}

const policy: Intent = {
  name: 'travel-policy',
  matches: (text) => /\b(travel policy|our policy|the policy|company (?:cover|pay|reimburse)\w*|reimburs\w*|allowed to (?:book|claim|expense|fly))\b/i.test(text),
  plan(context) {
    const phrase = context.text.match(/\babout ([^?.!]+)/i)?.[1] ?? context.text.split(/(?<=[.!])\s+/).find((sentence) => sentence.includes('?')) ?? context.text;
    const words = significantWords(phrase).filter((word) => !['company', 'cover', 'policy', 'will'].includes(word));
    const topic = words.filter((word) => !FRAMING.has(word));
    const topicStems = new Set(topic.flatMap((word) => REPHRASINGS[word] ?? [word]).map(stem));
    const searches = thisTurn(context, 'search_travel_policy');
    const sections = searches.flatMap((call) => (call.outcome.status === 'result' ? asList(asRecord(call.outcome.value).sections).map(asRecord) : []));
    const relevant = sections.filter((section) => {
      const have = new Set(significantWords(`${String(section.title)} ${String(section.text)}`).map(stem));
      const hits = [...topicStems].filter((word) => have.has(word)).length;
      return topic.length > 0 && hits >= Math.max(1, Math.ceil(topic.length / 2));
    });
    const unique = [...new Map(relevant.map((section) => [String(section.id), section])).values()].slice(0, 2);
    if (unique.length > 0) return unique.map((section) => `Travel policy ${String(section.id)} (${String(section.title)}): ${String(section.text)}`);
    const giveUp = context.strength === 'strong' && searches.length >= 3;
    if (!giveUp) {
      const query = rephrase(words, searches.length);
      context.need('search_travel_policy', { query }, { repeat: searches.some((call) => call.args.query === query) });
    }
    if (searches.length === 0) return ['I could not retrieve the travel policy.'];
    const tried = [...new Set(searches.map((call) => `"${String(call.args.query)}"`))];
    const seen = [...new Set(sections.map((section) => String(section.id)))];
    return [
      `The travel policy does not mention ${topic.join(' or ') || 'this'}: I searched it for ${tried.join(', ')} and found only unrelated sections (${seen.join(', ') || 'none'}). ` +
        'Nothing in it covers that, so check with the travel manager before promising a reimbursement.',
    ];
  },
};

// --- hotel availability -----------------------------------------------------------------------------------------

const hotelSearch: Intent = {
  name: 'hotel-search',
  matches: (text) => /\b(hotels? in|find (?:her |him |me |them )?(?:a )?hotel|needs? a hotel|hotel options|book (?:her |him )?a hotel)\b/i.test(text),
  plan(context) {
    const city = placesIn(context.text)[0]?.city;
    const [checkIn, checkOut] = datesIn(context.text).map((entry) => entry.date);
    if (!city || !checkIn || !checkOut) return ['Which city and dates should I search hotels for?'];
    const cap = moneyIn(context.text);
    const within = (hotel: Fields): boolean => cap === undefined || Number(hotel.nightlyRate) <= cap.amount;
    const describe = (hotel: Fields): string =>
      `${String(hotel.name)} (${String(hotel.stars)} stars, ${String(hotel.district)}): ${money(Number(hotel.nightlyRate), String(hotel.currency))} a night`;
    const base = { city, checkIn, checkOut };
    if (context.strength === 'strong') {
      const result = context.need('search_hotels', { ...base, sortBy: 'price' });
      if (result.status !== 'known') return [unavailable(result, `hotels in ${city}`)];
      const hotels = asList(asRecord(result.value).hotels).map(asRecord);
      const fitting = hotels.filter(within);
      if (fitting.length > 0) return [`Hotels in ${city} from ${checkIn} to ${checkOut}${cap ? ` within ${money(cap.amount, cap.currency)} a night` : ''}: ${fitting.slice(0, 3).map(describe).join('; ')}.`];
      const cheapest = hotels[0];
      return [
        `No hotel in ${city} is at or under ${money(cap?.amount ?? 0, cap?.currency ?? '')} a night from ${checkIn} to ${checkOut}` +
          `${cheapest ? `: the cheapest of ${String(asRecord(result.value).totalResults)} is ${describe(cheapest)}` : ''}.`,
      ];
    }
    // The default order is the aggregator's "recommended": read it page by page, looking for one that fits.
    const pages = thisTurn(context, 'search_hotels').filter((call) => call.outcome.status === 'result').map((call) => asRecord((call.outcome as { value: unknown }).value));
    const fitting = pages.flatMap((page) => asList(page.hotels).map(asRecord)).filter(within);
    if (fitting.length > 0) return [`Hotels in ${city} from ${checkIn} to ${checkOut}: ${fitting.slice(0, 3).map(describe).join('; ')}.`];
    const last = pages.at(-1);
    if (!last) {
      const result = context.need('search_hotels', base);
      return result.status === 'failed' ? [unavailable(result, `hotels in ${city}`)] : [`I could not retrieve hotels in ${city}.`];
    }
    if (last.nextPage !== null && last.nextPage !== undefined) context.need('search_hotels', { ...base, page: Number(last.nextPage) });
    return [`I have not found a hotel in ${city}${cap ? ` at or under ${money(cap.amount, cap.currency)} a night` : ''} yet: none on the ${pages.length} page${pages.length > 1 ? 's' : ''} I checked (of ${String(last.pageCount)}).`];
  },
};

// --- flight availability ----------------------------------------------------------------------------------------

const flightSearch: Intent = {
  name: 'flight-availability',
  matches: (text) =>
    /\b(first (?:day|date)|earliest (?:day|date)|next available|availability|any seats? (?:left|available)|find (?:her|him|me) a (?:seat|flight))\b/i.test(text) &&
    !/\bwhich flight should\b/i.test(text),
  plan(context) {
    const places = placesIn(context.text);
    const from = places.find((place) => /\bfrom\s+$/i.test(context.text.slice(Math.max(0, place.index - 6), place.index))) ?? places[0];
    const to = places.find((place) => place !== from);
    if (!from || !to) return ['Between which airports should I look for seats?'];
    const cabin = /\bbusiness\b/i.test(context.text) ? 'business' : /\bpremium\b/i.test(context.text) ? 'premium' : 'economy';
    const named = datesIn(context.text)[0]?.date ?? TRAVEL_DESK_TODAY;
    const start = /\bafter\b/i.test(context.text) ? addDays(named, 1) : named;
    const searches = thisTurn(context, 'search_flights').filter(
      (call) => call.args.origin === from.airport && call.args.destination === to.airport && call.args.cabin === cabin,
    );
    const results = searches.map((call) => ({ date: String(call.args.date), outcome: call.outcome }));
    const open = results.find((entry) => entry.outcome.status === 'result' && asList(asRecord(entry.outcome.value).offers).length > 0);
    const soldOut = results.filter((entry) => entry !== open && entry.outcome.status === 'result').map((entry) => entry.date).sort();
    const checked = soldOut.length > 0 ? ` Sold out in ${cabin} on every date I checked from ${soldOut[0]} to ${soldOut.at(-1)}.` : '';
    if (open && open.outcome.status === 'result') {
      const offers = asList(asRecord(open.outcome.value).offers).map(asRecord);
      return [`First date with a confirmed ${cabin} seat from ${from.airport} to ${to.airport}: ${open.date}: ${offers.map((offer) => `${String(offer.flightNumber)} at ${String(offer.departureLocal).slice(11)} (${String(offer.seatsLeft)} left)`).join(', ')}.${checked}`];
    }
    const failed = results.find((entry) => entry.outcome.status === 'error');
    if (failed && failed.outcome.status === 'error') return [`I could not search ${failed.date}: ${failed.outcome.message}.${checked}`];
    const next = soldOut.length === 0 ? start : addDays(soldOut.at(-1) as string, 1);
    context.need('search_flights', { origin: from.airport, destination: to.airport, date: next, cabin });
    return soldOut.length === 0
      ? [`I could not retrieve flights from ${from.airport} to ${to.airport}.`]
      : [`Every flight from ${from.airport} to ${to.airport} is sold out in ${cabin} on ${soldOut[0]} through ${soldOut.at(-1)} (${soldOut.length} dates checked); I have not found a date with a free seat yet.`];
  },
};

// --- seat map ---------------------------------------------------------------------------------------------------

const RETRY_LATER = /\b(try again|retry|timed out|temporar\w*)\b/i;

const seatMap: Intent = {
  name: 'seat-map',
  matches: (text) => /\b(seat map|(?:pick|choose) a seat|seats? (?:is |are )?(?:still )?(?:free|available|open)|what'?s still free|free seats)\b/i.test(text),
  plan(context) {
    let flights = flightsNamed(context.text).map(({ flightNumber, date }) => ({ flightNumber, date: date ?? TRAVEL_DESK_TODAY }));
    if (flights.length === 0) {
      const trip = tripOf(context);
      if (!trip.value) return trip.lines;
      flights = segmentsMeant(trip.value, context.text).map((segment) => ({ flightNumber: String(segment.flightNumber), date: String(segment.date) }));
    }
    const cabin = /\bbusiness\b/i.test(context.text) ? 'business' : 'economy';
    return flights.map(({ flightNumber, date }) => {
      const args = { flightNumber, date, cabin };
      const result = context.need('get_seat_map', args);
      if (result.status === 'failed') {
        const failures = thisTurn(context, 'get_seat_map').filter((call) => call.key === callKey('get_seat_map', args) && call.outcome.status === 'error').length;
        if (RETRY_LATER.test(result.error) && (context.strength === 'weak' || failures < 2)) context.need('get_seat_map', args, { repeat: true });
        return `The seat map for ${flightNumber} on ${date} is not available right now: ${result.error}`;
      }
      if (result.status !== 'known') return `I could not retrieve the seat map for ${flightNumber} on ${date}.`;
      const seats = asList(asRecord(result.value).availableSeats).map(String);
      return `${seats.length} ${cabin} seats free on ${flightNumber} on ${date}: ${seats.slice(0, 12).join(', ')}${seats.length > 12 ? ', …' : ''}.`;
    });
  },
};

export const searchIntents: Intent[] = [policy, hotelSearch, flightSearch, seatMap];
