// GET /api/routing: how the model router chose, per model (calls, latency, tokens, cost), per rule, and the
// latest decisions with their candidates and reasons. A decision whose rule mentions escalation (a cascade
// retrying a step on a stronger model, rule `cascade:escalate`) counts as an escalation.
import { and, desc, isNotNull, sql } from 'drizzle-orm';
import { spans } from '../storage/schema.ts';
import type { RoutingDecision, RoutingModelStats, RoutingResponse, RoutingRuleCount } from './api-types.ts';
import { readStoredJson } from '../storage/read-stored-json.ts';
import type { QueryParams } from './query-params.ts';
import { byCodeUnit, type QueryStore } from './query-store.ts';
import { simulatedCall, simulatedCallLookup } from './simulated-call.ts';
import { modelCallsOnly, spanScope } from './time-scope.ts';

const maxDecisions = 500;

/**
 * Answers `GET /api/routing`.
 *
 * @example
 * (await routing(store, new QueryParams(new URLSearchParams(`traceId=${traceId}`)))).decisions[0]?.model;
 */
export async function routing(store: QueryStore, params: QueryParams): Promise<RoutingResponse> {
  const { db, dialect } = store;
  const scope = spanScope(params);
  const inScope = and(modelCallsOnly, ...scope);
  const modelName = sql<string>`coalesce(${spans.model}, 'unknown')`;
  // Aggregated where the calls are, from the covering index of model calls (schema.ts): one pass grouped finely
  // enough to give the per-model figures, the per-rule counts and the escalations (a week holds hundreds of
  // thousands of calls: each pass over them costs), then the two nearest-rank percentiles per model with a window
  // over the calls ordered by duration. The first groups by the stored model and names a missing one in JavaScript:
  // grouping by the coalesce() expression took twice as long on SQLite.
  const groups = await db
    .select({
      model: spans.model,
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
    .groupBy(spans.model, spans.routeRule, spans.routeModel);
  const ranked = db
    .select({ model: sql<string>`coalesce(${spans.model}, 'unknown')`.as('model'), durationMs: spans.durationMs, rank: sql<number>`row_number() over (partition by ${modelName} order by ${spans.durationMs})`.as('rank'), count: sql<number>`count(*) over (partition by ${modelName})`.as('count') })
    .from(spans)
    .where(inScope)
    .as('ranked');
  // ceil(q × n) in integers, which SQLite and PostgreSQL divide alike.
  const percentiles = await db
    .select({
      model: ranked.model,
      durationMs: ranked.durationMs,
      p50: sql<number>`case when ${ranked.rank} = (${ranked.count} + 1) / 2 then 1 else 0 end`,
      p95: sql<number>`case when ${ranked.rank} = (${ranked.count} * 95 + 99) / 100 then 1 else 0 end`,
    })
    .from(ranked)
    .where(sql`${ranked.rank} = (${ranked.count} + 1) / 2 or ${ranked.rank} = (${ranked.count} * 95 + 99) / 100`);
  let simulatedCalls = 0;
  let totalCalls = 0;
  let escalations = 0;
  const byModel = new Map<string, RoutingModelStats>();
  const byRule = new Map<string, RoutingRuleCount>();
  for (const row of groups) {
    simulatedCalls += row.simulatedCalls;
    totalCalls += row.calls;
    const name = row.model ?? 'unknown';
    let model = byModel.get(name);
    if (!model) {
      model = { model: name, calls: 0, routed: 0, avgLatencyMs: 0, p50LatencyMs: 0, p95LatencyMs: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, simulated: false };
      byModel.set(name, model);
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
    if (row.p50 === 1) model.p50LatencyMs = row.durationMs;
    if (row.p95 === 1) model.p95LatencyMs = row.durationMs;
  }
  const models = [...byModel.values()];
  models.sort((x, y) => y.calls - x.calls || byCodeUnit(x.model, y.model));
  const rules = [...byRule.values()].sort((x, y) => y.count - x.count || byCodeUnit(x.rule, y.rule) || byCodeUnit(x.model, y.model));
  const routed = and(isNotNull(spans.routeModel), ...scope);
  const rows = await db
    .select({
      traceId: spans.traceId,
      spanId: spans.spanId,
      time: spans.startMs,
      model: sql<string>`${spans.routeModel}`,
      candidates: dialect.jsonMember(spans.attributes, 'hotpath.route.candidates'),
      rule: spans.routeRule,
      reason: dialect.jsonMember(spans.attributes, 'hotpath.route.reason'),
      latencyMs: spans.durationMs,
      costUsd: spans.costUsd,
      escalated: sql<number>`case when ${dialect.contains(spans.routeRule, 'escalat')} then 1 else 0 end`,
      simulated: simulatedCallLookup,
    })
    .from(spans)
    .where(routed)
    // The span id breaks ties, so both stores list decisions made at the same moment alike.
    .orderBy(desc(spans.startMs), desc(spans.spanId))
    .limit(maxDecisions);
  const decisions: RoutingDecision[] = rows.map((row) => {
    const reason = row.reason === null ? null : jsonValue(row.reason);
    return { ...row, candidates: candidatesOf(row.candidates), reason: reason === null ? null : String(reason), escalated: row.escalated === 1, simulated: row.simulated === 1 };
  });
  return { models, rules, decisions, escalations, simulatedShare: totalCalls > 0 ? simulatedCalls / totalCalls : 0 };
}

/** An attribute's JSON text (dialect.jsonMember) read back; text that is not JSON stays as it is. */
function jsonValue(text: string): unknown {
  try {
    return readStoredJson(text);
  } catch {
    return text;
  }
}

/** The candidates attribute: an array of model names, or one. */
function candidatesOf(text: string | null): string[] {
  if (text === null) return [];
  const value = jsonValue(text);
  if (value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
