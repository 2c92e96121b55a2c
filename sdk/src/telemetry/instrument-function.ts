// instrument(fn): one `invoke_agent {name}` span around each call of a plain async agent function, made the active
// context so that runs, model calls and tool calls inside it land in the same trace, under it.
import { context, diag, SpanKind, trace, type Attributes, type Span } from '@opentelemetry/api';
import { textMessagesJson } from './gen-ai-content.ts';
import { resolveTelemetry, type InstrumentOptions } from './instrument-options.ts';
import { quietly } from './quietly.ts';
import { errorInfo, recordError } from './span-errors.ts';

// `any[]` so that every parameter list is accepted and preserved in the returned type.
export type AsyncAgentFunction = (...args: any[]) => Promise<unknown>;

/** Content as text: strings as they are, anything else as JSON (or left out when it cannot be serialised). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Wraps an async agent function so each call is one trace. The wrapper keeps the function's arguments, `this`,
 * result and errors exactly; only a span is added.
 *
 * @example
 * const answer = instrumentFunction(async (question: string) => (await runner.run(agent, question)).finalOutput,
 *   { name: 'support-desk' });
 * await answer('Where is order 42?'); // one trace: invoke_agent support-desk → invoke_agent … → chat …
 */
export function instrumentFunction<F extends AsyncAgentFunction>(fn: F, options: InstrumentOptions = {}): F {
  const { tracer, captureContent } = resolveTelemetry(options);
  const name = options.name ?? (fn.name || 'agent');
  const baseAttributes: Attributes = {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.agent.name': name,
    ...options.attributes,
  };

  const wrapped = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
    let span: Span;
    try {
      const attributes = { ...baseAttributes };
      if (captureContent) {
        const input = asText(args.length === 1 ? args[0] : args);
        if (input !== undefined) attributes['gen_ai.input.messages'] = textMessagesJson('user', input);
      }
      span = tracer.startSpan(`invoke_agent ${name}`, { kind: SpanKind.INTERNAL, attributes });
    } catch (error) {
      diag.error('@hotpath/sdk telemetry: could not start a span; calling the function without one', error);
      return fn.apply(this, args);
    }
    const active = trace.setSpan(context.active(), span);
    try {
      const output = await context.with(active, () => fn.apply(this, args));
      if (captureContent) {
        quietly(() => {
          const text = asText(output);
          if (text !== undefined) span.setAttribute('gen_ai.output.messages', textMessagesJson('assistant', text, 'stop'));
        });
      }
      return output;
    } catch (error) {
      quietly(() => recordError(span, errorInfo(error)));
      throw error;
    } finally {
      quietly(() => span.end());
    }
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as F;
}
