// What the dashboard checks before answering anything (src/proxy.ts runs it on every request), and the security
// headers it adds to every answer.
// - Host check: only the names the dashboard is meant to be reached by are answered (loopback names by default,
//   `HOTPATH_ALLOWED_HOSTS` to add more), so a web page whose domain an attacker re-points at 127.0.0.1 (DNS
//   rebinding) gets nothing from it.
// - Access control: when the server listens beyond loopback (`HOSTNAME`, which Next's standalone server binds to,
//   is not a loopback address) every request needs `HOTPATH_DASHBOARD_TOKEN`, as a bearer token or as the password of
//   HTTP Basic auth (any user name, so a browser can simply prompt); without a token set it refuses to serve at all.
//   A token that is set is always required.
// - Headers: a Content-Security-Policy with a fresh nonce per request (Next adds it to its own scripts), nosniff,
//   no framing, no referrer.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface GuardConfig {
  /** Host names answered (lower case, no port); `any` answers every name. */
  allowedHosts: ReadonlySet<string> | 'any';
  token: string | null;
  /** The address the server listens on, when it reaches beyond this machine; null on loopback. */
  exposedOn: string | null;
}

export type GuardResult = { ok: true } | { ok: false; status: number; message: string; headers?: Record<string, string> };

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * Whether a host name or address stays on this machine.
 *
 * @example
 * isLoopback('127.0.0.2') // true
 */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name) || name === '::ffff:127.0.0.1';
}

/**
 * The guard's settings from the environment.
 *
 * @example
 * guardConfig({ HOSTNAME: '0.0.0.0', HOTPATH_DASHBOARD_TOKEN: 's3cret', HOTPATH_ALLOWED_HOSTS: 'hotpath.lan' })
 */
export function guardConfig(env: Record<string, string | undefined>): GuardConfig {
  // Next's standalone server listens on HOSTNAME, on every interface when it is unset.
  const bind = env.HOSTNAME?.trim() || '0.0.0.0';
  const exposedOn = isLoopback(bind) ? null : bind;
  const listed = (env.HOTPATH_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((name) => hostName(name.trim()))
    .filter((name) => name !== '');
  const token = env.HOTPATH_DASHBOARD_TOKEN?.trim() || null;
  if (listed.includes('*')) return { allowedHosts: 'any', token, exposedOn };
  const names = new Set([...LOOPBACK_NAMES, ...listed]);
  // A server bound to a specific address is reached by that address.
  if (exposedOn && exposedOn !== '0.0.0.0' && exposedOn !== '::') names.add(hostName(exposedOn));
  return { allowedHosts: names, token, exposedOn };
}

/**
 * The name in a Host header, lower case, without port or IPv6 brackets.
 *
 * @example
 * hostName('[::1]:3000') // '::1'
 */
export function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']') === -1 ? undefined : value.indexOf(']'));
  const colon = value.lastIndexOf(':');
  return colon > -1 && value.indexOf(':') === colon ? value.slice(0, colon) : value;
}

/**
 * Checks one request's Host and credentials.
 *
 * @example
 * const verdict = guardRequest({ host: request.headers.get('host'), authorization: request.headers.get('authorization') }, config);
 */
export function guardRequest(request: { host: string | null; authorization: string | null }, config: GuardConfig): GuardResult {
  const name = hostName(request.host ?? '');
  const allowedName = config.allowedHosts === 'any' || (name !== '' && (config.allowedHosts.has(name) || isLoopback(name)));
  if (!allowedName) {
    return {
      ok: false,
      status: 403,
      message: `This Hotpath dashboard does not answer to the host name "${name}". If you meant to reach it by that name, add it to HOTPATH_ALLOWED_HOSTS.`,
    };
  }
  if (config.token === null) {
    if (config.exposedOn === null) return { ok: true };
    return {
      ok: false,
      status: 503,
      message: `This Hotpath dashboard listens on ${config.exposedOn}, beyond this machine, and has no access token. Set HOTPATH_DASHBOARD_TOKEN (or listen on 127.0.0.1).`,
    };
  }
  if (credentialMatches(request.authorization, config.token)) return { ok: true };
  return {
    ok: false,
    status: 401,
    message: 'This Hotpath dashboard needs its access token: sign in with any user name and the token as password, or send Authorization: Bearer <token>.',
    headers: { 'www-authenticate': 'Basic realm="Hotpath dashboard", charset="UTF-8"' },
  };
}

/**
 * Whether an Authorization header carries the token: `Bearer <token>`, or Basic auth with the token as password.
 *
 * @example
 * credentialMatches(`Basic ${btoa('me:s3cret')}`, 's3cret') // true
 */
export function credentialMatches(authorization: string | null, token: string): boolean {
  if (!authorization) return false;
  const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
  let given: string | null = null;
  if (scheme?.toLowerCase() === 'bearer') given = value;
  else if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    given = colon === -1 ? null : decoded.slice(colon + 1);
  }
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit that leaks how much matched.
  return given !== null && timingSafeEqual(digest(given), digest(token));
}

/**
 * The Content-Security-Policy of a page: scripts only from this origin with the request's nonce, nothing framed,
 * no plugins. Styles allow inline attributes, which React and the charts set per element.
 *
 * @example
 * contentSecurityPolicy('bm9uY2U=', false)
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sent with every answer besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
