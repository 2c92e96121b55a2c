// A plain-text table for the terminal and for the README (it is valid Markdown): columns padded to their widest
// cell, the first column left-aligned and the others right-aligned, since they hold figures.

/**
 * Renders `header` and `rows` as a Markdown table whose columns line up in a monospace terminal.
 *
 * @example
 * textTable(['metric', 'a'], [['p50', '12 ms']]);
 * // | metric |     a |
 * // | :----- | ----: |
 * // | p50    | 12 ms |
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new RangeError(`a table row has ${row.length} cells but the header has ${header.length}`);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, 3, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width - 1)}` : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
