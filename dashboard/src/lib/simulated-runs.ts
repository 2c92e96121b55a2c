// Which figures on an aggregate page come from simulated runs. The spend, routing and cache answers carry no
// per-row flag, so the pages derive it from the traces in the same time window.
import type { TraceSummary } from '@hotpath/collector/api-types';

export interface SimulatedRuns {
  /** At least one run in the window was simulated. */
  any: boolean;
  /** Every run in the window was simulated. */
  all: boolean;
  traceIds: ReadonlySet<string>;
  /** Models, agents and services that appear in simulated runs. */
  models: ReadonlySet<string>;
  agents: ReadonlySet<string>;
  services: ReadonlySet<string>;
}

/**
 * Collects the simulated traces, models and agents of a list of traces.
 *
 * @example
 * const simulated = simulatedRuns(traces);
 * simulated.models.has('sim-large'); // label that model's figures
 */
export function simulatedRuns(traces: readonly Pick<TraceSummary, 'traceId' | 'simulated' | 'models' | 'agent' | 'service'>[]): SimulatedRuns {
  const simulated = traces.filter((trace) => trace.simulated);
  return {
    any: simulated.length > 0,
    all: traces.length > 0 && simulated.length === traces.length,
    traceIds: new Set(simulated.map((trace) => trace.traceId)),
    models: new Set(simulated.flatMap((trace) => trace.models)),
    agents: new Set(simulated.flatMap((trace) => (trace.agent ? [trace.agent] : []))),
    services: new Set(simulated.flatMap((trace) => (trace.service ? [trace.service] : []))),
  };
}
