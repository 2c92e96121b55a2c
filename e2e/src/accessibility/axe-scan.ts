// Runs axe-core in a page and keeps the violations that block people (serious and critical), described well
// enough to fix from a test failure: rule, impact, the elements and what axe measured (a contrast ratio, say).
// axe is evaluated through the DevTools protocol rather than a <script> tag, so the dashboard's CSP cannot block it.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  /** One line per failing element: its selector and axe's explanation. */
  nodes: string[];
}

/** The impacts that fail a page: "serious" and "critical" keep someone from using it. */
const BLOCKING = new Set(['serious', 'critical']);

/** The rules whose outcome depends on colours: all that can change when only the colour scheme does. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * The serious and critical axe violations on the page as it is now, for every rule or only the ones named.
 *
 * @example
 * assert.deepEqual(await axeViolations(page), []);
 */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n//# sourceURL=axe.js`);
  const results = await page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: RawViolation[] }> } }).axe;
    interface RawViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string; any: { message: string }[] }[];
    }
    const { violations } = await axe.run(document, { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) });
    return violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.any.map((check) => check.message).join('; ') || node.failureSummary || ''}`),
    }));
  }, rules ? [...rules] : null);
  return results.filter((violation) => BLOCKING.has(violation.impact));
}

/**
 * The violations as readable lines for an assertion message.
 *
 * @example
 * assert.equal(found.length, 0, describeViolations(found));
 */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => `${violation.rule} (${violation.impact}, ${violation.nodes.length}×): ${violation.help}\n${violation.nodes.slice(0, 5).map((node) => `    ${node}`).join('\n')}`)
    .join('\n');
}
