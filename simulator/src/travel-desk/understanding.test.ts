import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countriesIn, datesIn, flightNumbersIn, moneyIn, personName, placesIn, timeIn, weightsIn } from './understanding.ts';

const dates = (text: string): string[] => datesIn(text, '2026-12-17').map((entry) => entry.date);

describe('understanding a travel agent', () => {
  it('reads dates the way people write them, as the next such date', () => {
    assert.deepEqual(dates('from 30 December to 2 January'), ['2026-12-30', '2027-01-02']);
    assert.deepEqual(dates('is HC 1347 on time today, and PQ 317 on the 19th?'), ['2026-12-17', '2026-12-19']);
    assert.deepEqual(dates('on Saturday'), ['2026-12-19']);
    assert.deepEqual(dates('flying on Monday, back tomorrow'), ['2026-12-21', '2026-12-18']);
    assert.deepEqual(dates('on the 3rd'), ['2027-01-03']);
    assert.deepEqual(dates('Dec 28 or 2027-01-04'), ['2026-12-28', '2027-01-04']);
    assert.deepEqual(dates('two cases, 21 kg and 27 kg'), []);
  });

  it('knows places, their airports and countries, and names countries', () => {
    assert.deepEqual(placesIn('from Singapore to Bali').map((place) => place.airport), ['SIN', 'DPS']);
    assert.deepEqual(placesIn('Her Frankfurt–Warsaw flight').map((place) => place.city), ['Frankfurt', 'Warsaw']);
    assert.deepEqual(countriesIn('a risk rating for Japan'), ['JP']);
    assert.deepEqual(countriesIn('flying to Mexico City'), ['MX']);
  });

  it('finds flight numbers, weights, money, times and people', () => {
    assert.deepEqual(flightNumbersIn('rebook HC 118 onto HC404 (TP-30655, CHF 180)').map((entry) => entry.flightNumber), ['HC118', 'HC404']);
    assert.deepEqual(weightsIn('two cases, 21 kg and 27.5kg'), [21, 27.5]);
    assert.deepEqual(moneyIn('within our CHF 1,180 a night cap'), { currency: 'CHF', amount: 1180 });
    assert.equal(timeIn('land at JFK by 9:00'), '09:00');
    assert.equal(personName("When does Ana Souza's flight leave San Francisco?"), 'Ana Souza');
    assert.equal(personName('Flights to Cape Town from New York'), undefined);
  });
});
