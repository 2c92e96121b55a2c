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
import { simulatedCall, simulatedCallLookup } from './simulated-call.ts';
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
  const inScope = and(modelCallsOnly, ...scope);
  const modelName = sql<string>`coalesce(${spans.model}, 'unknown')`;
  // Aggregated where the calls are (a week holds hundreds of thousands): figures per model, then the two
  // nearest-rank percentiles per model with a window over the calls ordered by duration.
  // One pass over the calls, grouped finely enough to give the per-model figures, the per-rule counts and the
  // escalations (a week holds hundreds of thousands of calls: each pass over them costs).
  const groups = db
    .select({
      model: modelName,
      rule: spans.routeRule,
      routeModel: spans.routeModel,
      calls: sql<number>`count(*)`,
      latencyMs: sql<number>`sum(${spans.durationMs})`,
      inputTokens: sql<number>`coalesce(sum(${spans.inputTokens}), 0)`,
      outputTokens: sql<number>`coalesce(sum(${spans.outputTokens}), 0)`,
      costUsd: sql<number>`coalesce(sum(${spans.costUsd}), 0)`,
      simulatedCalls: sql<number>`sum(${simulatedCall})`,
    })
    .from(spans)
    .where(inScope)
    .groupBy(modelName, spans.routeRule, spans.routeModel)
    .all();
  const ranked = db
    .select({ model: sql<string>`coalesce(${spans.model}, 'unknown')`.as('model'), durationMs: spans.durationMs, rank: sql<number>`row_number() over (partition by ${modelName} order by ${spans.durationMs})`.as('rank'), count: sql<number>`count(*) over (partition by ${modelName})`.as('count') })
    .from(spans)
    .where(inScope)
    .as('ranked');
  // ceil(q × n) in integers, which SQLite and PostgreSQL divide alike.
  const percentiles = db
    .select({ model: ranked.model, durationMs: ranked.durationMs, p50: sql<number>`${ranked.rank} = (${ranked.count} + 1) / 2`, p95: sql<number>`${ranked.rank} = (${ranked.count} * 95 + 99) / 100` })
    .from(ranked)
    .where(sql`${ranked.rank} = (${ranked.count} + 1) / 2 or ${ranked.rank} = (${ranked.count} * 95 + 99) / 100`)
    .all();
  let simulatedCalls = 0;
  let totalCalls = 0;
  let escalations = 0;
  const byModel = new Map<string, RoutingModelStats>();
  const byRule = new Map<string, RoutingRuleCount>();
  for (const row of groups) {
    simulatedCalls += row.simulatedCalls;
    totalCalls += row.calls;
    let model = byModel.get(row.model);
    if (!model) {
      model = { model: row.model, calls: 0, routed: 0, avgLatencyMs: 0, p50LatencyMs: 0, p95LatencyMs: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, simulated: false };
      byModel.set(row.model, model);
    }
    model.calls += row.calls;
    // The sum of latencies for now; divided by the calls below.
    model.avgLatencyMs += row.latencyMs;
    model.inputTokens += row.inputTokens;
    model.outputTokens += row.outputTokens;
    model.costUsd += row.costUsd;
    if (row.simulatedCalls > 0) model.simulated = true;
    if (row.routeModel === null) continue;
    model.routed += row.calls;
    const rule = row.rule ?? 'unknown';
    const key = `${rule}\u0000${row.routeModel}`;
    const counted = byRule.get(key) ?? { rule, model: row.routeModel, count: 0, simulated: false };
    counted.count += row.calls;
    counted.simulated ||= row.simulatedCalls > 0;
    byRule.set(key, counted);
    if (rule.includes('escalat')) escalations += row.calls;
  }
  for (const model of byModel.values()) model.avgLatencyMs /= model.calls;
  for (const row of percentiles) {
    const model = byModel.get(row.model);
    if (!model) continue;
    if (row.p50) model.p50LatencyMs = row.durationMs;
    if (row.p95) model.p95LatencyMs = row.durationMs;
  }
  const models = [...byModel.values()];
  models.sort((x, y) => y.calls - x.calls || x.model.localeCompare(y.model));
  const rules = [...byRule.values()].sort((x, y) => y.count - x.count);
  const routed = and(isNotNull(spans.routeModel), ...scope);
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
      simulated: simulatedCallLookup,
    })
    .from(spans)
    .where(routed)
    .orderBy(desc(spans.startMs))
    .limit(maxDecisions)
    .all()
    .map((row) => ({ ...row, candidates: candidatesOf(row.candidates), reason: row.reason === null ? null : String(row.reason), escalated: row.escalated === 1, simulated: row.simulated === 1 }));
  return { models, rules, decisions, escalations, simulatedShare: totalCalls > 0 ? simulatedCalls / totalCalls : 0 };
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
