// A compare figure: the value in run A, in run B, and the change, coloured by whether it is good for the user
// (lib/change-tone.ts), with that judgement also in words for screen readers and on hover.
import { formatPercent, formatSigned } from '../lib/format.ts';
import type { ToneVerdict } from '../lib/change-tone.ts';
import { relativeChange } from '../lib/relative-change.ts';

export const TONE_CLASS = { good: 'diff-good', bad: 'diff-bad', neutral: '' } as const;

export function ChangeStat({
  label,
  a,
  b,
  format,
  verdict,
  testId,
}: {
  label: string;
  a: number;
  b: number;
  format: (value: number) => string;
  verdict: ToneVerdict;
  testId?: string;
}) {
  const change = relativeChange(a, b);
  return (
    <div className="stat" data-testid={testId} data-tone={verdict.tone}>
      <div className="stat-label">{label}</div>
      <div className="stat-value change-value">
        {format(a)} <span className="cell-sub">→</span> {format(b)}
      </div>
      <div className={`stat-hint ${TONE_CLASS[verdict.tone]}`} title={verdict.reason}>
        {formatSigned(change.delta, format)}
        {change.ratio !== null ? ` (${formatSigned(change.ratio, formatPercent)})` : ''}
        <span className="visually-hidden">: {verdict.reason}</span>
      </div>
    </div>
  );
}
