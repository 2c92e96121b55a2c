// Accessible and comfortable, in Chromium: axe-core finds no serious or critical violation on any page (empty,
// with data, with the collector down) in light and dark mode; dark mode follows the system; keyboard focus is
// visible; the dashboard works at 390 px wide; compare keeps all its rows in view at 1280 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, COLOUR_RULES, describeViolations } from '../src/accessibility/axe-scan.ts';
import { focusRing } from '../src/accessibility/focus-ring.ts';
import { standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import { exportedSpanCount } from '../src/fixtures/fixture-span.ts';
import { fixture } from '../src/fixtures/fixture-figures.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { visit } from '../src/harness/visit.ts';

const SCHEMES = ['light', 'dark'] as const;
const fixtures = standardFixtures(Date.now());
let stack: Stack;
let down: Stack;
let page: Page;
let ids: Map<string, string>;

interface Target {
  name: string;
  path: string;
  /** Brings the page to the state to check, waiting for that state itself. */
  ready(page: Page): Promise<void>;
}

const heading = (page: Page) => page.locator('main h1').first().waitFor();

/**
 * Runs axe on every target in light mode, then, without reloading, its colour rules in dark mode (nothing else
 * changes with the scheme), and fails with every violation found, named by page.
 */
async function assertNoViolations(on: Stack, targets: readonly Target[]): Promise<void> {
  const found: string[] = [];
  for (const target of targets) {
    await page.emulateMedia({ colorScheme: 'light' });
    await visit(page, `${on.dashboardUrl}${target.path}`);
    await target.ready(page);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await axeViolations(page, scheme === 'light' ? undefined : COLOUR_RULES);
      if (violations.length) found.push(`${target.name} (${scheme}):\n${describeViolations(violations)}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(found.length, 0, found.join('\n'));
}

describe('accessibility', () => {
  before(async () => {
    [stack, down] = await Promise.all([startStack(), startStack({ collector: false })]);
    page = await stack.newPage();
  });
  after(async () => {
    await down?.close();
    await stack?.close();
  });

  it('finds no serious or critical axe violations on the empty pages', async () => {
    await assertNoViolations(stack, [
      { name: 'traces (empty)', path: '/', ready: heading },
      { name: 'spend (empty)', path: '/spend', ready: heading },
      { name: 'cache (empty)', path: '/cache', ready: heading },
      { name: 'compare (too few traces)', path: '/compare', ready: (page) => page.getByText('Two traces are needed to compare').waitFor() },
    ]);
  });

  it('finds no serious or critical axe violations on any page with data, light and dark', async () => {
    ids = await sendFixtures(stack.collectorUrl, fixtures);
    const id = (key: string) => ids.get(key)!;
    const detailOpen = (spanName: string) => async (page: Page) => {
      await page.locator('[role=treeitem]').filter({ hasText: spanName }).first().click();
      await page.getByTestId('span-detail').getByText(/^Attributes \(\d+\)$/).waitFor();
    };
    const legend = (chart: string) => (page: Page) => page.getByTestId(chart).locator('.recharts-legend-item-text').first().waitFor();
    await assertNoViolations(stack, [
      { name: 'traces list', path: '/', ready: (page) => page.locator(`tr[data-trace-id="${id('baseline')}"]`).waitFor() },
      { name: 'waterfall with the detail panel open', path: `/traces/${id('optimized')}`, ready: detailOpen('lookup_order') },
      { name: 'waterfall of a failed run, failed span open', path: `/traces/${id('error')}`, ready: detailOpen('fetch_invoice') },
      { name: 'spend', path: '/spend', ready: (page) => page.getByTestId('chart-tokens').locator('.recharts-bar-rectangle').first().waitFor() },
      { name: 'routing', path: '/routing', ready: legend('chart-models') },
      { name: 'cache', path: '/cache', ready: legend('chart-cache') },
      { name: 'compare', path: `/compare?a=${id('baseline')}&b=${id('optimized')}`, ready: (page) => page.getByTestId('compare-b').locator('[role=treeitem]').first().waitFor() },
      { name: 'compare picker', path: '/compare', ready: (page) => page.locator('#compare-a').waitFor() },
      { name: 'unknown trace', path: `/traces/${'0'.repeat(31)}1`, ready: heading },
    ]);
  });

  it('finds no serious or critical axe violations when the collector is down', async () => {
    const explained = (page: Page) => page.getByTestId('collector-error').waitFor();
    await assertNoViolations(down, [
      { name: 'traces (collector down)', path: '/', ready: explained },
      { name: 'cache (collector down)', path: '/cache', ready: explained },
    ]);
  });

  it('follows the system colour scheme', async () => {
    const background = async (scheme: 'light' | 'dark') => {
      await page.emulateMedia({ colorScheme: scheme });
      await visit(page, `${stack.dashboardUrl}/spend`);
      return page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.stat')!).color]);
    };
    const [lightBody, lightText] = await background('light');
    const [darkBody, darkText] = await background('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal(lightBody, 'rgb(246, 247, 249)');
    assert.equal(darkBody, 'rgb(13, 17, 23)');
    assert.notEqual(lightText, darkText);
  });

  it('shows a focus ring that stands out from its background on everything reached by Tab', async () => {
    await visit(page, stack.dashboardUrl);
    await page.locator(`tr[data-trace-id="${ids.get('baseline')}"]`).waitFor();
    const seen: string[] = [];
    for (let step = 0; step < 16; step++) {
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      seen.push(ring.element);
      assert.notEqual(ring.style, 'none', `${ring.element} has no focus ring`);
      assert.ok(ring.widthPx >= 2, `${ring.element}: ring ${ring.widthPx}px wide`);
      assert.ok(ring.contrast >= 3, `${ring.element}: ring contrast ${ring.contrast.toFixed(2)}:1 against its background`);
    }
    assert.ok(seen.some((what) => what.startsWith('input')), `Tab reached a form field: ${seen.join(', ')}`);
  });

  it('is usable at 390 px wide: the sidebar folds into a menu and no page scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const id = (key: string) => ids.get(key)!;
      for (const path of ['/', `/traces/${id('optimized')}`, '/spend', '/routing', '/cache', `/compare?a=${id('baseline')}&b=${id('optimized')}`]) {
        await visit(page, `${stack.dashboardUrl}${path}`);
        await heading(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `${path} is ${width}px wide`);
        assert.equal(await page.getByRole('link', { name: 'Token spend' }).isVisible(), false, `${path}: the sidebar is folded`);
      }
      await visit(page, stack.dashboardUrl);
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.click();
      await page.getByRole('link', { name: 'Cache' }).click();
      await page.waitForURL(/\/cache$/);
      await page.getByRole('button', { name: 'Menu' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded'), 'false');
      assert.equal(await page.getByRole('link', { name: 'Token spend' }).isVisible(), false, 'the menu closes after navigating');
      await visit(page, stack.dashboardUrl);
      await page.locator(`tr[data-trace-id="${id('baseline')}"]`).waitFor();
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      await stack.screenshot(page, 'traces-390');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('keeps every row of both compared runs in view at 1280 px, with every name in full', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    try {
      await visit(page, `${stack.dashboardUrl}/compare?a=${ids.get('baseline')}&b=${ids.get('optimized')}`);
      for (const [side, key] of [['compare-a', 'baseline'], ['compare-b', 'optimized']] as const) {
        const column = page.getByTestId(side);
        const rows = column.locator('[role=treeitem]');
        await rows.nth(exportedSpanCount(fixture(fixtures, key)) - 1).waitFor();
        const body = await column.getByTestId('waterfall-body').evaluate((element) => ({ scroll: element.scrollHeight, client: element.clientHeight }));
        assert.ok(body.scroll <= body.client + 1, `${side}: rows need ${body.scroll}px, ${body.client}px shown`);
        const cut = await column.locator('.wf-label').evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent));
        assert.deepEqual(cut, [], `${side}: names cut short`);
      }
      // Both waterfalls start level, whatever their summaries wrap to.
      const tops = await Promise.all(['compare-a', 'compare-b'].map((side) => page.getByTestId(side).getByTestId('waterfall-body').evaluate((element) => element.getBoundingClientRect().top)));
      assert.ok(Math.abs(tops[0]! - tops[1]!) < 1, `waterfalls start at ${tops.join(' and ')}`);
      await stack.screenshot(page, 'compare-1280');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
