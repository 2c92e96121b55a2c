// A compare figure: the value in run A, in run B, and the change, coloured by whether it improved.
import { formatPercent, formatSigned } from '../lib/format.ts';
import { relativeChange } from '../lib/relative-change.ts';

export function ChangeStat({ label, a, b, format, testId }: { label: string; a: number; b: number; format: (value: number) => string; testId?: string }) {
  const change = relativeChange(a, b);
  const tone = change.verdict === 'better' ? 'diff-good' : change.verdict === 'worse' ? 'diff-bad' : undefined;
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value" style={{ fontSize: 16 }}>
        {format(a)} <span className="cell-sub">→</span> {format(b)}
      </div>
      <div className={`stat-hint ${tone ?? ''}`}>
        {formatSigned(change.delta, format)}
        {change.ratio !== null ? ` (${formatSigned(change.ratio, formatPercent)})` : ''}
      </div>
    </div>
  );
}
