// Tool result views: what the model sees of a tool's result. A tool may declare a `modelView` (a projection keeping
// the fields answers need, like vercel/ai's `toModelOutput`); every result is then compacted losslessly (fields that
// are null, undefined, empty strings, empty arrays or empty objects say nothing and cost tokens). Applied only when
// the runner's `toolResultViews` switch is on; the tool's own code and the cache's keys are untouched.
import type { Tool } from './tool.ts';

/**
 * Drops fields that carry no information, recursively: `null`, `undefined`, `''`, `[]` and `{}` values in objects.
 * Array items are kept in place (dropping one would shift positions the model might cite); strings, numbers and
 * booleans (`0` and `false` included) are kept. Returns the value itself when there is nothing to drop.
 *
 * @example
 * compactResult({ id: 'O-1', note: null, tags: [], total: 0 }) // { id: 'O-1', total: 0 }
 */
export function compactResult(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactResult);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const compacted = compactResult(field);
    if (!isEmpty(compacted)) out[key] = compacted;
  }
  return out;
}

/**
 * The value the model sees for `result`: the tool's `modelView` projection, then compaction. A view that throws
 * (a result of a shape it did not expect) shows the whole result, compacted: a view may trim, never lose.
 *
 * @example
 * modelViewOf(getOrder, order) // getOrder.modelView(order), minus empty fields
 */
export function modelViewOf(tool: Pick<Tool, 'modelView'>, result: unknown): unknown {
  let projected = result;
  if (tool.modelView) {
    try {
      projected = tool.modelView(result as never);
    } catch {
      projected = result;
    }
  }
  return compactResult(projected);
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
