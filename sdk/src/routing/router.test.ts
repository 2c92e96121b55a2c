import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RouteContext } from './model-router.ts';
import { isModelRouter } from './is-model-router.ts';
import { router } from './router.ts';
import { RoutingError } from './routing-error.ts';

const MODELS = ['sim-small', 'sim-large'];
const context = (overrides: Partial<RouteContext> = {}): RouteContext => ({
  agentName: 'support',
  step: 0,
  stepKind: 'first',
  input: 'Where is order A-1042?',
  messages: [{ role: 'user', content: 'Where is order A-1042?' }],
  estimatedInputTokens: 900,
  toolNames: ['get_order'],
  ...overrides,
});

describe('router', () => {
  it('is a ModelRouter that lists its models and defaults to the strongest', () => {
    const models = router({ models: MODELS, rules: [] });
    assert.ok(isModelRouter(models));
    assert.equal(models.kind, 'router');
    assert.deepEqual(models.models, MODELS);
    assert.equal(models.defaultModel, 'sim-large');
    assert.equal(router({ models: MODELS, defaultModel: 'sim-small', rules: [] }).defaultModel, 'sim-small');
    assert.ok(!isModelRouter('sim-large'));
  });

  it('routes on step kind, recording model, candidates, rule and reason', () => {
    const models = router({ models: MODELS, rules: [{ stepKind: ['after-tools', 'final'], model: 'sim-small' }] });
    assert.deepEqual(models.route(context({ stepKind: 'after-tools' })), {
      model: 'sim-small',
      candidates: MODELS,
      rule: 'step:after-tools|final',
      reason: 'step kind is after-tools',
    });
    assert.deepEqual(models.route(context({ stepKind: 'first' })), {
      model: 'sim-large',
      candidates: MODELS,
      rule: 'default',
      reason: 'no rule matched',
    });
  });

  it('routes on input size with inclusive bounds', () => {
    const models = router({
      models: MODELS,
      rules: [{ inputTokens: { atLeast: 8000 }, model: 'sim-large' }, { inputTokens: { atMost: 2000 }, model: 'sim-small' }],
      defaultModel: 'sim-large',
    });
    const at = (tokens: number) => models.route(context({ estimatedInputTokens: tokens }));
    assert.deepEqual(at(8000), { model: 'sim-large', candidates: MODELS, rule: 'input-size', reason: 'estimated input 8,000 tokens ≥ 8,000' });
    assert.deepEqual(at(2000), { model: 'sim-small', candidates: MODELS, rule: 'input-size', reason: 'estimated input 2,000 tokens ≤ 2,000' });
    assert.equal((at(5000) as { rule: string }).rule, 'default');
    const between = router({ models: MODELS, rules: [{ inputTokens: { atLeast: 10, atMost: 20 }, model: 'sim-small' }] });
    assert.equal((between.route(context({ estimatedInputTokens: 15 })) as { reason: string }).reason, 'estimated input 15 tokens ≥ 10 and ≤ 20');
  });

  it('routes on the label of a sync classifier, with its reason', () => {
    const models = router({
      models: MODELS,
      classify: ({ input }) => (input.includes('refund') ? { label: 'hard', reason: 'refunds need policy judgement' } : 'easy'),
      rules: [{ classifier: 'hard', model: 'sim-large' }, { classifier: ['easy', 'trivial'], model: 'sim-small' }],
    });
    assert.deepEqual(models.route(context({ input: 'I want a refund' })), {
      model: 'sim-large',
      candidates: MODELS,
      rule: 'classifier',
      reason: 'classifier said "hard": refunds need policy judgement',
    });
    const easy = models.route(context());
    assert.ok(!(easy instanceof Promise), 'a sync classifier keeps routing synchronous');
    assert.deepEqual(easy, { model: 'sim-small', candidates: MODELS, rule: 'classifier', reason: 'classifier said "easy"' });
  });

  it('awaits an async classifier (e.g. a cheap model call), calling it once per step and only when needed', async () => {
    let calls = 0;
    const models = router({
      models: MODELS,
      classify: async () => {
        calls++;
        return 'easy';
      },
      rules: [
        { stepKind: 'after-tools', model: 'sim-small' },
        { classifier: 'hard', model: 'sim-large' },
        { classifier: 'easy', model: 'sim-small', name: 'easy-question' },
      ],
    });
    assert.equal((models.route(context({ stepKind: 'after-tools' })) as { rule: string }).rule, 'step:after-tools');
    assert.equal(calls, 0, 'an earlier rule matched, so the classifier was not needed');
    const decision = models.route(context());
    assert.ok(decision instanceof Promise);
    assert.deepEqual(await decision, { model: 'sim-small', candidates: MODELS, rule: 'easy-question', reason: 'classifier said "easy"' });
    assert.equal(calls, 1, 'two classifier rules, one call');
  });

  it('accepts any thenable from a classifier, not only native promises', async () => {
    const thenable = { then: (resolve: (label: string) => void) => resolve('hard') } as PromiseLike<string>;
    const models = router({ models: MODELS, classify: () => thenable, rules: [{ classifier: 'hard', model: 'sim-large' }] });
    assert.deepEqual(await models.route(context()), {
      model: 'sim-large',
      candidates: MODELS,
      rule: 'classifier',
      reason: 'classifier said "hard"',
    });
  });

  it('routes on a custom predicate, sync or async', async () => {
    const models = router({
      models: MODELS,
      rules: [
        { when: (step) => step.toolNames.length === 0, model: 'sim-small', name: 'no-tools' },
        { when: async (step) => step.step > 5, model: 'sim-large', reason: 'long runs need the strong model' },
      ],
      defaultModel: 'sim-small',
    });
    assert.deepEqual(models.route(context({ toolNames: [] })), {
      model: 'sim-small',
      candidates: MODELS,
      rule: 'no-tools',
      reason: 'no-tools predicate matched',
    });
    assert.deepEqual(await models.route(context({ step: 6 })), {
      model: 'sim-large',
      candidates: MODELS,
      rule: 'custom',
      reason: 'long runs need the strong model',
    });
    assert.equal((await models.route(context({ step: 1 }))).rule, 'default');
  });

  it('requires every condition of a rule to hold', () => {
    const models = router({
      models: MODELS,
      classify: () => 'easy',
      rules: [{ stepKind: 'first', inputTokens: { atMost: 1000 }, classifier: 'easy', model: 'sim-small' }],
    });
    assert.deepEqual(models.route(context()), {
      model: 'sim-small',
      candidates: MODELS,
      rule: 'step:first+input-size+classifier',
      reason: 'step kind is first; estimated input 900 tokens ≤ 1,000; classifier said "easy"',
    });
    assert.equal((models.route(context({ estimatedInputTokens: 1001 })) as { rule: string }).rule, 'default');
    assert.equal((models.route(context({ stepKind: 'final' })) as { rule: string }).rule, 'default');
  });

  it('takes the first matching rule, in order', async () => {
    const order: string[] = [];
    const models = router({
      models: ['sim-small', 'sim-medium', 'sim-large'],
      rules: [
        { when: () => (order.push('a'), false), model: 'sim-large', name: 'a' },
        { when: async () => (order.push('b'), true), model: 'sim-medium', name: 'b' },
        { when: () => (order.push('c'), true), model: 'sim-small', name: 'c' },
      ],
    });
    assert.equal((await models.route(context())).rule, 'b');
    assert.deepEqual(order, ['a', 'b']);
  });

  it('treats a throwing classifier or predicate as no match and says so in the reason', async () => {
    const models = router({
      models: MODELS,
      classify: async () => {
        throw new Error('classifier timed out');
      },
      rules: [
        { when: () => { throw new Error('bad predicate'); }, model: 'sim-small', name: 'fragile' },
        { classifier: 'easy', model: 'sim-small' },
      ],
    });
    assert.deepEqual(await models.route(context()), {
      model: 'sim-large',
      candidates: MODELS,
      rule: 'default',
      reason: 'no rule matched; rule fragile failed: bad predicate; classifier failed: classifier timed out',
    });
    const later = router({
      models: MODELS,
      classify: () => {
        throw new Error('classifier offline');
      },
      rules: [{ classifier: 'hard', model: 'sim-large' }, { stepKind: 'first', model: 'sim-small', reason: 'first steps are easy' }],
    });
    assert.deepEqual(later.route(context()), {
      model: 'sim-small',
      candidates: MODELS,
      rule: 'step:first',
      reason: 'first steps are easy; classifier failed: classifier offline',
    });
    const odd = router({ models: MODELS, classify: () => 42 as never, rules: [{ classifier: 'easy', model: 'sim-small' }] });
    assert.match((odd.route(context()) as { reason: string }).reason, /classifier failed: returned 42, expected a label/);
  });

  it('rejects a bad configuration with a RoutingError that says what is wrong', () => {
    const cases: Array<[unknown, RegExp]> = [
      [undefined, /options must be an object/],
      [{ models: [], rules: [] }, /models must be an array of at least 1 model name/],
      [{ models: ['a', 'a'], rules: [] }, /"a" is listed twice/],
      [{ models: ['a', ''], rules: [] }, /models\[1\] must be a non-empty string/],
      [{ models: MODELS, defaultModel: 'gpt-9', rules: [] }, /defaultModel "gpt-9" is not one of models/],
      [{ models: MODELS }, /rules must be an array/],
      [{ models: MODELS, rules: [{ model: 'sim-small' }] }, /rules\[0\] has no condition/],
      [{ models: MODELS, rules: [{ stepKind: 'first', model: 'gpt-9' }] }, /rules\[0\]: model "gpt-9" is not one of models/],
      [{ models: MODELS, rules: [{ stepKind: 'tool', model: 'sim-small' }] }, /stepKind must be first, after-tools, final/],
      [{ models: MODELS, rules: [{ inputTokens: { atLeast: 10, atMost: 5 }, model: 'sim-small' }] }, /atLeast ≤ atMost/],
      [{ models: MODELS, rules: [{ inputTokens: {}, model: 'sim-small' }] }, /inputTokens needs atLeast and\/or atMost/],
      [{ models: MODELS, rules: [{ classifier: 'hard', model: 'sim-small' }] }, /router has no classify/],
      [{ models: MODELS, classify: () => 'x', rules: [{ classifier: [], model: 'sim-small' }] }, /classifier must be a label/],
      [{ models: MODELS, classify: 'x', rules: [] }, /classify must be a function/],
      [{ models: MODELS, rules: [{ when: true, model: 'sim-small' }] }, /when must be a function/],
      [{ models: MODELS, rules: [{ stepKind: 'first', name: '', model: 'sim-small' }] }, /name must be a non-empty string/],
      [{ models: MODELS, draft: 'gpt-nano' }, /draft "gpt-nano" is not one of models/],
      [{ models: MODELS, draft: { model: 'sim-small', race: 'sometimes' } }, /draft race must be 'auto', 'on-text', 'always', 'never'/],
      [{ models: MODELS, draft: { model: 'sim-small', escalateWrites: 'yes' } }, /escalateWrites must be a boolean/],
    ];
    for (const [options, expected] of cases) {
      assert.throws(
        () => router(options as never),
        (error: unknown) => RoutingError.isInstance(error) && error.name === 'RoutingError' && expected.test(error.message),
        String(expected),
      );
    }
  });

  it('is not changed by later edits to the options it was built from', () => {
    const models = [...MODELS];
    const built = router({ models, rules: [] });
    models.push('sim-huge');
    assert.deepEqual(built.models, MODELS);
    assert.deepEqual((built.route(context()) as { candidates: string[] }).candidates, MODELS);
  });
});
