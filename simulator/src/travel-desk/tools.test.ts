import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { SimulatorError } from '../simulator-error.ts';
import { countTokens } from '../token-count.ts';
import { createTravelDeskTools, type TravelDeskTool } from './tools.ts';
import { TravelDeskConflictError, TravelDeskNotFoundError, TravelDeskUpstreamError } from './travel-desk-error.ts';

const tools = createTravelDeskTools({ latencyScale: 0 });
const byName = (name: string, set: TravelDeskTool[] = tools): TravelDeskTool => {
  const found = set.find((tool) => tool.name === name);
  assert.ok(found, name);
  return found;
};
const call = async (name: string, args: Record<string, unknown>, set?: TravelDeskTool[]) => (await byName(name, set).execute(args as never, {})) as Record<string, any>;

describe('travel-desk tools', () => {
  it('are at least 12 plain objects whose zod schemas export to JSON Schema', () => {
    assert.ok(tools.length >= 12);
    assert.equal(new Set(tools.map((tool) => tool.name)).size, tools.length);
    for (const tool of tools) {
      assert.match(tool.name, /^[a-z_]+$/);
      assert.ok(tool.description.length > 30, tool.name);
      assert.equal(z.toJSONSchema(tool.parameters).type, 'object', tool.name);
      assert.equal(typeof tool.idempotent, 'boolean');
      assert.equal(typeof tool.readOnly, 'boolean');
    }
  });

  it('state the facts a service documents: latency, and which tools are safe to cache or start early', () => {
    const writes = tools.filter((tool) => !tool.readOnly).map((tool) => tool.name).sort();
    assert.deepEqual(writes, ['rebook_flight', 'request_refund']);
    for (const tool of tools) assert.equal(tool.idempotent, tool.readOnly, `${tool.name}: only the writes are not idempotent`);
    const slow = tools.filter((tool) => tool.latencyMs >= 3000).map((tool) => tool.name);
    assert.deepEqual(slow, ['get_destination_risk']);
    for (const tool of tools.filter((candidate) => candidate.latencyMs < 3000)) {
      assert.ok(tool.latencyMs >= 150 && tool.latencyMs <= 1800, `${tool.name}: ${tool.latencyMs} ms`);
    }
    const typical = tools.filter((tool) => tool.latencyMs >= 150 && tool.latencyMs <= 900);
    assert.ok(typical.length >= 12, 'most calls sit in the 150–900 ms range of SaaS APIs');
  });

  it('throw typed not-found errors for unknown ids, and zod errors for bad arguments', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['get_trip', { tripId: 'TP-39999' }, /Trip TP-39999 not found/],
      ['get_traveller', { travellerId: 'TR-9999' }, /Traveller TR-9999 not found/],
      ['retrieve_pnr', { recordLocator: 'ZZ9ZZ9' }, /Record locator ZZ9ZZ9 not found/],
      ['get_flight_status', { flightNumber: 'MR4410', date: '2026-12-17' }, /Flight MR4410 not found/],
      ['get_hotel_reservation', { reservationId: 'HR-00000' }, /not found/],
      ['get_fare_rules', { carrier: 'HC', fareBasis: 'NOPE' }, /not found/],
      ['get_entry_requirements', { nationality: 'BR', destination: 'AQ' }, /No entry requirements/],
      ['search_hotels', { city: 'Atlantis', checkIn: '2026-12-30', checkOut: '2027-01-02' }, /No hotel inventory/],
    ];
    for (const [name, args, message] of cases) {
      await assert.rejects(call(name, args), (error: unknown) => {
        assert.ok(error instanceof TravelDeskNotFoundError, name);
        assert.ok(SimulatorError.isInstance(error));
        assert.equal(error.status, 404);
        assert.match(error.message, message);
        return true;
      });
    }
    await assert.rejects(call('get_flight_status', { flightNumber: 'HC1347', date: '17/12/2026' }), z.ZodError);
    await assert.rejects(call('search_hotels', { city: 'Zurich', checkIn: '2027-01-02', checkOut: '2026-12-30' }), z.ZodError);
  });

  it('fail the unreliable seat-map service with a retryable upstream error', async () => {
    await assert.rejects(call('get_seat_map', { flightNumber: 'SD152', date: '2026-12-23' }), (error: unknown) => {
      assert.ok(error instanceof TravelDeskUpstreamError);
      assert.equal(error.retryable, true);
      assert.match(error.message, /try again later/);
      return true;
    });
    const map = await call('get_seat_map', { flightNumber: 'PQ317', date: '2026-12-19' });
    assert.ok(map.availableSeats.length > 0);
  });

  it('refuse a second refund request or rebooking of the same thing, per tool set, as the real services do', async () => {
    const own = createTravelDeskTools({ latencyScale: 0 });
    const refund = await call('request_refund', { tripId: 'TP-30740', reason: 'conference cancelled' }, own);
    assert.equal(refund.refundRequestId, 'RF-30740-01');
    await assert.rejects(call('request_refund', { tripId: 'TP-30740', reason: 'again' }, own), TravelDeskConflictError);
    const rebooking = await call('rebook_flight', { tripId: 'TP-30655', segment: 1, flightNumber: 'HC404', date: '2026-12-18' }, own);
    assert.equal(rebooking.rebookingId, 'RB-30655-01');
    assert.equal(rebooking.newFlight.arrivalLocal, '2026-12-18T16:30');
    await assert.rejects(call('rebook_flight', { tripId: 'TP-30655', segment: 1, flightNumber: 'HC404', date: '2026-12-18' }, own), /already been rebooked/);
    await assert.rejects(call('rebook_flight', { tripId: 'TP-30655', segment: 1, flightNumber: 'MR175', date: '2026-12-18' }), /not FRA-JFK/);
    await assert.rejects(call('rebook_flight', { tripId: 'TP-30702', segment: 1, flightNumber: 'PQ946', date: '2026-12-24' }), /sold out/);
    await assert.rejects(call('request_refund', { tripId: 'TP-29850', reason: 'x y z' }), /completed/);
    const fresh = await call('request_refund', { tripId: 'TP-30740', reason: 'conference cancelled' });
    assert.equal(fresh.refundRequestId, 'RF-30740-01', 'another tool set has its own state');
  });

  it('chain from a trip to its flights, fare rules, hotel and the traveller\'s loyalty account', async () => {
    const trip = await call('get_trip', { tripId: 'TP-30611' });
    assert.equal(trip.fare.total, 1146.6);
    assert.equal(trip.fare.total, trip.fare.baseFare + trip.fare.carrierSurcharge + trip.fare.taxes.reduce((sum: number, tax: { amount: number }) => sum + tax.amount, 0));
    const rules = await call('get_fare_rules', { carrier: trip.fare.validatingCarrier, fareBasis: trip.fare.fareBasis });
    assert.equal(rules.cancellationFee, 200);
    const hotel = await call('get_hotel_reservation', { reservationId: trip.hotelReservations[0].id });
    assert.equal(hotel.freeCancellationUntil, '2026-12-21T14:00');
    const traveller = await call('get_traveller', { travellerId: trip.travellerId });
    const account = await call('get_loyalty_account', { accountId: traveller.loyaltyAccounts[0].id });
    assert.equal(account.tier, 'Frequent Traveller');
    const pnr = await call('retrieve_pnr', { recordLocator: trip.recordLocator });
    assert.equal(pnr.tripId, 'TP-30611');
    assert.deepEqual(pnr.segments, trip.segments, 'the GDS record and the trip share segment facts');
  });

  it('report live flight status with estimates, gates and the aircraft a delayed flight waits for', async () => {
    const delayed = await call('get_flight_status', { flightNumber: 'HC 1347', date: '2026-12-17' });
    assert.deepEqual([delayed.id, delayed.status, delayed.estimatedDeparture, delayed.departureDelayMinutes, delayed.departureGate], ['HC1347-20261217', 'delayed', '2026-12-17T11:40', 35, 'B44']);
    const waiting = await call('get_flight_status', { flightNumber: 'HC2071', date: '2026-12-17' });
    assert.equal(waiting.estimatedDeparture, null);
    assert.equal(waiting.inboundFlight, 'HC2070');
    const future = await call('get_flight_status', { flightNumber: 'PQ317', date: '2026-12-19' });
    assert.deepEqual([future.status, future.departureDelayMinutes], ['scheduled', 0]);
    const codeshare = await call('get_flight_status', { flightNumber: 'HC6150', date: '2026-12-18' });
    assert.equal(codeshare.operatingCarrier, 'CL');
  });

  it('sell no sold-out or cancelled flight, and show codeshares with their operating airline', async () => {
    const frankfurt = await call('search_flights', { origin: 'FRA', destination: 'JFK', date: '2026-12-18' });
    assert.deepEqual(frankfurt.offers.map((offer: { flightNumber: string }) => offer.flightNumber), ['AB7021', 'HC6150', 'HC404', 'HC410']);
    assert.equal(frankfurt.offers[1].operatingCarrier, 'CL');
    const bali = await call('search_flights', { origin: 'SIN', destination: 'DPS', date: '2026-12-24', cabin: 'economy' });
    assert.deepEqual([bali.soldOut, bali.count], [true, 0]);
    const later = await call('search_flights', { origin: 'SIN', destination: 'DPS', date: '2027-01-04' });
    assert.ok(later.count > 0);
    await assert.rejects(call('search_flights', { origin: 'SIN', destination: 'DPS', date: '2028-01-04' }), TravelDeskNotFoundError);
  });

  it('page hotel results in the aggregator\'s order, or cheapest first when asked', async () => {
    const search = { city: 'Zürich', checkIn: '2026-12-30', checkOut: '2027-01-02' };
    const cheapest = await call('search_hotels', { ...search, sortBy: 'price' });
    assert.deepEqual([cheapest.hotels[0].name, cheapest.hotels[0].nightlyRate, cheapest.nights], ['Hotel Limmatblick', 214, 3]);
    assert.ok(cheapest.pageCount >= 30);
    const recommended = await call('search_hotels', search);
    assert.ok(recommended.hotels.every((hotel: { nightlyRate: number }) => hotel.nightlyRate > 180));
    const last = await call('search_hotels', { ...search, page: cheapest.pageCount });
    assert.equal(last.nextPage, null);
    const capped = await call('search_hotels', { ...search, maxNightlyRate: 180 });
    assert.equal(capped.totalResults, 0);
    const offPeak = await call('search_hotels', { city: 'Zurich', checkIn: '2027-02-10', checkOut: '2027-02-12', sortBy: 'price' });
    assert.ok(offPeak.hotels[0].nightlyRate < 180, 'the New Year rates are seasonal');
  });

  it('search the travel policy, always ranking something', async () => {
    const found = await call('search_travel_policy', { query: 'business class on long flights' });
    assert.equal(found.sections[0].id, 'POL-2.1');
    const unrelated = await call('search_travel_policy', { query: 'pet travel costs' });
    assert.ok(unrelated.count > 0);
    assert.ok(unrelated.sections.every((section: { text: string }) => !/\b(pet|dog|animal)s?\b/i.test(section.text)));
  });

  it('take their latency on real timers, scaled, and stop when the signal aborts', async () => {
    const slow = byName('get_destination_risk', createTravelDeskTools({ latencyScale: 1 }));
    assert.equal(slow.latencyMs, 5000);
    const controller = new AbortController();
    const started = performance.now();
    const pending = slow.execute({ countryCode: 'JP' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('run cancelled')), 20);
    await assert.rejects(pending, /run cancelled/);
    assert.ok(performance.now() - started < slow.latencyMs / 2, 'the 5 s timer did not run out');
    const scaled = byName('get_flight_status', createTravelDeskTools({ latencyScale: 0.02 }));
    const before = performance.now();
    await scaled.execute({ flightNumber: 'HC1347', date: '2026-12-17' }, {});
    assert.ok(performance.now() - before >= 350 * 0.02 - 1, 'waits its scaled latency');
    assert.throws(() => createTravelDeskTools({ latencyScale: -1 }), RangeError);
  });

  it('return records sized like the APIs they stand for', async () => {
    const expected: [string, Record<string, unknown>, number, number][] = [
      ['get_traveller', { travellerId: 'TR-2041' }, 250, 700],
      ['list_trips', { travellerId: 'TR-2077' }, 120, 600],
      ['get_trip', { tripId: 'TP-30522' }, 600, 1400],
      ['retrieve_pnr', { recordLocator: 'K7QX2M' }, 500, 1300],
      ['get_flight_status', { flightNumber: 'HC1347', date: '2026-12-17' }, 200, 600],
      ['search_flights', { origin: 'FRA', destination: 'JFK', date: '2026-12-18' }, 400, 1000],
      ['get_fare_rules', { carrier: 'PQ', fareBasis: 'MSTDGB' }, 250, 800],
      ['get_entry_requirements', { nationality: 'BR', destination: 'US', purpose: 'transit' }, 150, 600],
      ['get_hotel_reservation', { reservationId: 'HR-71204' }, 200, 600],
      ['search_hotels', { city: 'Zurich', checkIn: '2026-12-30', checkOut: '2027-01-02' }, 600, 1200],
      ['get_loyalty_account', { accountId: 'LY-604118' }, 200, 600],
      ['get_destination_risk', { countryCode: 'ZA' }, 120, 500],
    ];
    for (const [name, args, min, max] of expected) {
      const tokens = countTokens(JSON.stringify(await call(name, args)));
      assert.ok(tokens >= min && tokens <= max, `${name} ${JSON.stringify(args)}: ${tokens} tokens, expected ${min}–${max}`);
    }
  });

  it('return the same bytes for the same call from any tool set (fixed data)', async () => {
    const other = createTravelDeskTools({ latencyScale: 0 });
    const calls: [string, Record<string, unknown>][] = [
      ['search_hotels', { city: 'Zurich', checkIn: '2026-12-30', checkOut: '2027-01-02', page: 7 }],
      ['get_seat_map', { flightNumber: 'HC404', date: '2026-12-18' }],
      ['get_trip', { tripId: 'TP-30588' }],
    ];
    for (const [name, args] of calls) assert.equal(JSON.stringify(await call(name, args)), JSON.stringify(await call(name, args, other)), name);
  });
});
