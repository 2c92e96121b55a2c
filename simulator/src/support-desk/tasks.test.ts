import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { supportDeskTasks, type TaskCategory } from './tasks.ts';

describe('support-desk tasks', () => {
  it('are at least 22, with unique ids and expected facts', () => {
    assert.ok(supportDeskTasks.length >= 22);
    assert.equal(new Set(supportDeskTasks.map((task) => task.id)).size, supportDeskTasks.length);
    for (const task of supportDeskTasks) {
      assert.ok(task.expectedFacts.length > 0, task.id);
      assert.ok(task.turns.length === 1 || (task.turns.length >= 6 && task.turns.length <= 10), `${task.id}: 1 turn or a 6–10 turn session`);
    }
  });

  it('cover every category the benchmark needs', () => {
    const categories = new Set(supportDeskTasks.map((task) => task.category));
    const needed: TaskCategory[] = ['independent-lookups', 'dependent-chain', 'session', 'repeated-lookup', 'slow-tool', 'hard', 'looping'];
    for (const category of needed) assert.ok(categories.has(category), category);
    assert.ok(supportDeskTasks.filter((task) => task.category === 'session').every((task) => task.turns.length >= 6));
    assert.ok(supportDeskTasks.filter((task) => task.category === 'hard').every((task) => task.hard === true));
  });
});
