// An @openai/agents run in the waterfall: the real library's run, traced through Hotpath's TracingProcessor,
// shows its agent, both model calls and both (parallel) tool calls, with the tokens the model server counted.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import type { Page } from 'playwright-core';
import { runOpenAIAgentsDesk } from '../src/fixtures/openai-agents-run.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { settle, visit } from '../src/harness/visit.ts';

let stack: Stack;
let server: SimulatedServer;
let page: Page;
let run: Awaited<ReturnType<typeof runOpenAIAgentsDesk>>;

describe('@openai/agents run in the waterfall', () => {
  before(async () => {
    stack = await startStack();
    server = await startSimulatedServer({ latencyScale: 0.05 });
    run = await runOpenAIAgentsDesk(stack.collectorUrl, server);
    page = await stack.newPage();
  });
  after(async () => {
    await server?.close();
    await stack?.close();
  });

  it('draws the workflow, the agent, its two model calls and its two parallel tool calls, with the model’s tokens', async () => {
    await visit(page, `${stack.dashboardUrl}/traces/${run.traceId}`);
    await page.getByTestId('waterfall-full').waitFor();
    await page.locator('[role=treeitem]').first().waitFor();
    const rows = await page.locator('[role=treeitem]').evaluateAll((elements) =>
      elements.map((element) => ({ name: element.querySelector('.wf-label')?.textContent ?? '', category: element.getAttribute('data-category') })),
    );
    assert.deepEqual(rows.slice(0, 3), [
      { name: 'invoke_workflow Agent workflow', category: 'agent' },
      { name: 'invoke_agent desk', category: 'agent' },
      { name: 'chat sim-small', category: 'model' },
    ]);
    assert.deepEqual(rows.slice(3, 5).map((row) => row.name).sort(), ['execute_tool list_orders', 'execute_tool list_tickets']);
    assert.deepEqual(rows.slice(3, 5).map((row) => row.category), ['tool', 'tool']);
    assert.deepEqual(rows[5], { name: 'chat sim-small', category: 'model' });

    const bars = await Promise.all(['execute_tool list_orders', 'execute_tool list_tickets'].map((name) =>
      page.locator('[role=treeitem]').filter({ has: page.locator('.wf-label', { hasText: new RegExp(`^${name}$`) }) }).locator('.wf-bar').boundingBox(),
    ));
    const [orders, tickets] = bars as [NonNullable<(typeof bars)[0]>, NonNullable<(typeof bars)[0]>];
    assert.ok(orders.x < tickets.x + tickets.width && tickets.x < orders.x + orders.width, 'the parallel tool calls overlap');

    const summary = await page.getByTestId('trace-summary').innerText();
    const tokens = `tokens ${run.inputTokens.toLocaleString('en-US')} in · ${run.outputTokens.toLocaleString('en-US')} out`;
    assert.ok(summary.includes(tokens), `the summary shows the tokens the server counted (${tokens}):\n${summary}`);
    assert.match(summary, /agent desk/);
    assert.match(summary, /cost \$0\.\d+/);
    await settle(page);
    await stack.screenshot(page, 'waterfall-openai-agents');
  });
});
