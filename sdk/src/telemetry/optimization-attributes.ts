// Which latency techniques a run used, as `hotpath.optimizations.*`: the preset and the switched-off techniques,
// so traces of `baseline` and `optimized` runs (and ablations) can be told apart and compared.
import type { Attributes } from '@opentelemetry/api';
import { OPTIMIZATION_NAMES } from '../runner/optimizations.ts';

/**
 * `hotpath.optimizations.preset` (`optimized` | `baseline` | `custom`) and `hotpath.optimizations.disabled`.
 * Takes the runner's resolved settings (which name their `preset` and `disabled` list); for a plain record of
 * switches, a technique is off when its switch is `false` (or `{ enabled: false }`).
 *
 * @example
 * optimizationAttributes({ parallelTools: false, streaming: true });
 * // { 'hotpath.optimizations.preset': 'custom', 'hotpath.optimizations.disabled': ['parallelTools'] }
 */
export function optimizationAttributes(optimizations: Record<string, unknown>): Attributes {
  const disabled = isStringArray(optimizations.disabled)
    ? optimizations.disabled
    : Object.keys(optimizations).filter((name) => isOff(optimizations[name]));
  const preset =
    typeof optimizations.preset === 'string'
      ? optimizations.preset
      : disabled.length === 0
        ? 'optimized'
        : OPTIMIZATION_NAMES.every((name) => disabled.includes(name))
          ? 'baseline'
          : 'custom';
  return { 'hotpath.optimizations.preset': preset, 'hotpath.optimizations.disabled': disabled };
}

function isOff(value: unknown): boolean {
  if (value === false) return true;
  return typeof value === 'object' && value !== null && (value as { enabled?: unknown }).enabled === false;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
