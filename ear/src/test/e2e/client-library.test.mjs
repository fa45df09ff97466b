// FaceAuthClient (web-module/src/main/webapp/js/facegate-client.js) in headless Chromium, against a
// scripted WebSocket peer: the situations FaceGate cannot be made to produce on demand (dropped
// connections, each close code, unanswered frames) and the client's own rules (10 fps cap, pings,
// token reuse, no secret). The real server is exercised end to end by demo-scenario.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { launchChromium } from './chromium.mjs';

const LIBRARY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web-module/src/main/webapp/js/facegate-client.js');

/** The page the library runs in: one helper that streams a canvas and records every callback. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>client library test</title>
<script type="module">
import { FaceAuthClient } from '/js/facegate-client.js';
window.FaceAuthClient = FaceAuthClient;
// When each frame left the page: arrival times at the peer jitter with the machine's load.
const send = WebSocket.prototype.send;
let frameSendTimes = [];
WebSocket.prototype.send = function (data) {
  if (data.startsWith('{"type":"frame"')) {
    frameSendTimes.push(performance.now());
  }
  return send.call(this, data);
};
window.stream = async (websocketUrl, options, durationMs) => {
  frameSendTimes = [];
  const record = { states: [], progress: 0, errors: [], completed: null, closed: null, connected: null, connectError: null };
  const client = new FaceAuthClient({ apiKey: 'fg_test', ...options });
  client.onStateChange = (state) => record.states.push(state);
  client.onProgress = () => record.progress++;
  client.onError = (e) => record.errors.push({ message: e.message, code: e.code, fatal: e.fatal });
  client.onComplete = (data) => { record.completed = data; record.completedAt = performance.now(); };
  client.onClose = (event) => { record.closed = { code: event.code }; };
  const canvas = document.createElement('canvas');
  canvas.width = 1280;
  canvas.height = 720;
  const context = canvas.getContext('2d');
  context.fillStyle = '#8a6';
  context.fillRect(0, 0, canvas.width, canvas.height);
  try {
    record.connected = await client.connectWebSocket(websocketUrl);
    client.startStreaming(canvas);
  } catch (e) {
    record.connectError = { message: e.message, code: e.code, fatal: e.fatal };
  }
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  record.finalState = client.state;
  record.frameSendTimes = frameSendTimes;
  client.close();
  return record;
};
window.ready = true;
</script>`;

let server;
let baseUrl;
let browser;
let page;
const peers = new Map();
const backendRequests = [];

/**
 * A scripted WebSocket peer at /ws/{name}/. It greets every connection like FaceGate (unless
 * `onConnection` says otherwise) and records what the client sends, with arrival times.
 */
function peer(name, { onConnection = greet, onFrame = () => {}, onPing = (socket) => socket.send(JSON.stringify({ type: 'pong' })) } = {}) {
    const record = { url: `${baseUrl.replace('http', 'ws')}/ws/${name}/`, connections: 0, frames: [], pings: 0, closes: [] };
    peers.set(name, { record, onConnection, onFrame, onPing });
    return record;
}

function greet(socket) {
    socket.send(JSON.stringify({ type: 'connection_established', session_token: 'fs_test', session_type: 'enrollment', status: 'active' }));
}

function progress(socket, record) {
    socket.send(JSON.stringify({ type: 'frame_processed', frame_id: record.frames.at(-1).id, success: true,
        frames_processed: record.frames.length, target_samples: 3 }));
}

function handleConnection(socket, request) {
    const name = new URL(request.url, baseUrl).pathname.split('/')[2];
    const { record, onConnection, onFrame, onPing } = peers.get(name);
    record.connections += 1;
    const connection = record.connections;
    socket.on('close', (code) => record.closes.push(code));
    socket.on('message', (raw) => {
        const message = JSON.parse(raw.toString());
        if (message.type === 'ping') {
            record.pings += 1;
            onPing(socket);
        } else if (message.type === 'frame') {
            record.frames.push({ at: performance.now(), id: message.frame_id, image: message.image, connection });
            onFrame(socket, record, connection);
        }
    });
    onConnection(socket, connection);
}

