import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type TravelDeskTaskCategory, travelDeskTasks } from './tasks.ts';

describe('travel-desk tasks', () => {
  it('are at least 20, with unique ids and expected facts', () => {
    assert.ok(travelDeskTasks.length >= 20);
    assert.equal(new Set(travelDeskTasks.map((task) => task.id)).size, travelDeskTasks.length);
    for (const task of travelDeskTasks) {
      assert.ok(task.expectedFacts.length > 0, task.id);
      assert.ok(task.turns.length === 1 || (task.turns.length >= 5 && task.turns.length <= 8), `${task.id}: 1 turn or a 5–8 turn session`);
    }
  });

  it('cover every category, with at least three sessions', () => {
    const categories = new Set(travelDeskTasks.map((task) => task.category));
    const needed: TravelDeskTaskCategory[] = ['independent-lookups', 'dependent-chain', 'session', 'repeated-lookup', 'slow-tool', 'hard', 'looping', 'not-found', 'action'];
    for (const category of needed) assert.ok(categories.has(category), category);
    const sessions = travelDeskTasks.filter((task) => task.category === 'session');
    assert.ok(sessions.length >= 3);
    assert.ok(sessions.every((task) => task.turns.length >= 5));
  });

  it('say how the weak model fails on every hard task, in more ways than one', () => {
    const hard = travelDeskTasks.filter((task) => task.hard === true);
    assert.ok(hard.every((task) => task.weakFailure !== undefined), 'every hard task names its failure');
    assert.ok(travelDeskTasks.filter((task) => task.category === 'hard').every((task) => task.hard === true));
    assert.ok(new Set(hard.map((task) => task.weakFailure)).size >= 5);
  });

  it('loop in more patterns than the same call again, and not only on the weak model', () => {
    const looping = travelDeskTasks.filter((task) => task.category === 'looping');
    assert.ok(looping.length >= 4);
    assert.ok(looping.every((task) => (task.loops ?? []).length > 0));
    assert.ok(looping.some((task) => task.loops?.includes('strong')));
  });

  it('word questions with variety: no phrase opens or carries every task of a category', () => {
    for (const category of new Set(travelDeskTasks.map((task) => task.category))) {
      const texts = travelDeskTasks.filter((task) => task.category === category).map((task) => task.turns.at(-1) as string);
      if (texts.length < 2) continue;
      const openings = new Set(texts.map((text) => text.split(' ').slice(0, 2).join(' ').toLowerCase()));
      assert.equal(openings.size, texts.length, `${category}: different openings`);
    }
  });
});
