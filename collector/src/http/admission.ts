// Admission control shared by the OTLP receivers: past `max` export requests in progress, a new one is refused
// with a retryable "too many requests" instead of queueing without bound.
import { CollectorError } from '../errors.ts';

export interface Admission {
  /** Counts a request in; throws `too_many_requests` (429) when over the limit (the request still counts until `leave`). */
  enter(): void;
  leave(): void;
}

/**
 * Creates the counter.
 *
 * @example
 * const admission = createAdmission(64);
 * admission.enter(); try { … } finally { admission.leave(); }
 */
export function createAdmission(max: number): Admission {
  let inFlight = 0;
  return {
    enter() {
      inFlight += 1;
      if (inFlight > max) {
        throw new CollectorError('too_many_requests', `more than ${max} export requests in progress; retry later`, { retryAfterSeconds: 1 });
      }
    },
    leave() {
      inFlight -= 1;
    },
  };
}
