// An integrator's page on its own origin (a small HTTP server on 127.0.0.1 started here) that
// imports FaceGate's client library from FaceGate and opens an enrollment session with a client's
// public API key, in headless Chromium: what CORS and the client's allowed_origins let through.
// Prints one JSON object: {page_origin, import_ok, created: {...} | null, error: {status, code, message} | null}.
//
//   node cross-origin.mjs --base-url http://localhost:18080 --api-key fg_... --user-id someone
import http from 'node:http';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.mjs';

const { values: options } = parseArgs({
    options: {
        'base-url': { type: 'string' },
        'api-key': { type: 'string' },
        'user-id': { type: 'string' },
        'page-port': { type: 'string', default: '0' },
    },
});

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Integrator</title></head><body>
<script type="module">
  const report = { import_ok: false, created: null, error: null };
  try {
    const { FaceAuthClient } = await import(${JSON.stringify(`${options['base-url']}/js/facegate-client.js`)});
    report.import_ok = true;
    const client = new FaceAuthClient({ apiKey: ${JSON.stringify(options['api-key'])}, baseUrl: ${JSON.stringify(options['base-url'])} });
    const session = await client.createEnrollmentSession(${JSON.stringify(options['user-id'])});
    report.created = { session_type: session.session_type, has_token: typeof session.session_token === 'string',
                       websocket_url: session.websocket_url };
  } catch (error) {
    report.error = { status: error.code ?? null, code: error.error ?? null, message: String(error.message ?? error) };
  }
  window.report = report;
</script></body></html>`;

const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page);
});
await new Promise((resolve) => server.listen(Number(options['page-port']), '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();
try {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${origin}/`);
    const report = await tab.waitForFunction(() => window.report, null, { timeout: 30_000 }).then((handle) => handle.jsonValue());
    console.log(JSON.stringify({ page_origin: origin, ...report }));
} finally {
    await browser.close();
    server.close();
}
