// Colours for chart series: distinct, colour-blind-friendly hues assigned by position, so the same group keeps
// its colour across the charts of one page.
const PALETTE = ['#4f46e5', '#0ea5e9', '#f59e0b', '#10b981', '#ec4899', '#8b5cf6', '#ef4444', '#14b8a6', '#84cc16', '#64748b'];

/**
 * The colour of the `index`-th series.
 *
 * @example
 * seriesColor(0) // '#4f46e5'
 */
export function seriesColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
