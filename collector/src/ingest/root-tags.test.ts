import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rootTags, tagLine } from './root-tags.ts';

describe('root tags', () => {
  it('keep short strings, numbers, booleans and each element of an array, one line each', () => {
    const tags = rootTags({ 'gen_ai.agent.name': 'support', 'hotpath.run.steps': 3, 'hotpath.simulated': true, disabled: ['cache', 'routing'] });
    assert.equal(tags, '\ngen_ai.agent.name=support\nhotpath.run.steps=3\nhotpath.simulated=true\ndisabled=cache\ndisabled=routing\n');
    assert.ok(tags.includes(tagLine('disabled', 'routing')));
  });

  it('leave out content, multi-line values, objects and keys that could not be told apart', () => {
    const tags = rootTags({ 'gen_ai.input.messages': 'x'.repeat(300), note: 'two\nlines', nested: { a: 1 }, 'a=b': 'c', kept: 'yes' });
    assert.equal(tags, '\nkept=yes\n');
  });

  it('stop at 4 KiB instead of growing the summary row without end', () => {
    const attributes = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`key.${index}`, 'v'.repeat(40)]));
    const tags = rootTags(attributes);
    assert.ok(tags.length <= 4097);
    assert.ok(tags.startsWith('\nkey.0=') && tags.endsWith('\n'));
  });
});
