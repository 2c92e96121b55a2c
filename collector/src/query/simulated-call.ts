// Whether a span's figures come from the simulated model server. Model calls to it carry `hotpath.simulated`
// themselves (the span's `simulated` column), but tool calls and router decisions around them do not: their
// trace does (the traces table's flag, set when any of its spans is simulated). A primary-key lookup per span.
import { sql, type SQL } from 'drizzle-orm';

/**
 * 1 when the span, or the trace it belongs to, is simulated; 0 otherwise. Aggregate with `max` for "any".
 *
 * @example
 * db.select({ simulated: sql<number>`max(${simulatedCall})` }).from(spans).groupBy(spans.toolName).all();
 */
// Spelled out: drizzle renders a column without its table in a query without joins, and unqualified `trace_id`
// inside the subquery would name the traces column on both sides (always true, and a scan).
export const simulatedCall: SQL<number> = sql<number>`("spans"."simulated" = 1 or exists (select 1 from "traces" where "traces"."trace_id" = "spans"."trace_id" and "traces"."simulated" = 1))`;
