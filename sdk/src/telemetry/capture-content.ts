// Whether message content goes on spans. Off by default (it may hold personal data); switched on by the option or,
// as every GenAI instrumentation does, by OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT.

const ENV_VAR = 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT';
// `true` is the common value; the span-related modes are what newer instrumentations (opentelemetry-python-contrib
// genai utils) accept, so the same environment works for mixed Python and TypeScript services.
const ON_VALUES = new Set(['true', 'span_only', 'span_and_event']);

/**
 * Resolves content capture: the explicit option wins, otherwise the environment variable decides.
 *
 * @example
 * captureContentEnabled(undefined); // true when OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true
 * captureContentEnabled(false);     // false whatever the environment says
 */
export function captureContentEnabled(option: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (option !== undefined) return option;
  const value = env[ENV_VAR]?.trim().toLowerCase();
  return value !== undefined && ON_VALUES.has(value);
}
