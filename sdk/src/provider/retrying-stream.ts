// The retry loop every HTTP provider shares: run an attempt, pass its events through, and when it fails with a
// retryable error before any output reached the caller, announce a `retry` event, wait, and try again. Once a
// text or tool-call event has gone out the stream is never replayed: the caller would see the output twice.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ModelStreamEvent, RetryPolicy } from './model-provider.ts';
import { HotpathError } from '../errors.ts';
import { ModelCallAbortedError, ProviderHttpError, StreamInterruptedError } from './provider-errors.ts';
import { retryDelayMs } from './retry-policy.ts';

const OUTPUT_EVENTS: ReadonlySet<ModelStreamEvent['type']> = new Set(['text-delta', 'tool-call-delta', 'tool-call']);

/**
 * Wraps `attempt` (called with the number of retries taken so far) in retries per `policy`.
 *
 * @example
 * yield* retryingStream((retries) => oneAttempt(request, retries), DEFAULT_RETRY_POLICY, signal);
 */
export async function* retryingStream(
  attempt: (retries: number) => AsyncIterable<ModelStreamEvent>,
  policy: RetryPolicy | false,
  signal: AbortSignal | undefined,
  random: () => number = Math.random,
): AsyncGenerator<ModelStreamEvent> {
  for (let retries = 0; ; retries++) {
    if (signal?.aborted) throw new ModelCallAbortedError({ cause: signal.reason });
    let outputSent = false;
    try {
      for await (const event of attempt(retries)) {
        if (OUTPUT_EVENTS.has(event.type)) outputSent = true;
        yield event;
      }
      return;
    } catch (error) {
      if (signal?.aborted) throw new ModelCallAbortedError({ cause: signal.reason });
      if (outputSent && StreamInterruptedError.isInstance(error) && !error.outputReceived) {
        throw new StreamInterruptedError(error.message, { cause: error.cause, outputReceived: true });
      }
      if (outputSent || policy === false || retries >= policy.maxRetries) throw error;
      if (!HotpathError.isInstance(error) || !error.retryable) throw error;
      const retryAfterMs = ProviderHttpError.isInstance(error) ? error.retryAfterMs : undefined;
      const delayMs = retryDelayMs(retries + 1, policy, retryAfterMs, random);
      if (delayMs === undefined) throw error;
      yield { type: 'retry', attempt: retries + 1, delayMs, error };
      try {
        await sleep(delayMs, undefined, signal === undefined ? undefined : { signal });
      } catch {
        throw new ModelCallAbortedError({ cause: signal?.reason });
      }
    }
  }
}
