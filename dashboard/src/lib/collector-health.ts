// What the collector's /api/health says a person should know about, in sentences: a failing database (with the
// collector's own advice) and forwarding that is retrying or has dropped batches. Nothing when all is well.
import type { HealthResponse } from '@hotpath/collector/api-types';

/**
 * The problems worth a notice, each a sentence; empty when the collector is healthy.
 *
 * @example
 * healthProblems(health); // ['Forwarding to http://tempo:4318/v1/traces dropped 3 batches (1.2 MB) …']
 */
export function healthProblems(health: Pick<HealthResponse, 'database' | 'forwarding'>): string[] {
  const problems: string[] = [];
  if (health.database && !health.database.ok && health.database.problem) problems.push(`The collector's ${health.database.problem}.`);
  const forwarding = health.forwarding;
  if (forwarding) {
    if (forwarding.dropped > 0) {
      problems.push(
        `Forwarding to ${forwarding.endpoint} dropped ${forwarding.dropped} batch${forwarding.dropped === 1 ? '' : 'es'} (${megabytes(forwarding.droppedBytes)}) since the collector started; they are stored here but not there.`,
      );
    }
    if (forwarding.state === 'retrying') {
      problems.push(
        `Forwarding to ${forwarding.endpoint} is retrying (${forwarding.queued} batch${forwarding.queued === 1 ? '' : 'es'}, ${megabytes(forwarding.queuedBytes)} waiting): ${forwarding.lastError ?? 'the last attempt failed'}.`,
      );
    }
  }
  return problems;
}

function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
