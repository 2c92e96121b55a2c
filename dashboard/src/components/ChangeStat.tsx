// A compare figure: the value in run A, in run B, and the change, coloured by whether it improved.
import { formatPercent, formatSigned } from '../lib/format.ts';
import { relativeChange } from '../lib/relative-change.ts';

export function ChangeStat({
  label,
  a,
  b,
  format,
  higherIsBetter = false,
  testId,
}: {
  label: string;
  a: number;
  b: number;
  format: (value: number) => string;
  /** For figures where growth is good (cached input); by default lower is better. */
  higherIsBetter?: boolean;
  testId?: string;
}) {
  const change = relativeChange(a, b);
  const improved = higherIsBetter ? change.verdict === 'worse' : change.verdict === 'better';
  const tone = change.verdict === 'same' ? undefined : improved ? 'diff-good' : 'diff-bad';
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value" style={{ fontSize: 15, whiteSpace: 'nowrap', letterSpacing: '-0.02em' }}>
        {format(a)} <span className="cell-sub">→</span> {format(b)}
      </div>
      <div className={`stat-hint ${tone ?? ''}`}>
        {formatSigned(change.delta, format)}
        {change.ratio !== null ? ` (${formatSigned(change.ratio, formatPercent)})` : ''}
      </div>
    </div>
  );
}
