import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CollectorError } from '../errors.ts';
import { defaultPricing as sharedPricing } from '@hotpath/sdk/pricing';
import { defaultPricing, loadPricingFile, validatePricing } from './pricing.ts';

describe('pricing', () => {
  it('is the SDK\'s table, checked', () => {
    assert.equal(defaultPricing['sim-large'], sharedPricing['sim-large']);
    assert.deepEqual(Object.keys(defaultPricing), Object.keys(sharedPricing));
  });

  it('lays a user file over the defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotpath-pricing-'));
    const path = join(dir, 'pricing.json');
    writeFileSync(path, JSON.stringify({ models: { 'sim-large': { input: 9, cachedInput: 1, output: 10 }, mine: { input: 1, cachedInput: 0, output: 1 } } }));
    const pricing = loadPricingFile(path);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(pricing['sim-large']?.input, 9);
    assert.equal(pricing.mine?.output, 1);
    assert.deepEqual(pricing['sim-small'], defaultPricing['sim-small']);
  });

  it('refuses a price that is not a number', () => {
    assert.throws(
      () => validatePricing({ bad: { input: '2', cachedInput: 0, output: 1 } }, 'test'),
      (error: unknown) => CollectorError.isInstance(error) && /models\["bad"\]\.input/.test(error.message),
    );
  });
});
