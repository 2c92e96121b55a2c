// Whether a span's figures come from the simulated model server. Model calls to it carry `hotpath.simulated`
// themselves (the span's `simulated` column), but tool calls and router decisions around them do not: their
// trace does (the traces table's flag, set when any of its spans is simulated).
import { sql, type SQL } from 'drizzle-orm';

/**
 * 1 when the span, or the trace it belongs to, is simulated; 0 otherwise. For aggregates over many calls: the set of
 * simulated traces is read once per query (an uncorrelated IN, which SQLite and PostgreSQL both build once) instead
 * of one lookup per call, which measured half the time of a week's spend at 200,000 model calls.
 *
 * @example
 * db.select({ simulated: sql<number>`sum(${simulatedCall})` }).from(spans).where(modelCallsOnly).all();
 */
// Spelled out: drizzle renders a column without its table in a query without joins. A CASE, not the comparison
// itself: PostgreSQL cannot sum booleans.
export const simulatedCall: SQL<number> = sql<number>`(case when "spans"."simulated" = 1 or "spans"."trace_id" in (select "trace_id" from "traces" where "simulated" = 1) then 1 else 0 end)`;

/**
 * The same for a few rows (a page of routing decisions): one primary-key lookup per span, no pass over all traces.
 *
 * @example
 * db.select({ simulated: simulatedCallLookup }).from(spans).limit(500).all();
 */
// Unqualified `trace_id` inside the subquery would name the traces column on both sides (always true, and a scan).
export const simulatedCallLookup: SQL<number> = sql<number>`(case when "spans"."simulated" = 1 or exists (select 1 from "traces" where "traces"."trace_id" = "spans"."trace_id" and "traces"."simulated" = 1) then 1 else 0 end)`;
