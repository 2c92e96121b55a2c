// GET /api/routing: how the model router chose, per model (calls, latency, tokens, cost), per rule, and the
// latest decisions with their candidates and reasons. A decision whose rule mentions escalation (a cascade
// retrying a step on a stronger model, rule `cascade:escalate`) counts as an escalation.
import { and, desc, isNotNull, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../storage/schema.ts';
import { spans } from '../storage/schema.ts';
import type { RoutingDecision, RoutingModelStats, RoutingResponse, RoutingRuleCount } from './api-types.ts';
import { readStoredJson } from '../storage/read-stored-json.ts';
import type { QueryParams } from './query-params.ts';
import { simulatedCall } from './simulated-call.ts';
import { modelCallsOnly, spanScope } from './time-scope.ts';

const maxDecisions = 500;
const escalation = sql`(${spans.routeRule} like '%escalat%')`;

/**
 * Answers `GET /api/routing`.
 *
 * @example
 * routing(db, new QueryParams(new URLSearchParams(`traceId=${traceId}`))).decisions[0]?.model;
 */
export function routing(db: BetterSQLite3Database<typeof schema>, params: QueryParams): RoutingResponse {
  const scope = spanScope(params);
  const calls = db
    .select({
      model: sql<string>`coalesce(${spans.model}, 'unknown')`,
      routed: sql<number>`${spans.routeModel} is not null`,
      durationMs: spans.durationMs,
      inputTokens: spans.inputTokens,
      outputTokens: spans.outputTokens,
      costUsd: spans.costUsd,
      simulated: simulatedCall,
    })
    .from(spans)
    .where(and(modelCallsOnly, ...scope))
    .all();
  const byModel = new Map<string, { durations: number[]; model: RoutingModelStats }>();
  let simulatedCalls = 0;
  for (const call of calls) {
    let entry = byModel.get(call.model);
    if (entry === undefined) {
      entry = {
        durations: [],
        model: { model: call.model, calls: 0, routed: 0, avgLatencyMs: 0, p50LatencyMs: 0, p95LatencyMs: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, simulated: false },
      };
      byModel.set(call.model, entry);
    }
    entry.durations.push(call.durationMs);
    entry.model.calls += 1;
    entry.model.routed += call.routed ? 1 : 0;
    entry.model.inputTokens += call.inputTokens ?? 0;
    entry.model.outputTokens += call.outputTokens ?? 0;
    entry.model.costUsd += call.costUsd ?? 0;
    if (call.simulated === 1) {
      entry.model.simulated = true;
      simulatedCalls += 1;
    }
  }
  const models = [...byModel.values()].map(({ durations, model }) => {
    durations.sort((x, y) => x - y);
    model.avgLatencyMs = durations.reduce((sum, value) => sum + value, 0) / durations.length;
    model.p50LatencyMs = percentile(durations, 0.5);
    model.p95LatencyMs = percentile(durations, 0.95);
    return model;
  });
  models.sort((x, y) => y.calls - x.calls || x.model.localeCompare(y.model));
  const routed = and(isNotNull(spans.routeModel), ...scope);
  const rules: RoutingRuleCount[] = db
    .select({
      rule: sql<string>`coalesce(${spans.routeRule}, 'unknown')`,
      model: sql<string>`${spans.routeModel}`,
      count: sql<number>`count(*)`,
      simulated: sql<number>`max(${simulatedCall})`,
    })
    .from(spans)
    .where(routed)
    .groupBy(spans.routeRule, spans.routeModel)
    .orderBy(desc(sql`count(*)`))
    .all()
    .map((row) => ({ ...row, simulated: row.simulated === 1 }));
  const decisions: RoutingDecision[] = db
    .select({
      traceId: spans.traceId,
      spanId: spans.spanId,
      time: spans.startMs,
      model: sql<string>`${spans.routeModel}`,
      candidates: sql<string | null>`json_extract(${spans.attributes}, '$."hotpath.route.candidates"')`,
      rule: spans.routeRule,
      reason: sql<string | null>`json_extract(${spans.attributes}, '$."hotpath.route.reason"')`,
      latencyMs: spans.durationMs,
      costUsd: spans.costUsd,
      escalated: sql<number>`${escalation}`,
      simulated: simulatedCall,
    })
    .from(spans)
    .where(routed)
    .orderBy(desc(spans.startMs))
    .limit(maxDecisions)
    .all()
    .map((row) => ({ ...row, candidates: candidatesOf(row.candidates), reason: row.reason === null ? null : String(row.reason), escalated: row.escalated === 1, simulated: row.simulated === 1 }));
  const escalations = db.select({ count: sql<number>`count(*)` }).from(spans).where(and(routed, escalation)).get()?.count ?? 0;
  return { models, rules, decisions, escalations, simulatedShare: calls.length > 0 ? simulatedCalls / calls.length : 0 };
}

/** json_extract gives an array attribute back as JSON text. */
function candidatesOf(value: string | null): string[] {
  if (value === null) return [];
  try {
    const parsed: unknown = readStoredJson(value);
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    return [value];
  }
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], quantile: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))] ?? 0;
}
