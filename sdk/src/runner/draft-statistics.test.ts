import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DraftStatistics } from './draft-statistics.ts';

describe('draft statistics', () => {
  it('races from the start only at steps where the answer model was needed at least half of at least three drafts', () => {
    const statistics = new DraftStatistics();
    statistics.record('desk', 1, true);
    statistics.record('desk', 1, true);
    assert.equal(statistics.raceFromStart('desk', 1), false, 'two drafts are not enough to judge');
    statistics.record('desk', 1, false);
    assert.deepEqual(statistics.neededShare('desk', 1), { share: 2 / 3, drafted: 3 });
    assert.equal(statistics.raceFromStart('desk', 1), true);
    for (let run = 0; run < 3; run++) statistics.record('desk', 0, false);
    assert.equal(statistics.raceFromStart('desk', 0), false, 'a step whose drafts were kept waits for the draft');
    assert.equal(statistics.raceFromStart('other', 1), false, 'per agent');
  });

  it('shares one counter among late steps and forgets the oldest agent past its bound', () => {
    const statistics = new DraftStatistics();
    statistics.record('desk', 6, true);
    statistics.record('desk', 40, true);
    assert.equal(statistics.neededShare('desk', 9)?.drafted, 2);
    for (let agent = 0; agent < 200; agent++) statistics.record(`agent-${agent}`, 0, true);
    assert.equal(statistics.neededShare('desk', 6), undefined, 'the oldest agent was dropped');
    assert.equal(statistics.neededShare('agent-199', 0)?.drafted, 1);
  });
});
