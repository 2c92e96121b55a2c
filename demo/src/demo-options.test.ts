import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DemoOptionsError, parseDemoOptions } from './demo-options.ts';

describe('demo options', () => {
  it('defaults to loopback ports 4318 and 3000 and the simulated model server', () => {
    const options = parseDemoOptions([], {});
    assert.equal(options.collectorPort, 4318);
    assert.equal(options.dashboardPort, 3000);
    assert.equal(options.host, '127.0.0.1');
    assert.equal(options.real, undefined);
    assert.equal(options.exit, false);
  });

  it('lets flags win over environment variables', () => {
    const options = parseDemoOptions(['--collector-port', '5000'], { HOTPATH_COLLECTOR_PORT: '6000', HOTPATH_DEMO_EXIT: '1' });
    assert.equal(options.collectorPort, 5000);
    assert.equal(options.exit, true);
  });

  it('switches to a real endpoint when OPENAI_BASE_URL and OPENAI_API_KEY are given', () => {
    const options = parseDemoOptions(['--model-small', 'small-1'], { OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_API_KEY: 'k' });
    assert.deepEqual(options.real, { baseURL: 'http://127.0.0.1:11434/v1', apiKey: 'k', smallModel: 'small-1', largeModel: 'gpt-4.1' });
  });

  it('rejects a real endpoint without a key, bad numbers and unknown flags with a clear error', () => {
    assert.throws(() => parseDemoOptions([], { OPENAI_BASE_URL: 'http://x/v1' }), /API key/);
    assert.throws(() => parseDemoOptions(['--repetitions', 'two'], {}), DemoOptionsError);
    assert.throws(() => parseDemoOptions(['--bogus'], {}), /bogus/);
  });

  it('reads a task list', () => {
    assert.deepEqual(parseDemoOptions(['--tasks', 'a, b,,c'], {}).tasks, ['a', 'b', 'c']);
  });
});
