import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeLatency } from './latency-model.ts';
import { SIM_LARGE, SIM_SMALL, validateProfile } from './model-profile.ts';

const step = { inputTokens: 1500, cachedInputTokens: 0, outputTokens: 40, newConnection: false, connectionSetupMs: 100, latencyScale: 1 };

describe('latency model', () => {
  it('adds request latency, prefill and decode for the large model', () => {
    const latency = computeLatency({ ...step, profile: SIM_LARGE });
    assert.equal(latency.requestMs, 500);
    assert.equal(latency.prefillMs, 75);
    assert.equal(latency.timeToFirstTokenMs, 575);
    assert.equal(latency.decodeMsPerToken, 12.5);
    assert.equal(latency.totalMs, 575 + 39 * 12.5);
  });

  it('makes the small model 2–3× as fast on a typical step (the low end of the seed articles\' 2–5×)', () => {
    const large = computeLatency({ ...step, profile: SIM_LARGE }).totalMs;
    const small = computeLatency({ ...step, profile: SIM_SMALL }).totalMs;
    const ratio = large / small;
    assert.ok(ratio >= 2 && ratio <= 3, `ratio ${ratio}`);
    assert.equal(small, 176 + 1500 * 0.02 + (39 * 1000) / 180);
  });

  it('charges cached tokens at the profile discount', () => {
    const cold = computeLatency({ ...step, profile: SIM_LARGE, inputTokens: 150_000 });
    const warm = computeLatency({ ...step, profile: SIM_LARGE, inputTokens: 150_000, cachedInputTokens: 149_888 });
    assert.ok(warm.cachedPrefillMs > 0);
    const saving = 1 - warm.timeToFirstTokenMs / cold.timeToFirstTokenMs;
    // OpenAI's Prompt Caching 201 measured 67 % faster time to first token at 150k tokens.
    assert.ok(saving > 0.6 && saving < 0.75, `saving ${saving}`);
  });

  it('charges the connection set-up only for a new connection', () => {
    assert.equal(computeLatency({ ...step, profile: SIM_LARGE, newConnection: true }).connectionSetupMs, 100);
    assert.equal(computeLatency({ ...step, profile: SIM_LARGE }).connectionSetupMs, 0);
  });

  it('scales every duration', () => {
    const full = computeLatency({ ...step, profile: SIM_LARGE, newConnection: true });
    const scaled = computeLatency({ ...step, profile: SIM_LARGE, newConnection: true, latencyScale: 0.01 });
    assert.ok(Math.abs(scaled.totalMs - full.totalMs * 0.01) < 1e-9);
    assert.equal(computeLatency({ ...step, profile: SIM_LARGE, latencyScale: 0 }).totalMs, 0);
  });
});

describe('model profile validation', () => {
  it('accepts the defaults and refuses impossible figures', () => {
    assert.equal(validateProfile(SIM_LARGE), SIM_LARGE);
    assert.throws(() => validateProfile({ ...SIM_SMALL, outputTokensPerSecond: 0 }), /outputTokensPerSecond/);
    assert.throws(() => validateProfile({ ...SIM_SMALL, cachedPrefillFactor: 2 }), /cachedPrefillFactor/);
    assert.throws(() => validateProfile({ ...SIM_SMALL, requestLatencyMs: -1 }), /requestLatencyMs/);
    assert.throws(() => validateProfile({ ...SIM_SMALL, id: '' }), /id/);
    assert.throws(() => validateProfile({ ...SIM_SMALL, maxOutputTokens: 0.5 }), /maxOutputTokens/);
  });
});
