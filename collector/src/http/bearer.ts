// Bearer-token check in constant time, for the ingest and query tokens.
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries exactly `Bearer <token>`.
 *
 * @example
 * bearerMatches(request.headers.authorization, process.env.HOTPATH_INGEST_TOKEN!);
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  if (!match) return false;
  // Hash both sides so the comparison takes the same time whatever the lengths.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
