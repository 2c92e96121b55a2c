import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenUsageOf } from './token-usage.ts';

describe('tokenUsageOf', () => {
  it('reads the current keys, where input already includes cached tokens', () => {
    assert.deepEqual(
      tokenUsageOf(
        {
          'gen_ai.usage.input_tokens': 1000,
          'gen_ai.usage.output_tokens': 50,
          'gen_ai.usage.cache_read.input_tokens': 600,
          'gen_ai.usage.cache_creation.input_tokens': 100,
        },
        'anthropic',
        'claude-sonnet-4-5',
      ),
      { inputTokens: 1000, outputTokens: 50, cachedInputTokens: 600, cacheCreationInputTokens: 100 },
    );
  });

  it('reads the older keys, and adds Anthropic-style cached tokens that were reported beside input', () => {
    assert.deepEqual(
      tokenUsageOf(
        {
          'gen_ai.system': 'anthropic',
          'gen_ai.usage.prompt_tokens': 100,
          'gen_ai.usage.completion_tokens': 20,
          'gen_ai.usage.cache_read_input_tokens': 800,
          'gen_ai.usage.cache_creation_input_tokens': 50,
        },
        'anthropic',
        'claude-3-5-haiku',
      ),
      { inputTokens: 950, outputTokens: 20, cachedInputTokens: 800, cacheCreationInputTokens: 50 },
    );
  });

  it('keeps OpenAI-style older keys as they are: prompt tokens include cached ones', () => {
    const usage = tokenUsageOf(
      { 'gen_ai.usage.prompt_tokens': 1000, 'gen_ai.usage.cached_tokens': 400, 'gen_ai.usage.completion_tokens': 5 },
      'openai',
      'gpt-4.1',
    );
    assert.equal(usage.inputTokens, 1000);
    assert.equal(usage.cachedInputTokens, 400);
  });

  it('treats cached tokens above the input count as reported beside it', () => {
    const usage = tokenUsageOf({ 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.cache_write.input_tokens': 500 }, null, null);
    assert.equal(usage.inputTokens, 510);
    assert.equal(usage.cacheCreationInputTokens, 500);
  });

  it('ignores values that are not counts', () => {
    assert.deepEqual(tokenUsageOf({ 'gen_ai.usage.input_tokens': 'many', 'gen_ai.usage.output_tokens': -3 }, null, null), {
      inputTokens: null,
      outputTokens: null,
      cachedInputTokens: null,
      cacheCreationInputTokens: null,
    });
  });
});
