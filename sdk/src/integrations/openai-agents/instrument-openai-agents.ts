// instrumentOpenAIAgents(): registers Hotpath's TracingProcessor with @openai/agents (its documented extension point),
// so every run of every Runner in the process becomes OpenTelemetry GenAI spans.
import { addTraceProcessor, setTraceProcessors, setTracingDisabled } from '@openai/agents';
import type { InstrumentOptions } from '../../telemetry/instrument-options.ts';
import { HotpathTracingProcessor } from './hotpath-tracing-processor.ts';

export interface InstrumentOpenAIAgentsOptions extends InstrumentOptions {
  /**
   * Replace the SDK's own trace processors (by default, its exporter to OpenAI's traces dashboard) instead of adding
   * Hotpath's beside them. Default false.
   */
  exclusive?: boolean;
}

/**
 * Registers a HotpathTracingProcessor with @openai/agents and switches its tracing on (it is off by default under
 * `NODE_ENV=test`, and when `setTracingDisabled(true)` or `OPENAI_AGENTS_DISABLE_TRACING` said so). Call it once,
 * at start-up; the processor is returned, e.g. to `shutdown()` it.
 *
 * @example
 * import { instrumentOpenAIAgents } from '@hotpath/sdk/openai-agents';
 * instrumentOpenAIAgents();                                  // spans to the global tracer provider (setup())
 * await run(agent, 'Where is order O-5002?');                // invoke_workflow → invoke_agent → chat / execute_tool
 */
export function instrumentOpenAIAgents(options: InstrumentOpenAIAgentsOptions = {}): HotpathTracingProcessor {
  const { exclusive, ...instrumentOptions } = options;
  const processor = new HotpathTracingProcessor(instrumentOptions);
  if (exclusive === true) setTraceProcessors([processor]);
  else addTraceProcessor(processor);
  setTracingDisabled(false);
  return processor;
}
