// Agents written with other frameworks, in the waterfall: a real run of each (the `openai` client in a hand-written
// loop, the Vercel AI SDK, LangChain.js), traced with the set-up the README shows and exported to the collector,
// draws its agent, its model calls and its parallel tool calls, with the tokens the model server counted and no
// token counted twice. (@openai/agents has its own test: openai-agents-waterfall.test.ts.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import type { Page } from 'playwright-core';
import { FRAMEWORK_CASES } from '../src/fixtures/framework-runs.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { settle, visit } from '../src/harness/visit.ts';

let stack: Stack;
let server: SimulatedServer;
let page: Page;

/** Rows in order, the tool rows of one step sorted (parallel calls may start in either order). */
function normalized(rows: { name: string; category: string | null }[]) {
  const result = [...rows];
  for (let index = 0; index < result.length; index++) {
    let end = index;
    while (end < result.length && result[end]!.category === 'tool') end++;
    if (end - index > 1) result.splice(index, end - index, ...result.slice(index, end).sort((a, b) => a.name.localeCompare(b.name)));
  }
  return result;
}

describe('agents of other frameworks in the waterfall', () => {
  before(async () => {
    stack = await startStack();
    server = await startSimulatedServer({ latencyScale: 0.05 });
    page = await stack.newPage();
  });
  after(async () => {
    await server?.close();
    await stack?.close();
  });

  for (const { framework, run, rows: expected } of FRAMEWORK_CASES) {
    it(`draws a run of ${framework}: its agent, model calls and parallel tool calls, with the tokens the server counted`, async () => {
      const traced = await run(stack.collectorUrl, server);
      await visit(page, `${stack.dashboardUrl}/traces/${traced.traceId}`);
      await page.getByTestId('waterfall-full').waitFor();
      await page.locator('[role=treeitem]').first().waitFor();
      const rows = await page.locator('[role=treeitem]').evaluateAll((elements) =>
        elements.map((element) => ({ name: element.querySelector('.wf-label')?.textContent ?? '', category: element.getAttribute('data-category') })),
      );
      assert.deepEqual(normalized(rows), normalized(expected));

      const toolBars = await page.locator('[role=treeitem][data-category=tool] .wf-bar').evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect()).map(({ x, width }) => ({ x, width })));
      if (toolBars.length === 2) {
        const [first, second] = toolBars as [{ x: number; width: number }, { x: number; width: number }];
        assert.ok(first.x < second.x + second.width && second.x < first.x + first.width, 'the parallel tool calls overlap');
      }

      const summary = await page.getByTestId('trace-summary').innerText();
      const tokens = `tokens ${traced.inputTokens.toLocaleString('en-US')} in · ${traced.outputTokens.toLocaleString('en-US')} out`;
      assert.ok(summary.includes(tokens), `the summary shows the tokens the server counted, once (${tokens}):\n${summary}`);
      assert.match(summary, /cost \$0\.\d+/);
      await settle(page);
      await stack.screenshot(page, `waterfall-${framework.toLowerCase().replace(/[^a-z]+/g, '-')}`);
    });
  }
});
