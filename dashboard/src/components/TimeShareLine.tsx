// Under a trace's headline: where its wall-clock time went (lib/time-breakdown.ts), as a small stacked bar and the
// parts that took any time, so "model-bound" or "waiting on tools" reads before the waterfall does.
import { formatDuration, formatPercent } from '../lib/format.ts';
import { TIME_PARTS, type TimeBreakdown } from '../lib/time-breakdown.ts';

export function TimeShareLine({ parts, totalMs }: { parts: TimeBreakdown; totalMs: number }) {
  if (!(totalMs > 0)) return null;
  const shown = TIME_PARTS.filter(({ key }) => parts[key] > 0);
  return (
    <div className="time-share" data-testid="time-share">
      <span className="time-share-bar" aria-hidden="true">
        {shown.map(({ key, category }) => (
          <span key={key} className={`cat-${category}`} style={{ width: `${(parts[key] / totalMs) * 100}%` }} />
        ))}
      </span>
      {shown.map(({ key, label, hint }) => (
        <span key={key} title={hint} data-part={key}>
          {label.toLowerCase()} <b>{formatDuration(parts[key])}</b> ({formatPercent(parts[key] / totalMs)})
        </span>
      ))}
    </div>
  );
}
