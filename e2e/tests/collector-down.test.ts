// With no collector answering, every page explains what is wrong and how to fix it instead of crashing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { visit } from '../src/harness/visit.ts';

let stack: Stack;
let page: Page;

describe('collector down', () => {
  before(async () => {
    stack = await startStack({ collector: false });
    page = await stack.newPage();
  });
  after(() => stack?.close());

  it('shows a clear message on every page', async () => {
    for (const path of ['/', '/spend', '/routing', '/cache', `/traces/${'a'.repeat(32)}`, `/compare?a=${'a'.repeat(32)}&b=${'b'.repeat(32)}`, '/compare']) {
      const response = await visit(page, `${stack.dashboardUrl}${path}`);
      assert.equal(response?.status(), 200, path);
      const message = await page.getByTestId('collector-error').innerText();
      assert.match(message, /Cannot reach the Hotpath collector/, path);
      assert.ok(message.includes(stack.collectorUrl), `${path} names the collector URL`);
      if (path === '/') await stack.screenshot(page, 'collector-down');
    }
    assert.deepEqual(stack.problems, []);
  });

  it('answers the proxy with a typed 502', async () => {
    const response = await fetch(`${stack.dashboardUrl}/api/collector/traces`);
    assert.equal(response.status, 502);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'collector_unreachable');
  });
});
