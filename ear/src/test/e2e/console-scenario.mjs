// FaceGate's console (/console/) used as its users would, in headless Chromium against the server
// the integration tests start: the operator creates a client; its tenant admin creates two people,
// enrolls one from Chromium's fake webcam (playing the clip the camera plays too) and the other from
// photos, sees both profile pictures, adds a webhook endpoint and a camera pointed at the emulated
// ESP32 that plays the first person, and sees (in other tabs, signed in on their own) the detection arrive live with
// the face crop and the attendance board update; looks at the preview, test, health, logs, charts,
// webhook log (replaying a delivery), a report as figures and as a PDF (progress, history, the
// presigned download) with a schedule, sessions and usage; the person then signs in and sees only
// their own attendance. axe-core checks every view; every page's CSP violations, uncaught errors and
// browser storage are recorded. Prints one JSON report for ConsoleIT to judge.
//
//   node console-scenario.mjs --base-url http://localhost:18080 --admin-token fga_... --client-name "Console Co" \
//       --camera-url http://127.0.0.1:1234/stream --webhook-url http://127.0.0.1:2345/hook --photos a.jpg,b.jpg,c.jpg \
//       --webcam-clip blink.mjpeg --work-dir target/e2e --screenshots target/e2e-screenshots
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { accessibilityViolations } from './axe.mjs';
import { launchChromium, y4mOf } from './chromium.mjs';

const { values: options } = parseArgs({
    options: {
        'base-url': { type: 'string' },
        'admin-token': { type: 'string' },
        'client-name': { type: 'string' },
        'camera-url': { type: 'string' },
        'webhook-url': { type: 'string' },
        photos: { type: 'string' },
        'webcam-clip': { type: 'string' },
        'work-dir': { type: 'string' },
        screenshots: { type: 'string' },
        'timeout-seconds': { type: 'string', default: '90' },
    },
});

const BASE = options['base-url'];
const TIMEOUT = Number(options['timeout-seconds']) * 1000;
const CAMERA = 'DOOR-C';
const PERSON = { employeeId: 'CON001', first: 'Blink', last: 'Clip', email: 'blink.clip@console.example', password: 'console-pass-1' };
const OTHER = { employeeId: 'CON002', first: 'Other', last: 'Person', email: 'other.person@console.example' };
/** One more than the console's page of 20: the incidents list has a second page. */
const INCIDENTS = 21;
const PHONE = { width: 390, height: 844 };

mkdirSync(options.screenshots, { recursive: true });
const report = {
    scenario: 'console',
    steps: [],
    page_errors: [],
    console_errors: [],
    csp_violations: [],
    accessibility_violations: {},
    storage: [],
    authorizations_seen: 0,
    event_streams_opened: {},
};
const authorizations = new Set();

