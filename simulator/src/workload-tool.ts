// A workload's tool as a plain object any agent framework can wrap: a zod 4 parameter schema, an `execute` that
// validates its arguments, spends the service's latency on a real timer that stops when the signal aborts, and
// returns a copy of the answer; plus the facts a service's own documentation states (typical latency, idempotent,
// read-only), which a runner needs to optimise safely. The support desk and the travel desk both build on it.
import type { z } from 'zod';
import { abortableDelay } from './abortable-delay.ts';

export interface WorkloadTool<Parameters extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  parameters: Parameters;
  execute(args: z.infer<Parameters>, context: { signal?: AbortSignal }): Promise<unknown>;
  /** Typical latency before `latencyScale`. */
  latencyMs: number;
  /** Same arguments, same result: safe to cache. */
  idempotent: boolean;
  /** Changes nothing: safe to start early or prefetch. */
  readOnly: boolean;
}

export interface WorkloadToolOptions {
  /** Multiplies every tool latency (1 for benchmarks, small for tests). Default 1. */
  latencyScale?: number;
}

/**
 * Reads and checks the latency scale of a tool set.
 *
 * @example
 * latencyScaleOf({ latencyScale: 0.01 }); // 0.01
 */
export function latencyScaleOf(options: WorkloadToolOptions): number {
  const scale = options.latencyScale ?? 1;
  if (!(scale >= 0)) throw new RangeError('latencyScale must be a number ≥ 0');
  return scale;
}

/**
 * Builds a tool from its description and a synchronous `run` that answers from the workload's data (and may throw
 * the workload's typed errors, which a tool-calling loop turns into tool errors).
 *
 * @example
 * defineWorkloadTool(1, { name: 'get_order', description: '…', parameters: z.object({ orderId: z.string() }),
 *   latencyMs: 300, idempotent: true, readOnly: true, run: ({ orderId }) => findOrder(orderId) });
 */
export function defineWorkloadTool<Parameters extends z.ZodObject>(
  scale: number,
  spec: Omit<WorkloadTool<Parameters>, 'execute'> & { run(args: z.infer<Parameters>): unknown },
): WorkloadTool<Parameters> {
  const { run, ...rest } = spec;
  return {
    ...rest,
    async execute(args, context) {
      const parsed = spec.parameters.parse(args);
      await abortableDelay(spec.latencyMs * scale, context.signal);
      return structuredClone(run(parsed));
    },
  };
}
