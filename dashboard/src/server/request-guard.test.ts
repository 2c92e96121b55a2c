import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, credentialMatches, guardConfig, guardRequest, hostName, isLoopback } from './request-guard.ts';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('request guard', () => {
  it('reads host names from Host headers, IPv6 and ports included', () => {
    assert.deepEqual([hostName('LocalHost:3000'), hostName('[::1]:3000'), hostName('[::1]'), hostName('hotpath.lan')], ['localhost', '::1', '::1', 'hotpath.lan']);
    assert.deepEqual(['127.0.0.9', 'app.localhost', '::1', '10.0.0.5', 'example.com'].map(isLoopback), [true, true, true, false, false]);
  });

  it('answers loopback names only by default, and refuses a rebound domain with a way to allow it', () => {
    const config = guardConfig({ HOSTNAME: '127.0.0.1' });
    assert.deepEqual(guardRequest({ host: '127.0.0.1:3000', authorization: null }, config), { ok: true });
    assert.deepEqual(guardRequest({ host: 'localhost:3000', authorization: null }, config), { ok: true });
    const refused = guardRequest({ host: 'attacker.example:3000', authorization: null }, config);
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.status === 403 && refused.message.includes('HOTPATH_ALLOWED_HOSTS'));
    assert.equal(guardRequest({ host: null, authorization: null }, config).ok, false);
    assert.equal(guardRequest({ host: 'hotpath.lan', authorization: null }, guardConfig({ HOSTNAME: '127.0.0.1', HOTPATH_ALLOWED_HOSTS: 'hotpath.lan, other:80' })).ok, true);
  });

  it('refuses to serve beyond loopback without a token, and asks for it when one is set', () => {
    const open = guardConfig({ HOSTNAME: '0.0.0.0', HOTPATH_ALLOWED_HOSTS: 'hotpath.lan' });
    const refused = guardRequest({ host: 'hotpath.lan', authorization: null }, open);
    assert.ok(!refused.ok && refused.status === 503 && refused.message.includes('HOTPATH_DASHBOARD_TOKEN'));
    assert.ok(!guardRequest({ host: '127.0.0.1', authorization: null }, open).ok, 'a loopback Host header proves nothing about who sent it');
    const guarded = guardConfig({ HOSTNAME: '192.168.1.5', HOTPATH_DASHBOARD_TOKEN: 's3cret' });
    const challenge = guardRequest({ host: '192.168.1.5:3000', authorization: null }, guarded);
    assert.ok(!challenge.ok && challenge.status === 401 && challenge.headers?.['www-authenticate']?.startsWith('Basic'));
    assert.deepEqual(guardRequest({ host: '192.168.1.5:3000', authorization: basic('anyone', 's3cret') }, guarded), { ok: true });
    assert.deepEqual(guardRequest({ host: '192.168.1.5:3000', authorization: 'Bearer s3cret' }, guarded), { ok: true });
    assert.equal(guardRequest({ host: '192.168.1.5:3000', authorization: basic('anyone', 'wrong') }, guarded).ok, false);
    assert.equal(guardConfig({}).exposedOn, '0.0.0.0', 'no HOSTNAME: the standalone server listens everywhere');
  });

  it('checks credentials in both forms and nothing else', () => {
    assert.equal(credentialMatches(basic('u', 'p:with:colons'), 'p:with:colons'), true);
    assert.equal(credentialMatches('Bearer', 'x'), false);
    assert.equal(credentialMatches('Token x', 'x'), false);
    assert.equal(credentialMatches(null, 'x'), false);
  });

  it('builds a CSP that lets only nonced scripts run and nothing frame the page', () => {
    const policy = contentSecurityPolicy('abc', false);
    assert.match(policy, /script-src 'self' 'nonce-abc' 'strict-dynamic'(;|$)/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.doesNotMatch(policy, /unsafe-eval/);
  });
});
