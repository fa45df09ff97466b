// One person in front of FaceGate's demo page (/demo/), in headless Chromium whose fake webcam
// plays a real clip: fills the form as a person would, streams until the page shows a result,
// saves screenshots, and prints what happened as one JSON object for BrowserDemoIT to judge.
//
//   node demo-scenario.mjs --base-url http://localhost:18080 --api-key fg_... --name enroll \
//       --mode enroll --user-id someone --clip clip.mp4 --work-dir target/e2e --screenshots target/e2e-screenshots
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, y4mOf } from './chromium.mjs';

const { values: options } = parseArgs({
    options: {
        'base-url': { type: 'string' },
        'api-key': { type: 'string' },
        name: { type: 'string' },
        mode: { type: 'string' },
        'user-id': { type: 'string', default: '' },
        'require-liveness': { type: 'string', default: 'true' },
        clip: { type: 'string' },
        'work-dir': { type: 'string' },
        screenshots: { type: 'string' },
        'timeout-seconds': { type: 'string', default: '150' },
        accessibility: { type: 'boolean', default: false },
    },
});

const MODE_LABELS = { enroll: 'Enroll a user', verify: 'Verify a user (1:1)', identify: 'Identify who it is (1:N)' };
const timeoutMs = Number(options['timeout-seconds']) * 1000;
const screenshot = (page, suffix, extra = {}) => page.screenshot({ path: path.join(options.screenshots, `${options.name}-${suffix}.png`), ...extra });

mkdirSync(options.screenshots, { recursive: true });
const report = {
    scenario: options.name,
    page_errors: [],
    console_errors: [],
    csp_violations: [],
    frames_sent: 0,
    streaming_seconds: 0,
    server_messages: {},
    instructions: [],
    websocket_closes: [],
};

const browser = await launchChromium({ fakeVideo: y4mOf(options.clip, options['work-dir']) });
try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => report.page_errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && report.console_errors.push(message.text()));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
        (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)));
    let firstFrameAt = null;
    let lastFrameAt = null;
    page.on('websocket', (socket) => {
        socket.on('framesent', ({ payload }) => {
            if (typeof payload === 'string' && payload.startsWith('{"type":"frame"')) {
                report.frames_sent += 1;
                firstFrameAt ??= Date.now();
                lastFrameAt = Date.now();
            }
        });
        socket.on('framereceived', ({ payload }) => {
            const message = JSON.parse(payload);
            report.server_messages[message.type] = (report.server_messages[message.type] ?? 0) + 1;
            if (message.instruction && report.instructions.at(-1) !== message.instruction) {
                report.instructions.push(message.instruction);
            }
            if (message.type.endsWith('_complete')) {
                report.completion = message;
            }
        });
        socket.on('close', () => report.websocket_closes.push(Date.now()));
    });

    const started = Date.now();
    await page.goto(`${options['base-url']}/demo/?api_key=${encodeURIComponent(options['api-key'])}`);
    report.api_key_left_in_address = page.url().includes('api_key');
    await page.getByLabel(MODE_LABELS[options.mode]).check();
    if (options.mode !== 'identify') {
        await page.getByLabel('User id').fill(options['user-id']);
    }
    if (options.mode !== 'enroll') {
        await page.getByLabel('Require liveness (blink and move)').setChecked(options['require-liveness'] === 'true');
    }
    await screenshot(page, 'form');
    await page.getByRole('button', { name: 'Start camera' }).click();

    // Mid-session: once the server has answered a frame (or the session already ended).
    await page.waitForFunction(() => Number(document.getElementById('progress').value) > 0
        || document.getElementById('metric-liveness').textContent !== '–'
        || !document.getElementById('prompt').hidden
        || document.getElementById('result').dataset.outcome, null, { timeout: timeoutMs });
    await screenshot(page, 'streaming');
    await page.waitForSelector('#result[data-outcome]', { timeout: timeoutMs });
    report.seconds_to_result = (Date.now() - started) / 1000;
    report.streaming_seconds = firstFrameAt ? (lastFrameAt - firstFrameAt) / 1000 : 0;
    await screenshot(page, 'result', { fullPage: true });

    report.page = await page.evaluate(() => {
        const text = (id) => document.getElementById(id).textContent.trim();
        const encrypted = text('encrypted-payload');
        return {
            state: document.body.dataset.state,
            outcome: document.getElementById('result').dataset.outcome,
            status: text('status'),
            result_message: text('result-message'),
            result_user: text('result-user'),
            result_confidence: text('result-confidence'),
            result_liveness: text('result-liveness'),
            result_encrypted: text('result-encrypted'),
            encrypted_data: encrypted ? JSON.parse(encrypted) : null,
            progress: Number(document.getElementById('progress').value),
            activity: [...document.querySelectorAll('#activity li')].map((item) => item.textContent),
            camera_released: document.getElementById('video').srcObject === null,
            start_enabled: !document.getElementById('start').disabled,
        };
    });

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'result-mobile', { fullPage: true });
    report.horizontal_overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

    if (options.accessibility) {
        report.accessibility_violations = await accessibilityViolations(browser, options['base-url']);
    }
} catch (error) {
    report.harness_error = String(error);
} finally {
    await browser.close();
}
report.csp_violations = report.console_errors.filter((message) => message.startsWith('CSP violation'));
console.log(JSON.stringify(report));

/**
 * axe-core's WCAG 2 A/AA findings on the demo page, idle and with the result panel shown. axe is
 * injected as an inline script, which the page's own CSP rightly forbids, so this page alone
 * bypasses CSP.
 */
async function accessibilityViolations(chromium, baseUrl) {
    const context = await chromium.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/demo/`);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core') });
    const run = () => page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }))
        .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    const idle = await run();
    await page.evaluate(() => { document.getElementById('result').hidden = false; });
    const withResult = await run();
    await context.close();
    return [...new Set([...idle, ...withResult])];
}
