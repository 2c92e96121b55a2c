// A panel holding one data table: a title (with an optional note beside it), the header row and the body rows,
// or an empty state in the table's place when there are no rows to show.
import type { ReactNode } from 'react';

/**
 * @example
 * <TablePanel title="Rules" testId="rules-table" head={<tr><th>Rule</th><th className="num">Decisions</th></tr>}>
 *   {rules.map((rule) => <tr key={rule.rule}><td>{rule.rule}</td><td className="num">{rule.count}</td></tr>)}
 * </TablePanel>
 */
export function TablePanel({ title, note, testId, head, empty, children }: {
  title: ReactNode;
  note?: ReactNode;
  testId: string;
  head: ReactNode;
  /** Shown instead of the table when given. */
  empty?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="panel">
      <div className="panel-title">
        <h2 id={`${testId}-title`}>{title}</h2>
        {note}
      </div>
      {empty ?? (
        // A table wider than its panel scrolls sideways: focusable, so keyboard users can scroll it too.
        <div className="table-wrap" style={{ padding: '8px 0' }} tabIndex={0} role="region" aria-labelledby={`${testId}-title`}>
          <table className="data" data-testid={testId}>
            <thead>{head}</thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