/** Stands in for an integrator's backend and for FaceGate's token and session endpoints. */
function handleHttp(request, response) {
    const send = (status, body, type = 'application/json') => {
        response.writeHead(status, { 'Content-Type': type });
        response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/') {
        return send(200, PAGE, 'text/html');
    }
    if (request.method === 'GET' && request.url === '/js/facegate-client.js') {
        return send(200, readFileSync(LIBRARY, 'utf8'), 'text/javascript');
    }
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
        backendRequests.push({ url: request.url, headers: request.headers, body: body ? JSON.parse(body) : null });
        if (request.url === '/api/auth/client/') {
            return send(200, { jwt_token: `jwt-${backendRequests.length}`, expires_at: new Date(Date.now() + 600_000).toISOString(), scope: 'session' });
        }
        if (request.url === '/api/auth/enrollment/' || request.url === '/backend/face-sessions') {
            return send(201, { session_token: 'fs_1', websocket_url: 'ws://example.invalid/ws/auth/process-image/fs_1/', status: 'pending' });
        }
        if (request.url === '/backend/refusing') {
            return send(403, { error: 'forbidden', message: 'not today', details: {} });
        }
        return send(404, { error: 'not_found', message: 'no such path', details: {} });
    });
}

async function stream(record, options, durationMs) {
    return page.evaluate(([url, clientOptions, duration]) => window.stream(url, clientOptions, duration), [record.url, options, durationMs]);
}

/** Width and height from a JPEG data URL's SOF marker. */
function jpegSize(dataUrl) {
    const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    for (let i = 2; i < bytes.length;) {
        const marker = bytes[i + 1];
        if (marker >= 0xc0 && marker <= 0xc3) {
            return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
        }
        i += 2 + bytes.readUInt16BE(i + 2);
    }
    throw new Error('no SOF marker');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
    server = http.createServer(handleHttp);
    new WebSocketServer({ server }).on('connection', handleConnection);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${server.address().port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => window.ready === true);
});

after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
});

describe('frames', () => {
    test('are JPEG data URLs, scaled to 640 pixels wide, at most 10 per second', async () => {
        const record = peer('fps', { onFrame: (socket, r) => progress(socket, r) });
        const result = await stream(record, {}, 2000);
        assert.equal(result.connectError, null);
        assert.ok(record.frames.length <= 21, `${record.frames.length} frames in 2 s`);
        assert.ok(record.frames.length >= 5, `only ${record.frames.length} frames in 2 s`);
        // Measured as send() is called, a moment after the client's own clock reading: a page
        // descheduled in between (a loaded machine) reads one frame late, which lengthens the gap
        // before it and shortens the one after by as much (110 then 95 ms in one CI run). Two
        // consecutive gaps together are immune to that, and performance.now() is coarsened in
        // pages: hence 1 ms of slack on their sum, and a bound on any gap for a gross violation.
        const gaps = result.frameSendTimes.slice(1).map((at, i) => at - result.frameSendTimes[i]);
        const pairs = gaps.slice(1).map((gap, i) => gaps[i] + gap);
        assert.ok(Math.min(...pairs) >= 199, `two gaps between frames under 200 ms: ${gaps.map(Math.round)}`);
        assert.ok(Math.min(...gaps) >= 80, `frames sent less than 80 ms apart: ${gaps.map(Math.round)}`);
        assert.deepEqual(record.frames.map((f) => f.id), record.frames.map((f, i) => i + 1), 'frame_id numbers the frames');
        assert.match(record.frames[0].image, /^data:image\/jpeg;base64,/);
        assert.deepEqual(jpegSize(record.frames[0].image), { width: 640, height: 360 });
        // The last frames (two in flight at most) may have been answered after the page closed the connection.
        assert.ok(record.frames.length - result.progress <= 2, `${result.progress} answers to ${record.frames.length} frames`);
    });

    test('a lower maxFps is honoured, a higher one is capped at 10', async () => {
        const slow = peer('fps-5', { onFrame: (socket, r) => progress(socket, r) });
        const slowResult = await stream(slow, { maxFps: 5 }, 2000);
        assert.ok(slow.frames.length <= 11 && slow.frames.length >= 3, `${slow.frames.length} frames in 2 s at 5 fps`);
        const slowGaps = slowResult.frameSendTimes.slice(1).map((at, i) => at - slowResult.frameSendTimes[i]);
        assert.ok(Math.min(...slowGaps) >= 199, `frames sent less than 200 ms apart: ${slowGaps.map(Math.round)}`);
        const greedy = peer('fps-30', { onFrame: (socket, r) => progress(socket, r) });
        const greedyResult = await stream(greedy, { maxFps: 30 }, 2000);
        assert.ok(greedy.frames.length <= 21, `${greedy.frames.length} frames in 2 s asking for 30 fps`);
        const greedyGaps = greedyResult.frameSendTimes.slice(1).map((at, i) => at - greedyResult.frameSendTimes[i]);
        assert.ok(Math.min(...greedyGaps) >= 99, `frames sent less than 100 ms apart: ${greedyGaps.map(Math.round)}`);
    });

    test('pause while the server has not answered maxFramesInFlight of them', async () => {
        const record = peer('silent');
        await stream(record, { maxFramesInFlight: 2 }, 1500);
        assert.equal(record.frames.length, 2);
    });

    test('a refused frame is reported as a non-fatal error and streaming goes on', async () => {
        const record = peer('refusing', {
            onFrame: (socket) => socket.send(JSON.stringify({ type: 'error', error: 'No face detected', code: 4000 })),
        });
        const result = await stream(record, {}, 1000);
        assert.ok(record.frames.length >= 3, `${record.frames.length} frames`);
        assert.ok(result.errors.length >= 3);
        assert.deepEqual(result.errors[0], { message: 'No face detected', code: 4000, fatal: false });
        assert.equal(result.finalState, 'connected');
    });
});

