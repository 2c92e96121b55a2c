// A notice above every page when the collector reports trouble a person should act on: a failing database, or
// forwarding that retries or drops (lib/collector-health.ts). Silent when healthy or unreachable (pages already
// explain an unreachable collector).
import type { HealthResponse } from '@hotpath/collector/api-types';
import { healthProblems } from '../lib/collector-health.ts';
import { queryCollector } from '../server/collector-client.ts';

export async function CollectorHealthNotice() {
  let problems: string[];
  try {
    problems = healthProblems(await queryCollector<HealthResponse>('/api/health', {}, { timeoutMs: 2_000 }));
  } catch {
    return null;
  }
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-warn" role="status" data-testid="collector-health">
      <div>
        <strong>Collector</strong>
        {problems.map((problem) => (
          <div key={problem}>{problem}</div>
        ))}
      </div>
    </div>
  );
}
