// Exports the benchmark's runs to a Hotpath collector so the dashboard can compare them: OpenTelemetry is set up
// once with the SDK's `setup()`, every batch becomes one trace — an instrumented function `invoke_agent workload`
// carrying `hotpath.workload.variant` and `hotpath.workload.batch` — and every task run inside it carries
// `hotpath.workload.task` (Hotpath runs through `instrument(runner)`, @openai/agents turns through an instrumented
// function around each turn, and inside it, once `instrumentOpenAIAgents()` was called, that SDK's own runs as
// `invoke_workflow` → `invoke_agent` → `chat` / `execute_tool` spans from its tracing processor).
import { trace } from '@opentelemetry/api';
import type { BatchWrapper } from './run-repetitions.ts';
import { instrument, instrumentOpenAIAgents, setup } from './sdk.ts';
import type { Runner, TelemetryShutdown } from './sdk.ts';
import type { TaskRun } from './task-run.ts';

export interface ExportedTrace {
  variant: string;
  batch: number;
  traceId: string;
}

export interface CollectorExport {
  /** Runs a batch inside its `invoke_agent workload` span and records the trace id. */
  wrapBatch: BatchWrapper;
  /** Gives a Hotpath Runner spans. */
  instrumentRunner(runner: Runner): void;
  /**
   * Sends @openai/agents' own traces here too: Hotpath's tracing processor replaces that SDK's (which would export to
   * OpenAI), process-wide. Call it before creating the peer's executors, and give them `traced: true`.
   */
  instrumentOpenAIAgents(): void;
  /** Wraps one @openai/agents turn in an `invoke_agent <agentName>` span (default `support-desk`) with the task's attributes. */
  instrumentTurn<T>(attributes: Record<string, string | number | boolean>, turn: () => Promise<T>, agentName?: string): Promise<T>;
  /** The traces exported so far, in the order their batches ran. */
  readonly traces: readonly ExportedTrace[];
  /** Flushes the spans still buffered; returns how many spans were exported and how many were lost. */
  shutdown(): Promise<{ exportedSpans: number; failedSpans: number }>;
}

/**
 * Sets up OpenTelemetry to export to the collector at `collectorUrl` (OTLP/HTTP on the same address).
 *
 * @example
 * const exporter = await startCollectorExport('http://127.0.0.1:4318');
 * await runRepetitions({ …, wrapBatch: exporter.wrapBatch });
 * await exporter.shutdown();
 */
export async function startCollectorExport(collectorUrl: string, serviceName = 'hotpath-bench'): Promise<CollectorExport> {
  const shutdown: TelemetryShutdown = await setup({ serviceName, endpoint: collectorUrl });
  const traces: ExportedTrace[] = [];
  return {
    traces,
    wrapBatch: ({ variant, batch, attributes }, run) => {
      const workload = instrument(
        async (): Promise<TaskRun[]> => {
          const traceId = trace.getActiveSpan()?.spanContext().traceId;
          if (traceId) traces.push({ variant, batch, traceId });
          return run();
        },
        { name: 'workload', attributes },
      );
      return workload();
    },
    instrumentRunner: (runner) => {
      instrument(runner);
    },
    instrumentOpenAIAgents: () => {
      instrumentOpenAIAgents({ exclusive: true });
    },
    instrumentTurn: (attributes, turn, agentName = 'support-desk') => instrument(turn, { name: agentName, attributes })(),
    shutdown: async () => {
      await shutdown();
      return { exportedSpans: shutdown.exportStats.exportedSpans, failedSpans: shutdown.exportStats.failedSpans };
    },
  };
}