describe('completion', () => {
    test('delivers the complete message, closes normally and stops sending', async () => {
        const encrypted = { encrypted_payload: 'AAAA', encryption_method: 'AES-256-CBC', instructions: 'Decrypt with your secret_key' };
        const record = peer('completing', {
            onFrame: (socket, r) => (r.frames.length < 3 ? progress(socket, r)
                : socket.send(JSON.stringify({ type: 'enrollment_complete', success: true, enrollment_id: 'e1', encrypted_data: encrypted }))),
        });
        const result = await stream(record, { maxFramesInFlight: 2 }, 1500);
        // The frame after the third may have left before the completion arrived, none after.
        assert.ok(record.frames.length >= 3 && record.frames.length <= 4, `${record.frames.length} frames`);
        assert.ok(result.frameSendTimes.every((at) => at < result.completedAt), 'a frame was sent after completion');
        assert.deepEqual(result.completed.encrypted_data, encrypted);
        assert.equal(result.finalState, 'completed');
        assert.deepEqual(record.closes, [1000]);
        assert.equal(record.connections, 1);
        assert.deepEqual(result.errors, []);
    });
});

describe('connection', () => {
    test('reconnects after an abnormal close and streams on', async () => {
        const record = peer('dropping', {
            onFrame: (socket, r, connection) => (connection === 1 && r.frames.length === 2 ? socket.terminate() : progress(socket, r)),
        });
        const result = await stream(record, { reconnectDelayMs: 200 }, 2000);
        assert.equal(record.connections, 2);
        assert.ok(record.frames.some((f) => f.connection === 2), 'frames after reconnecting');
        assert.deepEqual(result.states.slice(0, 4), ['connecting', 'connected', 'reconnecting', 'connected']);
        assert.deepEqual(result.errors, []);
    });

    for (const code of [4400, 4401, 4403, 4404]) {
        test(`does not reconnect after close code ${code}`, async () => {
            const record = peer(`final-${code}`, {
                onConnection: (socket) => {
                    greet(socket);
                    socket.close(code, 'final');
                },
            });
            const result = await stream(record, { reconnectDelayMs: 100 }, 800);
            assert.equal(record.connections, 1);
            assert.equal(result.errors.length, 1);
            assert.equal(result.errors[0].code, code);
            assert.equal(result.errors[0].fatal, true);
            assert.equal(result.finalState, 'closed');
            assert.equal(result.closed.code, code);
        });
    }

    test('gives up after maxReconnectAttempts abnormal closes', async () => {
        const record = peer('broken', {
            onConnection: (socket) => {
                greet(socket);
                socket.close(4500, 'internal');
            },
        });
        const result = await stream(record, { reconnectDelayMs: 50, maxReconnectAttempts: 3 }, 1500);
        assert.equal(record.connections, 4);
        assert.equal(result.errors.length, 1);
        assert.equal(result.errors[0].code, 4500);
        assert.match(result.errors[0].message, /internal server error.*after 3 reconnection attempts/);
    });

    test('a connection refused before it was established rejects connectWebSocket', async () => {
        const record = peer('unknown-session', { onConnection: (socket) => socket.close(4404, 'session not found') });
        const result = await stream(record, {}, 300);
        assert.equal(result.connected, null);
        assert.equal(result.connectError.code, 4404);
        assert.match(result.connectError.message, /session or client not found: session not found/);
        assert.deepEqual(result.errors, [], 'reported once, by the rejected promise');
    });

    test('a client streams one session: once connected or closed, it refuses to connect again', async () => {
        const record = peer('one-session', { onFrame: (socket, r) => progress(socket, r) });
        const messages = await page.evaluate(async (url) => {
            const attempt = (client) => {
                try {
                    client.connectWebSocket(url);
                    return null;
                } catch (e) {
                    return e.message;
                }
            };
            const used = new window.FaceAuthClient({ apiKey: 'fg_key' });
            await used.connectWebSocket(url);
            const again = attempt(used);
            used.close();
            const closed = new window.FaceAuthClient({ apiKey: 'fg_key' });
            closed.close();
            return [again, attempt(closed)];
        }, record.url);
        assert.match(messages[0], /create a new FaceAuthClient/);
        assert.match(messages[1], /create a new FaceAuthClient/);
        assert.equal(record.connections, 1);
    });

    test('sends pings while connected', async () => {
        const record = peer('keepalive', { onFrame: (socket, r) => progress(socket, r) });
        await stream(record, { pingIntervalMs: 100 }, 1000);
        assert.ok(record.pings >= 3, `${record.pings} pings`);
    });
});

