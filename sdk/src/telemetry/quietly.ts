// Telemetry must never change what the agent sees: work on spans runs through here, so that a broken tracer (or a
// bug of ours) is logged through OpenTelemetry's diag logger instead of replacing the agent's result or error.
import { diag } from '@opentelemetry/api';

/**
 * Runs `action`, logging instead of throwing if it fails.
 *
 * @example
 * quietly(() => span.end());
 */
export function quietly(action: () => void): void {
  try {
    action();
  } catch (error) {
    diag.error('@hotpath/sdk telemetry: recording a span failed; the agent is unaffected', error);
  }
}
