import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureContentEnabled } from './capture-content.ts';

describe('content capture', () => {
  it('follows the option first, then OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT', () => {
    const env = (value: string) => ({ OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: value });
    assert.equal(captureContentEnabled(undefined, {}), false);
    assert.equal(captureContentEnabled(undefined, env('true')), true);
    assert.equal(captureContentEnabled(undefined, env(' TRUE ')), true);
    assert.equal(captureContentEnabled(undefined, env('span_only')), true);
    assert.equal(captureContentEnabled(undefined, env('false')), false);
    assert.equal(captureContentEnabled(undefined, env('no_content')), false);
    assert.equal(captureContentEnabled(false, env('true')), false);
    assert.equal(captureContentEnabled(true, {}), true);
  });
});