describe('sessions', () => {
    test('with an API key: one browser token, reused, as Bearer', async () => {
        backendRequests.length = 0;
        const sessions = await page.evaluate(async (base) => {
            const client = new window.FaceAuthClient({ apiKey: 'fg_key', baseUrl: base });
            return [await client.createEnrollmentSession('user123', { targetSamples: 4 }), await client.createEnrollmentSession('user456')];
        }, baseUrl);
        assert.equal(sessions[1].session_token, 'fs_1');
        assert.deepEqual(backendRequests.map((r) => r.url), ['/api/auth/client/', '/api/auth/enrollment/', '/api/auth/enrollment/']);
        assert.deepEqual(backendRequests[0].body, { api_key: 'fg_key' });
        assert.equal(backendRequests[1].headers.authorization, 'Bearer jwt-1');
        assert.equal(backendRequests[2].headers.authorization, 'Bearer jwt-1');
        assert.deepEqual(backendRequests[1].body, { user_id: 'user123', session_type: 'webcam', metadata: { target_samples: 4 } });
    });

    test('through the integrator backend: session_kind plus the session request, with its headers', async () => {
        backendRequests.length = 0;
        await page.evaluate(async () => {
            const client = new window.FaceAuthClient({ sessionUrl: '/backend/face-sessions', sessionHeaders: { 'X-CSRF-Token': 't0k' } });
            return client.createAuthenticationSession('user123', { requiredBlinks: 2 });
        });
        assert.equal(backendRequests.length, 1);
        assert.equal(backendRequests[0].headers['x-csrf-token'], 't0k');
        assert.equal(backendRequests[0].headers.authorization, undefined);
        assert.deepEqual(backendRequests[0].body, {
            session_kind: 'authentication', user_id: 'user123', session_type: 'webcam', require_liveness: true, metadata: { required_blinks: 2 },
        });
    });

    test('an HTTP error becomes a FaceAuthError with status and error code', async () => {
        const error = await page.evaluate(async () => {
            const client = new window.FaceAuthClient({ sessionUrl: '/backend/refusing' });
            try {
                await client.createAuthenticationSession(null);
                return null;
            } catch (e) {
                return { name: e.name, message: e.message, code: e.code, error: e.error, fatal: e.fatal };
            }
        });
        assert.deepEqual(error, { name: 'FaceAuthError', message: 'not today', code: 403, error: 'forbidden', fatal: true });
    });

    test('the API secret is refused', async () => {
        const messages = await page.evaluate(() => [
            () => new window.FaceAuthClient({ apiKey: 'fg_key', secretKey: 'fgs_secret' }),
            () => new window.FaceAuthClient('fg_key', 'fgs_secret', 'http://localhost'),
        ].map((create) => {
            try {
                create();
                return null;
            } catch (e) {
                return e.message;
            }
        }));
        assert.match(messages[0], /secret must never reach the browser/);
        assert.match(messages[1], /never takes the API secret/);
    });
});
