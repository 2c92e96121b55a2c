// The compare view's "where the time went": each run's wall-clock time split by what was running (lib/time-breakdown.ts),
// side by side with the change, so a speedup reads as "model time −1.2 s, tool-only time −0.9 s".
import type { TraceDetail } from '@hotpath/collector/api-types';
import { changeTone, runOutcome } from '../lib/change-tone.ts';
import { formatDuration, formatPercent, formatSigned } from '../lib/format.ts';
import { TIME_PARTS, timeBreakdown, type TimeBreakdown } from '../lib/time-breakdown.ts';
import { TONE_CLASS } from './ChangeStat.tsx';
import { TablePanel } from './TablePanel.tsx';

function Share({ ms, totalMs }: { ms: number; totalMs: number }) {
  return (
    <>
      {formatDuration(ms)} <span className="cell-sub">{totalMs > 0 ? formatPercent(ms / totalMs) : ''}</span>
    </>
  );
}

export function TimeBreakdownPanel({ a, b }: { a: TraceDetail; b: TraceDetail }) {
  const [left, right] = [a, b].map((detail) => timeBreakdown(detail.spans, detail.trace.startTime, detail.trace.endTime)) as [TimeBreakdown, TimeBreakdown];
  const [runA, runB] = [runOutcome(a.trace), runOutcome(b.trace)];
  return (
    <TablePanel
      title="Where the time went"
      note={<span className="cell-sub">each instant counted once, by what was running</span>}
      testId="time-breakdown"
      head={
        <tr>
          <th>Running</th>
          <th className="num">A</th>
          <th className="num">B</th>
          <th className="num">B − A</th>
        </tr>
      }
    >
      {TIME_PARTS.map(({ key, label, hint, category }) => {
        // A part is judged like the calls it explains: it is coloured only when it moves with the run's time.
        const verdict = changeTone('explains-time', left[key], right[key], runA, runB);
        return (
          <tr key={key} data-part={key}>
            <td title={hint}>
              <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                <span className={`cat-dot cat-${category}`} />
                {label}
              </span>
            </td>
            <td className="num"><Share ms={left[key]} totalMs={a.trace.durationMs} /></td>
            <td className="num"><Share ms={right[key]} totalMs={b.trace.durationMs} /></td>
            <td className={`num ${TONE_CLASS[verdict.tone]}`} data-tone={verdict.tone} title={verdict.reason}>
              {formatSigned(right[key] - left[key], formatDuration)}
            </td>
          </tr>
        );
      })}
    </TablePanel>
  );
}
