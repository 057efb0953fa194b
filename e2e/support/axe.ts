import { readFileSync } from 'node:fs';

import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core's browser bundle. Evaluated through the devtools protocol rather than added as a
 * <script>, so the app's Content-Security-Policy (no inline scripts) does not stop it.
 * (@axe-core/playwright would do the same but wants Node >= 22.12.)
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs every axe rule that is on by default (WCAG A/AA and best practices) on the page as it is. */
export async function axeViolations(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    await page.evaluate(AXE_SOURCE);
  }
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    return axe.run(document);
  });
  return results.violations;
}

/** One line per element that breaks a rule, e.g. "list (serious) ol.messages: …", for assertion messages. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'n/a'}) ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
      ),
    )
    .join('\n');
}