async function newPage(context, name) {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (error) => report.page_errors.push(`${name}: ${error}`));
    page.on('console', (message) => message.type() === 'error' && report.console_errors.push(`${name}: ${message.text()}`));
    page.on('request', (request) => {
        if (request.url().includes('/api/v1/events/')) {
            report.event_streams_opened[name] = (report.event_streams_opened[name] ?? 0) + 1;
        }
        const authorization = request.headers().authorization;
        if (authorization) {
            authorizations.add(authorization.replace(/^Bearer /, ''));
        }
    });
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
        (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile ?? ''}:${event.lineNumber ?? ''}`)));
    await page.goto(`${BASE}/console/`);
    return page;
}

const step = (name) => report.steps.push(name);
const screenshot = (page, name) => page.screenshot({ path: path.join(options.screenshots, `console-${name}.png`), fullPage: true });

async function accessibility(page, name) {
    report.accessibility_violations[name] = await accessibilityViolations(page);
}

/** Everything the page keeps in browser storage, and whether any token or secret the test saw is in it. */
async function storage(page, name, secrets) {
    const kept = await page.evaluate(() => ({
        local: Object.entries(localStorage), session: Object.entries(sessionStorage), cookies: document.cookie,
    }));
    const text = JSON.stringify(kept);
    report.storage.push({
        at: name, local_entries: kept.local.length, session_entries: kept.session.length, cookies: kept.cookies,
        holds_a_credential: [...authorizations, ...secrets].some((secret) => secret && text.includes(secret)),
    });
}

async function signIn(page, kind, fields) {
    await page.getByLabel(kind).check();
    for (const [label, value] of Object.entries(fields)) {
        await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function open(page, view) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: view }).waitFor();
}

const statusText = (page) => page.locator('#status').textContent();
const form = (page, heading) => page.locator('form', { has: page.getByRole('heading', { name: heading }) });
const section = (page, heading) => page.locator('section.panel', { has: page.getByRole('heading', { name: heading, exact: true }) });

// The face crops and profile pictures come from the test's object storage, on another loopback port.
const browser = await launchChromium({ localNetwork: true, fakeVideo: y4mOf(options['webcam-clip'], options['work-dir']) });
try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await newPage(context, 'main');
    report.sign_in_form_shown = await page.getByRole('heading', { name: 'Sign in' }).isVisible();
    await page.keyboard.press('Tab');
    report.first_tab_stop = await page.evaluate(() => document.activeElement?.textContent);
    await accessibility(page, 'sign-in');
    await screenshot(page, 'sign-in');

    // The operator creates the tenant.
    await signIn(page, 'Operator (admin token)', { 'Admin token': options['admin-token'] });
    step('operator signed in');
    await page.getByRole('table', { name: /^Clients/ }).waitFor();
    await page.getByLabel('Client name').fill(options['client-name']);
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.locator('.api-secret').waitFor();
    const client = { api_key: await page.locator('.api-key').first().textContent(), api_secret: await page.locator('.api-secret').textContent() };
    report.client = client;
    await page.getByRole('cell', { name: options['client-name'], exact: true }).waitFor();
    await screenshot(page, 'operator-clients');
    await accessibility(page, 'operator-clients');
    await open(page, 'System health');
    await page.getByRole('table', { name: 'Dependencies' }).waitFor();
    report.health_services = await page.getByRole('table', { name: 'Dependencies' }).locator('tbody tr').count();
    await page.locator('figure.chart canvas').first().waitFor();
    report.system_charts = await page.locator('figure.chart figcaption').allTextContents();
    await screenshot(page, 'operator-system');
    await accessibility(page, 'operator-system');
    await storage(page, 'operator signed in', [options['admin-token'], client.api_secret]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    report.operator_signed_out = await page.getByRole('navigation', { name: 'Views' }).isHidden();
    step('operator signed out');

    // The tenant admin: people, enrollment from photos, a webhook endpoint.
    const tenant = { 'API key': client.api_key, 'API secret': client.api_secret };
    await signIn(page, 'Tenant admin (the client\'s API key and secret)', tenant);
    step('tenant admin signed in');
    await storage(page, 'tenant admin signed in', [client.api_secret]);
    await open(page, 'People');
    for (const person of [PERSON, OTHER]) {
        const create = form(page, 'New person');
        await create.getByLabel('Employee id').fill(person.employeeId);
        await create.getByLabel('First name').fill(person.first);
        await create.getByLabel('Last name').fill(person.last);
        await create.getByLabel('Email').fill(person.email);
        await create.getByLabel('Role').selectOption('student');
        await create.getByLabel('Department').fill('Engineering');
        if (person.password) {
            await create.getByLabel('Password (optional)').fill(person.password);
        }
        await create.getByRole('button', { name: 'Create person' }).click();
        await page.getByRole('cell', { name: person.employeeId, exact: true }).waitFor();
    }
    // The first from the webcam, through the browser client library; the second from photos.
    const webcam = form(page, 'Enroll a face from the webcam');
    await webcam.getByLabel('Employee id').fill(PERSON.employeeId);
    await webcam.getByRole('button', { name: 'Start the webcam' }).click();
    // Three good frames may be taken within a second: the progress line can be gone before it is looked for.
    await page.locator('.webcam-status').filter({ hasText: /good frames|is enrolled|failed/ }).waitFor();
    await screenshot(page, 'people-webcam');
    await accessibility(page, 'people-webcam');
    await page.locator('.webcam-status').filter({ hasText: /is enrolled|failed/ }).waitFor({ timeout: 120_000 });
    report.webcam_enrollment = await page.locator('.webcam-status').textContent();
    report.webcam_released = await page.locator('video.webcam').evaluate((video) => video.srcObject === null && video.hidden);
    const enroll = form(page, 'Enroll a face from photos');
    await enroll.getByLabel('Employee id').fill(OTHER.employeeId);
    await enroll.getByLabel('Photos (3 to 5, one face each)').setInputFiles(options.photos.split(','));
    await enroll.getByRole('button', { name: 'Enroll face' }).click();
    await page.locator('.task-status').filter({ hasText: /is enrolled|failed/ }).waitFor({ timeout: 120_000 });
    report.enrollment = await page.locator('.task-status').textContent();
    report.face_badges = {};
    for (const person of [PERSON, OTHER]) {
        report.face_badges[person.employeeId] = await page.locator(`tr:has(td:text-is("${person.employeeId}")) .badge`).first().textContent();
    }
    // Both profile pictures, from the object storage through the presigned links the API gave.
    await page.waitForFunction(() => [...document.querySelectorAll('img.profile-image')]
        .filter((image) => image.complete && image.naturalWidth > 0).length >= 2);
    report.profile_pictures = await page.locator('img.profile-image').evaluateAll((images) => images
        .map((image) => `${image.alt}: ${image.naturalWidth}x${image.naturalHeight}`));
    await screenshot(page, 'people');
    await accessibility(page, 'people');
    step('people created, enrolled from the webcam and from photos');

    await open(page, 'Webhooks');
    await page.getByLabel('URL').fill(options['webhook-url']);
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    await page.locator('.webhook-secret').waitFor();
    report.webhook_secret = await page.locator('.webhook-secret').textContent();
    await page.getByRole('button', { name: `Send test: ${options['webhook-url']}` }).click();
    await page.locator('#status', { hasText: 'Test ping' }).waitFor();
    report.webhook_test = await statusText(page);
    step('webhook endpoint created and tested');

    // Two more tabs, signed in on their own, watch detections and the attendance board live.
    const detections = await newPage(context, 'detections');
    await signIn(detections, 'Tenant admin (the client\'s API key and secret)', tenant);
    await open(detections, 'Detections');
    await detections.locator('body[data-live="live"]').waitFor();
    const board = await newPage(context, 'attendance');
    await signIn(board, 'Tenant admin (the client\'s API key and secret)', tenant);
    await open(board, 'Attendance');
    await board.locator('body[data-live="live"]').waitFor();
    await board.getByRole('table', { name: /^Present today/ }).waitFor();
    report.board_before = await board.getByRole('table', { name: /^Present today/ }).locator('caption').textContent();
    step('live tabs open');

    // The camera, pointed at the emulated ESP32 playing the person.
    await open(page, 'Cameras');
    const camera = form(page, 'Add a camera');
    await camera.getByLabel('Camera id').fill(CAMERA);
    await camera.getByLabel('Name').fill('Console door');
    await camera.getByLabel('Location').fill('Lobby');
    await camera.getByLabel('Stream URL').fill(options['camera-url']);
    const added = Date.now();
    await camera.getByRole('button', { name: 'Add camera' }).click();
    await page.locator(`.camera-status[data-camera="${CAMERA}"] .badge-online`).waitFor();
    report.seconds_to_online = (Date.now() - added) / 1000;
    step('camera online');

    const matched = detections.locator('.detection[data-status="MATCHED"]');
    await matched.first().waitFor();
    report.seconds_to_live_detection = (Date.now() - added) / 1000;
    await detections.waitForFunction(() => [...document.querySelectorAll('.detection[data-status="MATCHED"] img')]
        .some((image) => image.complete && image.naturalWidth > 0));
    report.detection = {
        who: await matched.first().locator('.detection-who strong').textContent(),
        face_loaded: true,
        reloads: await detections.evaluate(() => performance.getEntriesByType('navigation').length),
    };
    await screenshot(detections, 'detections');
    await accessibility(detections, 'detections');
    step('detection arrived live');

    await board.getByRole('table', { name: /^Present today/ }).getByRole('cell', { name: PERSON.employeeId, exact: true }).waitFor();
    report.board_after = await board.getByRole('table', { name: /^Present today/ }).locator('caption').textContent();
    await board.locator('figure.chart canvas').first().waitFor();
    await screenshot(board, 'attendance');
    await accessibility(board, 'attendance');
    await board.setViewportSize(PHONE);
    await screenshot(board, 'attendance-phone');
    await accessibility(board, 'attendance-phone');
    report.board_horizontal_overflow = await board.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    step('attendance board updated live, readable on a phone');

    await page.getByRole('button', { name: `Preview: ${CAMERA}` }).click();
    await page.waitForFunction(() => Number(document.querySelector('img.preview')?.dataset.frames ?? 0) >= 3);
    report.preview_frames = Number(await page.locator('img.preview').getAttribute('data-frames'));
    report.preview_size = await page.locator('img.preview').evaluate((image) => `${image.naturalWidth}x${image.naturalHeight}`);
    await screenshot(page, 'camera-preview');
    await accessibility(page, 'camera-preview');
    await page.getByRole('button', { name: `Test: ${CAMERA}` }).click();
    await page.locator('.test-result').waitFor();
    report.camera_test = await page.locator('.test-result').textContent();
    await page.getByRole('button', { name: `Health: ${CAMERA}` }).click();
    await page.locator('section figure.chart canvas').waitFor();
    await screenshot(page, 'camera-health');
    await accessibility(page, 'camera-health');
    step('camera preview, test and health');

    await open(page, 'Attendance');
    const mark = form(page, 'Mark present by hand');
    await mark.getByLabel('Employee id').fill(OTHER.employeeId);
    await mark.getByLabel('Reason').fill('badge forgotten, seen at the desk');
    await mark.getByRole('button', { name: 'Mark present' }).click();
    // Success or the server's refusal, whichever the page announces: a refusal is then in the report.
    await page.waitForFunction(() => {
        const status = document.getElementById('status');
        return status.textContent.includes('was marked present') || status.classList.contains('status-error');
    });
    report.manual_mark = await statusText(page);
    await page.getByRole('cell', { name: 'badge forgotten, seen at the desk' }).waitFor();
    step('manual mark');

    // Reports: the figures on the page, then a PDF made by the batch job, its progress, history and link.
    await open(page, 'Reports');
    const request = form(page, 'Attendance report');
    await request.getByRole('button', { name: 'Make the report' }).click();
    await page.getByRole('table', { name: /^Departments of RPT_/ }).waitFor();
    report.reports = { json: await page.locator('.report-result .lead').textContent() };
    await request.getByLabel('Format').selectOption('pdf');
    await request.getByRole('button', { name: 'Make the report' }).click();
    await page.locator('.report-progress progress').waitFor();
    const download = page.locator('.report-result a.download');
    await download.waitFor({ timeout: 120_000 });
    report.reports.progress = await page.locator('.report-progress').textContent();
    report.reports.history = await page.getByRole('table', { name: /^Reports made/ }).locator('tbody tr').allInnerTexts();
    const file = await fetch(await download.getAttribute('href'));
    report.reports.download = { status: file.status, magic: Buffer.from(await file.arrayBuffer()).subarray(0, 4).toString('latin1') };
    await form(page, 'New schedule').getByRole('button', { name: 'Create schedule' }).click();
    await page.getByRole('table', { name: 'Schedules (1)' }).waitFor();
    await screenshot(page, 'reports');
    await accessibility(page, 'reports');
    step('reports: figures, a PDF with its progress, history and download, a schedule');

    await open(page, 'Webhooks');
    await page.getByRole('button', { name: `Delivery log: ${options['webhook-url']}` }).click();
    const deliveries = page.getByRole('table', { name: /^Deliveries/ });
    await deliveries.getByRole('cell', { name: 'detection.created', exact: true }).first().waitFor();
    for (let i = 0; i < 20 && !await deliveries.getByRole('cell', { name: 'attendance_logged', exact: true }).count(); i++) {
        await page.waitForTimeout(1000);
        await page.getByRole('button', { name: 'Refresh the log' }).click();
    }
    report.delivery_events = [...new Set(await deliveries.locator('tbody tr td:nth-child(2)').allTextContents())].sort();
    await deliveries.locator('tr', { hasText: 'ping' }).getByRole('button', { name: /^Replay/ }).click();
    await page.locator('#status', { hasText: 'replayed' }).waitFor();
    report.replay = await statusText(page);
    await screenshot(page, 'webhooks');
    await accessibility(page, 'webhooks');
    step('webhook log and replay');

    // The audit log with its filters; incidents (reported over the API: the console lists them) a page at a time.
    const tokens = await (await fetch(`${BASE}/api/core/auth/client/`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(client),
    })).json();
    report.incidents_reported = [];
    for (let i = 1; i <= INCIDENTS; i++) {
        const reported = await fetch(`${BASE}/api/v1/security/report-incident/`, {
            method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.access}` },
            body: JSON.stringify({ type: 'tailgating', description: `Two people through the door on one face (${i})`, severity: 'high', camera_id: CAMERA }),
        });
        report.incidents_reported.push(reported.status);
    }
    // By keyboard: a view link followed with Enter moves the focus to the view's heading.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Audit log', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Audit log' }).waitFor();
    report.focus_after_keyboard_navigation = await page.evaluate(() => document.activeElement?.id);
    const auditSection = section(page, 'Audit entries');
    await auditSection.getByRole('table', { name: /^Audit entries \(\d+\)/ }).waitFor();
    report.audit = { all: await auditSection.locator('caption').textContent() };
    await auditSection.getByLabel('Action').selectOption('enrollment');
    await auditSection.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[aria-label^="Audit entries"] tbody tr')];
        return rows.length > 0 && rows.every((row) => row.cells[1]?.textContent === 'enrollment');
    });
    report.audit.enrollments = (await auditSection.locator('tbody tr td:nth-child(3)').allTextContents()).sort();
    await auditSection.getByLabel('Action').selectOption('manual_mark');
    await auditSection.getByLabel('Person (employee id)').fill(OTHER.employeeId);
    await auditSection.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[aria-label^="Audit entries"] tbody tr')];
        return rows.length > 0 && rows.every((row) => row.cells[1]?.textContent === 'manual_mark');
    });
    report.audit.manual_marks = await auditSection.locator('tbody tr td:nth-child(3)').allTextContents();
    const incidentsSection = section(page, 'Security incidents');
    await incidentsSection.getByRole('table', { name: `Security incidents (${INCIDENTS}), newest first` }).waitFor();
    report.incidents = { first_page: await incidentsSection.locator('tbody tr').count(), position: await incidentsSection.locator('.page-position').textContent() };
    await screenshot(page, 'audit');
    await accessibility(page, 'audit');
    await incidentsSection.getByRole('button', { name: 'Next page' }).click();
    await incidentsSection.locator('.page-position', { hasText: 'Page 2' }).waitFor();
    report.incidents.second_page = await incidentsSection.locator('tbody tr').allInnerTexts();
    report.incidents.second_position = await incidentsSection.locator('.page-position').textContent();
    report.incidents.next_disabled = await incidentsSection.getByRole('button', { name: 'Next page' }).isDisabled();
    step('audit log filtered, incidents paged');

    await open(page, 'Sessions');
    await page.getByRole('table', { name: /^Sessions/ }).waitFor();
    await accessibility(page, 'sessions');
    await open(page, 'API usage');
    await page.locator('figure.chart canvas').first().waitFor();
    await screenshot(page, 'usage');
    await accessibility(page, 'usage');
    step('sessions and usage');
    await storage(page, 'tenant admin, end', [client.api_secret, report.webhook_secret]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // A person: their own attendance only, on a phone.
    await page.setViewportSize(PHONE);
    await signIn(page, 'Person (attendance login)', { 'API key': client.api_key, Email: PERSON.email, Password: PERSON.password });
    await page.getByRole('table', { name: /^My attendance logs/ }).waitFor();
    report.person = {
        views: await page.getByRole('navigation', { name: 'Views' }).getByRole('link').allTextContents(),
        logged: await page.getByRole('table', { name: /^My attendance logs/ }).locator('tbody tr td:nth-child(2)').allTextContents(),
        today: await page.locator('.today-attendance').textContent(),
        horizontal_overflow: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
    };
    await screenshot(page, 'person');
    await accessibility(page, 'person');
    // The selfie check-in, on the phone, by keyboard alone: the fake webcam shows the person.
    await page.getByRole('button', { name: 'Open the camera' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Check in now' }).waitFor();
    report.person.check_in_focused = await page.evaluate(() => document.activeElement?.textContent);
    await page.waitForFunction(() => document.querySelector('video.webcam')?.videoWidth > 0);
    await screenshot(page, 'check-in-phone');
    await accessibility(page, 'check-in-phone');
    await page.keyboard.press('Enter');
    await page.locator('.check-in-result').filter({ hasText: /checked in/i }).waitFor(); // "Checked in", "Already checked in" or "Not checked in: why"
    report.person.check_in = await page.locator('.check-in-result').textContent();
    report.person.check_in_overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    report.person.camera_released = await page.locator('video.webcam').evaluate((video) => video.srcObject === null);
    await storage(page, 'person signed in', [PERSON.password]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    step('person signed in and out');

    // The operator again: the report's batch job is among the executions.
    await signIn(page, 'Operator (admin token)', { 'Admin token': options['admin-token'] });
    await open(page, 'System health');
    const jobs = page.getByRole('table', { name: /^Batch job executions/ });
    await jobs.locator('tbody tr td:nth-child(2)').first().waitFor();
    report.job_executions = await jobs.locator('tbody tr').allInnerTexts();
    report.camera_counts = await page.locator('.camera-counts').textContent();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    step('operator sees the batch job executions');
    await storage(page, 'signed out', [client.api_secret, PERSON.password]);
    report.authorizations_seen = authorizations.size;
} catch (error) {
    report.harness_error = String(error.stack ?? error);
} finally {
    await browser.close();
}
report.csp_violations = report.console_errors.filter((message) => message.includes('CSP violation'));
console.log(JSON.stringify(report));
