// The dashboard is safe to reach: it answers only the host names it is meant to (a rebound domain gets a 403), every
// answer carries the security headers, scripts run only with the request's CSP nonce, no server path reaches the
// browser, and a dashboard listening beyond loopback serves nothing without its access token.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startDashboard, type RunningDashboard } from '@hotpath/dashboard/launcher';
import { standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { visit } from '../src/harness/visit.ts';

const TOKEN = 'e2e-dashboard-token';
let stack: Stack;
let exposed: RunningDashboard;
let guarded: RunningDashboard;
let ids: Map<string, string>;

/** A GET with headers fetch() will not send (Host); answers status, headers and body. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const loopbackUrl = (dashboard: RunningDashboard) => dashboard.url.replace('0.0.0.0', '127.0.0.1');
const basic = (password: string) => `Basic ${Buffer.from(`anyone:${password}`).toString('base64')}`;

describe('dashboard safety', () => {
  before(async () => {
    stack = await startStack();
    ids = await sendFixtures(stack.collectorUrl, standardFixtures(Date.now()));
    // Listening on every interface: once without a token, once with one.
    [exposed, guarded] = await Promise.all([
      startDashboard({ collectorUrl: stack.collectorUrl, host: '0.0.0.0' }),
      startDashboard({ collectorUrl: stack.collectorUrl, host: '0.0.0.0', env: { HOTPATH_DASHBOARD_TOKEN: TOKEN } }),
    ]);
  });
  after(async () => {
    await exposed?.close();
    await guarded?.close();
    await stack?.close();
  });

  it('answers loopback host names and refuses any other, the way DNS rebinding arrives', async () => {
    const port = new URL(stack.dashboardUrl).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) assert.equal((await get(stack.dashboardUrl, { host })).status, 200, host);
    for (const path of ['/', '/api/collector/traces', '/_next/static/x.js']) {
      const refused = await get(`${stack.dashboardUrl}${path}`, { host: `attacker.example:${port}` });
      assert.equal(refused.status, 403, path);
      assert.match(refused.body, /HOTPATH_ALLOWED_HOSTS/);
      assert.doesNotMatch(refused.body, /traceId/);
    }
  });

  it('sends the security headers on pages, API answers, static files and errors', async () => {
    const page = await get(`${stack.dashboardUrl}/`);
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(page.body)?.[1];
    assert.ok(script, 'the page loads a script');
    for (const path of ['/', `/traces/${ids.get('optimized')}`, '/api/collector/health', script!, '/no-such-page']) {
      const answer = await get(`${stack.dashboardUrl}${path}`);
      const csp = String(answer.headers['content-security-policy']);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/, path);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', path);
      assert.equal(answer.headers['referrer-policy'], 'no-referrer', path);
      assert.equal(answer.headers['x-frame-options'], 'DENY', path);
    }
  });

  it('runs only scripts carrying the request nonce, and the pages still work under that policy', async () => {
    const answer = await get(`${stack.dashboardUrl}/traces/${ids.get('optimized')}`);
    const nonce = /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))![1]!;
    const scripts = [...answer.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.ok(scripts.length > 0);
    for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `script without the nonce: ${tag.slice(0, 120)}`);
    const tab = await stack.newPage();
    const violations: string[] = [];
    tab.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await visit(tab, `${stack.dashboardUrl}/traces/${ids.get('optimized')}`);
    await tab.locator('[role=treeitem]').first().waitFor();
    await tab.waitForSelector('[data-testid=live-status][data-connected=true]');
    // The way markup injection would try to run code: an inline handler on an element that fails to load.
    const injected = await tab.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const holder = document.createElement('div');
          holder.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = true">';
          holder.querySelector('img')!.addEventListener('error', () => setTimeout(() => resolve((window as unknown as { __injected?: boolean }).__injected ?? false), 50));
          document.body.append(holder);
        }),
    );
    assert.equal(injected, false, 'an inline handler without the nonce does not run');
    assert.ok(violations.length >= 1, 'the refused handler is reported as a CSP violation');
    await tab.close();
  });

  it('never hands the browser a server path', async () => {
    const health = (await (await fetch(`${stack.dashboardUrl}/api/collector/health`)).json()) as Record<string, unknown>;
    assert.equal(health.dbPath, undefined);
    for (const path of ['/', `/traces/${ids.get('optimized')}`, '/api/collector/health']) {
      const body = (await get(`${stack.dashboardUrl}${path}`)).body;
      assert.doesNotMatch(body, /hotpath-e2e-[A-Za-z0-9]+|hotpath\.sqlite|\/tmp\//, path);
    }
  });

  it('serves nothing beyond loopback without an access token, and asks for it when one is set', async () => {
    const open = await get(loopbackUrl(exposed));
    assert.equal(open.status, 503);
    assert.match(open.body, /HOTPATH_DASHBOARD_TOKEN/);
    const url = loopbackUrl(guarded);
    const challenge = await get(url);
    assert.equal(challenge.status, 401);
    assert.match(String(challenge.headers['www-authenticate']), /^Basic /);
    assert.equal((await get(`${url}/api/collector/traces`)).status, 401, 'the API proxy too');
    assert.equal((await get(url, { authorization: basic('wrong') })).status, 401);
    assert.equal((await get(url, { authorization: basic(TOKEN) })).status, 200);
    assert.equal((await get(url, { authorization: `Bearer ${TOKEN}` })).status, 200);
    // A browser that signed in uses every page, the live stream included.
    const tab = await stack.newPage();
    await tab.setExtraHTTPHeaders({ authorization: basic(TOKEN) });
    await visit(tab, `${url}/traces/${ids.get('optimized')}`);
    await tab.locator('[role=treeitem]').first().waitFor();
    await tab.waitForSelector('[data-testid=live-status][data-connected=true]');
    await tab.close();
  });
});
