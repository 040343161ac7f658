/** axe-core in a page, against WCAG 2.2 level AA. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 rules at levels A and AA. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Examples quoted per violated rule: enough to find the markup, few enough to read. */
const EXAMPLES = 3;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

export type AxeScope = { type: 'tag'; values: string[] } | { type: 'rule'; values: string[] };

/**
 * Run axe on the page as it is now (WCAG 2.2 AA by default); one message per violated rule,
 * with the number of elements and a few examples. axe is injected through the DevTools protocol
 * (`page.evaluate`), which the page's Content-Security-Policy does not block.
 */
export async function findAxeViolations(
  page: Page,
  scope: AxeScope = { type: 'tag', values: WCAG_AA_TAGS },
): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { runOnly, resultTypes: ['violations'] })).violations;
  }, scope)) as AxeViolation[];
  return violations.map((violation) => {
    const examples = violation.nodes.slice(0, EXAMPLES).map((node) => {
      const why = node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ').slice(0, 220)}` : '';
      return `\n    ${node.target.join(' ')}: ${node.html.slice(0, 160)}${why}`;
    });
    return `${violation.id} (${violation.impact ?? 'n/a'}, ${violation.nodes.length} elements): ${violation.help}${examples.join('')}`;
  });
}
