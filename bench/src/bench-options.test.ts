import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BenchError } from './bench-error.ts';
import { parseBenchOptions } from './bench-options.ts';
import { SUITE_IDS } from './suites.ts';

const OUT = '/tmp/latest.json';

describe('parseBenchOptions', () => {
  it('defaults to two repetitions, one ablation pass, every variant and suite, and latency scale 1', () => {
    assert.deepEqual(parseBenchOptions([], {}, OUT), {
      repetitions: 2,
      ablationRepetitions: 1,
      variants: ['baseline', 'baseline-keepalive', 'optimized', 'user-config', 'openai-agents'],
      suites: [...SUITE_IDS],
      latencyScale: 1,
      output: OUT,
      progress: true,
      promptAb: true,
      help: false,
    });
  });

  it('reads flags before environment variables', () => {
    const options = parseBenchOptions(
      ['--repetitions', '5', '--tasks', 'hard, lookup-1', '--collector', 'http://127.0.0.1:4318', '--no-progress'],
      { HOTPATH_BENCH_REPETITIONS: '2', HOTPATH_BENCH_ABLATION_REPETITIONS: '0', HOTPATH_COLLECTOR_URL: 'http://elsewhere:1' },
      OUT,
    );
    assert.equal(options.repetitions, 5);
    assert.equal(options.ablationRepetitions, 0);
    assert.deepEqual(options.tasks, ['hard', 'lookup-1']);
    assert.equal(options.collectorUrl, 'http://127.0.0.1:4318');
    assert.equal(options.progress, false);
  });

  it('takes the collector and latency scale from the environment when no flag is given', () => {
    const options = parseBenchOptions([], { HOTPATH_COLLECTOR_URL: 'http://127.0.0.1:4318', HOTPATH_BENCH_LATENCY_SCALE: '0.05' }, OUT);
    assert.equal(options.collectorUrl, 'http://127.0.0.1:4318');
    assert.equal(options.latencyScale, 0.05);
  });

  it('rejects bad values with a BenchOptionsError that names the flag', () => {
    const bad: [string[], RegExp][] = [
      [['--repetitions', '0'], /--repetitions: expected a whole number ≥ 1, got "0"/],
      [['--repetitions', '2.5'], /--repetitions/],
      [['--ablation-repetitions', '-1'], /--ablation-repetitions/],
      [['--latency-scale', 'fast'], /--latency-scale: expected a number > 0/],
      [['--variants', 'baseline,langgraph'], /unknown variant "langgraph"/],
      [['--suites', 'support-desk,nope'], /--suites: unknown suite "nope"/],
      [['--collector', 'not a url'], /--collector: "not a url" is not a URL/],
      [['--tasks', ' , '], /--tasks: expected a comma-separated list/],
      [['--bogus'], /^Unknown option '--bogus' \(see --help\)$/],
      [['--repetitions', ''], /--repetitions: expected a whole number ≥ 1, got ""/],
      [['--collector', ''], /--collector: expected a collector URL .*, got an empty value/],
      [['--output', ''], /--output: expected a file path, got an empty value/],
      [['--output', '/dev/null/latest.json'], /--output: cannot write \/dev\/null\/latest\.json \((ENOTDIR|EEXIST)\)/],
    ];
    for (const [argv, message] of bad) {
      assert.throws(
        () => parseBenchOptions(argv, {}, OUT),
        (error: unknown) => BenchError.isInstance(error) && (error as Error).name === 'BenchOptionsError' && message.test((error as Error).message),
        argv.join(' '),
      );
    }
  });
});
