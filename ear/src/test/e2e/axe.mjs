// axe-core's WCAG 2 A/AA checks on a page driven by playwright-core (Chromium, DevTools protocol) or
// puppeteer-core (Firefox, WebDriver BiDi): both evaluate scripts over their protocol, which the
// page's Content-Security-Policy does not govern, so axe is injected into the page as it is.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/**
 * @param {{evaluate: Function}} page a playwright-core or puppeteer-core page
 * @returns {Promise<string[]>} each violated rule with the elements that violate it
 */
export async function accessibilityViolations(page) {
    if (!await page.evaluate(() => Boolean(window.axe))) {
        await page.evaluate(AXE);
    }
    return page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }))
        .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
}
