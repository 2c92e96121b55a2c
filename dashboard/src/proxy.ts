// Runs before every request the dashboard answers (pages, its API proxy, static files): the host check and access
// control of server/request-guard.ts, and the security headers, with a fresh CSP nonce that Next puts on its own
// scripts (it reads the policy from the request headers set here).
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, guardConfig, guardRequest, SECURITY_HEADERS } from './server/request-guard.ts';

export function proxy(request: NextRequest): NextResponse {
  const verdict = guardRequest({ host: request.headers.get('host'), authorization: request.headers.get('authorization') }, guardConfig(process.env));
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  let response: NextResponse;
  if (verdict.ok) {
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('content-security-policy', policy);
    response = NextResponse.next({ request: { headers } });
  } else {
    response = new NextResponse(verdict.message, { status: verdict.status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...verdict.headers } });
  }
  response.headers.set('content-security-policy', policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}
