import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { AxeResults, Result } from 'axe-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export type Violation = { id: string; impact: Result['impact']; help: string; targets: string[] }

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the page as it is now. The site's CSP forbids inline
 * scripts, so axe's source is evaluated through the DevTools protocol rather than added as a script tag.
 */
export const axeViolations = async (page: Page): Promise<Violation[]> => {
  await page.evaluate(axeSource)
  const results = await page.evaluate<AxeResults>(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  )
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
}

/** Violations that block a user: axe's serious and critical ones. */
export const blocking = (violations: Violation[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
