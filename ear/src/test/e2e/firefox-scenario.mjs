// FaceGate's console (/console/) in Debian's headless Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi (never a downloaded browser): the operator and a tenant admin (of the client the
// Chromium scenario filled) sign in and open every view of theirs; each view must show its key
// content and its pictures, announce no error, and leave no uncaught
// error, console error or CSP violation behind; axe-core checks each one and a screenshot of each is
// saved. Prints one JSON report for ConsoleIT to judge.
//
//   node firefox-scenario.mjs --base-url http://localhost:18080 --admin-token fga_... --api-key fg_... --api-secret fgs_... \
//       --screenshots target/e2e-screenshots
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { accessibilityViolations } from './axe.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const { values: options } = parseArgs({
    options: {
        'base-url': { type: 'string' },
        'admin-token': { type: 'string' },
        'api-key': { type: 'string' },
        'api-secret': { type: 'string' },
        screenshots: { type: 'string' },
        'timeout-seconds': { type: 'string', default: '60' },
    },
});

const TIMEOUT = Number(options['timeout-seconds']) * 1000;

/** Each view's key content: what must be on the page once the view loaded (tables by their caption). */
const VIEWS = {
    operator: {
        clients: '[aria-label^="Clients ("]',
        system: '[aria-label="Dependencies"]',
    },
    tenant: {
        detections: '.view-content p.lead:not(:empty)',
        cameras: '[aria-label^="Cameras ("]',
        attendance: '[aria-label^="Present today"]',
        reports: '[aria-label^="Reports made ("]',
        people: '[aria-label^="People ("]',
        sessions: '[aria-label^="Sessions ("]',
        webhooks: '[aria-label^="Endpoints ("]',
        usage: 'figure.chart canvas',
        audit: '[aria-label^="Audit entries ("]',
    },
};

mkdirSync(options.screenshots, { recursive: true });
const report = {
    scenario: 'console-firefox',
    browser: null,
    views: {},
    page_errors: [],
    console_errors: [],
    accessibility_violations: {},
};

async function signIn(page, kind, fields) {
    await page.click(`input[name="kind"][value="${kind}"]`);
    for (const [selector, value] of Object.entries(fields)) {
        await page.type(selector, value);
    }
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#account:not([hidden])');
}

async function openEach(page, kind) {
    for (const [view, content] of Object.entries(VIEWS[kind])) {
        await page.click(`#nav a[data-view="${view}"]`);
        await page.waitForSelector(`#view[data-view="${view}"] ${content}`);
        // Pictures (profile pictures, face crops) come from the object storage's presigned links; a lazy
        // one below the fold is not fetched at all.
        const pictures = () => [...document.querySelectorAll('#view img')]
            .filter((image) => image.loading !== 'lazy' || image.getBoundingClientRect().top < window.innerHeight);
        await page.waitForFunction(`(${pictures})().every((image) => image.complete)`);
        report.views[`${kind}-${view}`] = await page.evaluate(`(() => {
            const status = document.getElementById('status');
            const shown = (${pictures})();
            return {
                heading: document.getElementById('view-heading').textContent,
                error: status.classList.contains('status-error') ? status.textContent : null,
                pictures: shown.length,
                pictures_shown: shown.filter((image) => image.naturalWidth > 0).length,
            };
        })()`);
        await page.screenshot({ path: path.join(options.screenshots, `console-firefox-${kind}-${view}.png`), fullPage: true });
        report.accessibility_violations[`${kind}-${view}`] = await accessibilityViolations(page);
    }
}

const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
try {
    report.browser = await browser.version();
    const page = await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (error) => report.page_errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && report.console_errors.push(message.text()));
    await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation',
        (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile ?? ''}:${event.lineNumber ?? ''}`)));
    await page.goto(`${options['base-url']}/console/`);

    await signIn(page, 'operator', { '#admin-token': options['admin-token'] });
    await openEach(page, 'operator');
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])');

    await signIn(page, 'tenant', { '#api-key': options['api-key'], '#api-secret': options['api-secret'] });
    await page.waitForSelector('body[data-live="live"]');
    report.live = true;
    await openEach(page, 'tenant');
    report.storage_entries = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])');
} catch (error) {
    report.harness_error = String(error.stack ?? error);
} finally {
    await browser.close();
}
report.csp_violations = report.console_errors.filter((message) => message.includes('CSP violation'));
console.log(JSON.stringify(report));
