// A collector that requires a query token: the dashboard sends HOTPATH_QUERY_TOKEN from the server side, and
// without it every page says what to set instead of failing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { visit } from '../src/harness/visit.ts';

const TOKEN = 'e2e-query-token';

describe('collector query token', () => {
  let withToken: Stack;
  let withoutToken: Stack;

  before(async () => {
    [withToken, withoutToken] = await Promise.all([
      startStack({ collectorQueryToken: TOKEN, dashboardEnv: { HOTPATH_QUERY_TOKEN: TOKEN } }),
      startStack({ collectorQueryToken: TOKEN }),
    ]);
  });
  after(async () => {
    await withToken?.close();
    await withoutToken?.close();
  });

  it('reads the collector with the token the dashboard holds, never handing it to the browser', async () => {
    const page = await withToken.newPage();
    const tokenSeen: string[] = [];
    page.on('request', (request) => {
      if (JSON.stringify(request.headers()).includes(TOKEN)) tokenSeen.push(request.url());
    });
    await visit(page, withToken.dashboardUrl);
    await page.getByText('No traces yet').waitFor();
    await withToken.screenshot(page, 'traces-empty');
    const html = await page.content();
    assert.ok(!html.includes(TOKEN), 'the token is not in the page');
    assert.deepEqual(tokenSeen, [], 'the browser never sends the token');
    const proxied = await fetch(`${withToken.dashboardUrl}/api/collector/health`);
    assert.equal(proxied.status, 200);
  });

  it('explains a missing token on the pages and in the proxy', async () => {
    const page = await withoutToken.newPage();
    await visit(page, withoutToken.dashboardUrl);
    const message = await page.getByTestId('collector-error').innerText();
    assert.match(message, /401 unauthorized/);
    assert.match(message, /HOTPATH_QUERY_TOKEN/);
    await withoutToken.screenshot(page, 'collector-unauthorized');
    assert.equal((await fetch(`${withoutToken.dashboardUrl}/api/collector/health`)).status, 401);
  });
});
