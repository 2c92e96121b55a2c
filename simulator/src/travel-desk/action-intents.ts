// The travel desk's writes: moving a flight segment to another flight, and raising a refund request. Both change
// the booking, so they are asked for once, with the arguments the request states; a repeat would be refused by the
// service as a conflict.
import type { Intent } from '../brain/playbook.ts';
import { flightsNamed, segmentsOf, tripOf } from './resolve.ts';
import { flightNumbersIn } from './understanding.ts';
import { asList, asRecord, money, TRIP_ID, unavailable, when } from './vocabulary.ts';

const rebook: Intent = {
  name: 'rebook-flight',
  matches: (text) => /\b(rebook|re-book)\b/i.test(text) && flightNumbersIn(text).length > 0 && !/\bwhich flight should\b/i.test(text),
  plan(context) {
    const trip = tripOf(context);
    if (!trip.id || !trip.value) return trip.lines;
    const named = flightsNamed(context.text);
    const numbers = flightNumbersIn(context.text);
    const targetIndex = numbers.findIndex((entry) => /\b(onto|on to|to|into)\s+$/i.test(context.text.slice(Math.max(0, entry.index - 8), entry.index)));
    const target = named[targetIndex === -1 ? named.length - 1 : targetIndex];
    if (!target) return ['Which flight should I move the traveller onto?'];
    const segments = segmentsOf(trip.value);
    const source = segments.find((segment) => named.some((entry) => entry !== target && entry.flightNumber === segment.flightNumber)) ??
      segments.find((segment) => segment.status === 'cancelled by airline');
    if (!source) return [`Which flight of trip ${trip.id} should I move to ${target.flightNumber}?`];
    const date = target.date ?? String(source.date);
    const result = context.need('rebook_flight', { tripId: trip.id, segment: Number(source.segment), flightNumber: target.flightNumber, date });
    if (result.status !== 'known') return [result.status === 'failed' ? `The rebooking failed: ${result.error}` : `I could not rebook ${String(source.flightNumber)} onto ${target.flightNumber}.`];
    const done = asRecord(result.value);
    const flight = asRecord(done.newFlight);
    return [
      `Done: segment ${String(done.segment)} of trip ${trip.id} moved from ${String(source.flightNumber)} to ${String(flight.flightNumber)} on ${date} ` +
        `(${when(flight.departureLocal)} → ${when(flight.arrivalLocal)}), ${String(flight.cabin)} class ${String(flight.bookingClass)}; rebooking ${String(done.rebookingId)}, ` +
        `new ticket ${String(done.newTicketNumber)}. Fare difference ${money(Number(done.fareDifference), String(asRecord(trip.value.fare).currency))}, no change fee (${String(done.reason).toLowerCase()}).`,
    ];
  },
};

const refundRequest: Intent = {
  name: 'refund-request',
  matches: (text) => /\b(raise|open|submit|file|lodge|log|put in)\b[^.?!]*\brefund request\b|\brequest a refund\b/i.test(text),
  plan(context) {
    // The request names the trip; there is nothing to look up before asking for the refund.
    const tripId = context.text.match(TRIP_ID)?.[0] ?? context.focus('trip') ?? tripOf(context).id;
    if (!tripId) return ['Which trip should the refund request be for?'];
    const sentences = context.text.split(/(?<=[.!?])\s+/).filter((sentence) => !/\brefund\b/i.test(sentence));
    const reason = (sentences.join(' ').trim() || 'Requested by the travel desk').replace(/[.!]$/, '');
    const result = context.need('request_refund', { tripId, reason });
    if (result.status !== 'known') return [unavailable(result, `a refund request for trip ${tripId}`)];
    const request = asRecord(result.value);
    return [
      `Refund request ${String(request.refundRequestId)} submitted for trip ${tripId} (tickets ${asList(request.ticketNumbers).join(', ')}), reason: ${reason}. ${String(request.note)} Hotel reservations: ${String(request.hotelReservations)}`,
    ];
  },
};

export const actionIntents: Intent[] = [rebook, refundRequest];
