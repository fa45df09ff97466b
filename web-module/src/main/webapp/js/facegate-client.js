/**
 * FaceGate browser client: seed 003's `FaceAuthClient` for enrollment and authentication sessions
 * streamed over FaceGate's WebSocket (`/ws/auth/process-image/{session_token}/`).
 *
 * A plain ES module, no build step:
 *
 * ```js
 * import { FaceAuthClient } from '/js/facegate-client.js';
 *
 * const client = new FaceAuthClient({ apiKey: 'fg_...' });          // or { sessionUrl: '/my-backend/face-sessions' }
 * client.onProgress = (data) => show(`${data.frames_processed}/${data.target_samples}`, data.instruction);
 * client.onComplete = (data) => sendToMyBackend(data.encrypted_data); // decrypt there, with the API secret
 * client.onError = (error) => console.warn(error.code, error.message);
 *
 * const session = await client.createEnrollmentSession('user123');
 * await client.connectWebSocket(session.websocket_url);
 * client.startStreaming(videoElement);                                // at most 10 frames per second
 * ```
 *
 * Unlike seed 003's example it never takes the API secret: in a browser it holds either the API
 * key alone, exchanged at `POST /api/auth/client/` for a short-lived token that may only create
 * sessions and stream frames, or nothing at all when the integrator's backend creates sessions.
 * Completed sessions deliver `encrypted_data`, which only that backend can decrypt.
 *
 * @module facegate-client
 */

/** Seed 003: send at most 10 frames per second. */
export const MAX_FRAMES_PER_SECOND = 10;

/**
 * Close codes after which reconnecting cannot help (seed 003): normal closure, bad request or
 * session state, expired session, authentication failed, session or client not found.
 */
export const FINAL_CLOSE_CODES = Object.freeze([1000, 4400, 4401, 4403, 4404]);

const CLOSE_CODE_MEANINGS = Object.freeze({
    1000: 'normal closure',
    1006: 'connection lost',
    4000: 'error',
    4400: 'bad request (invalid session token or session status)',
    4401: 'session expired',
    4403: 'forbidden (authentication failed)',
    4404: 'session or client not found',
    4429: 'too many frames',
    4500: 'internal server error',
});

/** A browser token is renewed this long before it expires. */
const TOKEN_RENEWAL_MARGIN_MS = 30_000;

/** A frame without any reply for this long no longer counts as in flight. */
const FRAME_REPLY_TIMEOUT_MS = 10_000;

/**
 * What went wrong: an HTTP error from session creation, an `error` message from the server (a
 * refused frame, usually: the session goes on), or a closed connection.
 */
export class FaceAuthError extends Error {
    /**
     * @param {string} message human-readable description
     * @param {object} [details]
     * @param {number} [details.code] HTTP status, the server's error code (e.g. 4000) or the WebSocket close code
     * @param {string} [details.error] FaceGate's machine-readable error (e.g. `session_expired`), when it gave one
     * @param {boolean} [details.fatal] true when the session cannot go on over this client
     * @param {object} [details.data] the server's message or response body
     */
    constructor(message, { code = null, error = null, fatal = false, data = null } = {}) {
        super(message);
        this.name = 'FaceAuthError';
        /** @type {number|null} */
        this.code = code;
        /** @type {string|null} */
        this.error = error;
        /** @type {boolean} */
        this.fatal = fatal;
        /** @type {object|null} */
        this.data = data;
    }
}

/**
 * One person's enrollment or authentication, from session creation to its result.
 *
 * Callbacks (assign functions; all optional):
 * - `onProgress(data)`: every `frame_processed` message (`frames_processed`, `target_samples`,
 *   `liveness_verified`, `liveness_score`, `quality_score`, `message`, and what the person should
 *   do next in `instruction`, e.g. "blink" or "move closer").
 * - `onComplete(data)`: the `enrollment_complete` or `authentication_complete` message, with
 *   `success`, `authenticated`, `user_id`, `confidence` and `encrypted_data`
 *   (`{encrypted_payload, encryption_method, instructions}`); forward `encrypted_data` to your
 *   backend, which decrypts it with the API secret.
 * - `onError(error)`: a {@link FaceAuthError}; `error.fatal` tells whether the session is over.
 * - `onStateChange(state)`: `idle`, `connecting`, `connected`, `reconnecting`, `completed`, `closed`.
 * - `onClose(event)`: the WebSocket closed for good (`event.code`, `event.reason`).
 */
export class FaceAuthClient {
    /** @type {(data: object) => void | undefined} */
    onProgress;
    /** @type {(data: object) => void | undefined} */
    onComplete;
    /** @type {(error: FaceAuthError) => void | undefined} */
    onError;
    /** @type {(state: string) => void | undefined} */
    onStateChange;
    /** @type {(event: CloseEvent) => void | undefined} */
    onClose;

    #apiKey;
    #baseUrl;
    #sessionUrl;
    #sessionHeaders;
    #maxFps;
    #pingIntervalMs;
    #maxReconnectAttempts;
    #reconnectDelayMs;
    #maxFramesInFlight;
    #jpegQuality;
    #maxFrameWidth;

    #token = null;
    #ws = null;
    #websocketUrl = null;
    #state = 'idle';
    #reconnectAttempts = 0;
    #reconnectTimer = null;
    #pingTimer = null;
    #streamTimer = null;
    #finished = false;
    #lastFrameSentAt = -Infinity;
    /** Frames sent and not yet answered: frame_id to the time it was sent. */
    #framesInFlight = new Map();
    #nextFrameId = 1;
    #canvas = null;
    #connected = null;

    /**
     * @param {object} options
     * @param {string} [options.apiKey] the client's API key (never its secret): sessions are created
     *        with a browser-scoped token from `POST /api/auth/client/`
     * @param {string} [options.sessionUrl] instead of `apiKey`: the integrator's backend URL that
     *        creates sessions; it receives `POST {"session_kind": "enrollment"|"authentication", ...}`
     *        (the rest is FaceGate's session request), forwards it to FaceGate with its own credentials
     *        and returns FaceGate's response (`session_token`, `websocket_url`, ...)
     * @param {Object<string,string>} [options.sessionHeaders] extra headers for `sessionUrl` (e.g. a CSRF token)
     * @param {string} [options.baseUrl] FaceGate's address; default: this page's origin
     * @param {number} [options.maxFps=10] frames per second, capped at {@link MAX_FRAMES_PER_SECOND}
     * @param {number} [options.pingIntervalMs=15000] keepalive `ping` interval while connected
     * @param {number} [options.maxReconnectAttempts=3] reconnections after an abnormal close
     * @param {number} [options.reconnectDelayMs=1000] delay before reconnection n is n times this
     * @param {number} [options.maxFramesInFlight=2] frames sent but not yet answered before sending pauses
     * @param {number} [options.jpegQuality=0.8] JPEG quality of captured frames (seed 003: 80 %)
     * @param {number} [options.maxFrameWidth=640] captured frames are scaled down to this width
     */
    constructor(options = {}) {
        if (typeof options !== 'object' || options === null || arguments.length > 1) {
            throw new TypeError('FaceAuthClient takes one options object ({apiKey} or {sessionUrl}, baseUrl, ...); '
                + 'it never takes the API secret, which must stay on your backend');
        }
        if ('secretKey' in options || 'apiSecret' in options || 'api_secret' in options) {
            throw new TypeError('the API secret must never reach the browser: decrypt encrypted_data on your backend');
        }
        if (!options.apiKey === !options.sessionUrl) {
            throw new TypeError('give exactly one of apiKey and sessionUrl');
        }
        this.#apiKey = options.apiKey ?? null;
        this.#sessionUrl = options.sessionUrl ?? null;
        this.#sessionHeaders = options.sessionHeaders ?? {};
        this.#baseUrl = (options.baseUrl ?? globalThis.location?.origin ?? '').replace(/\/+$/, '');
        this.#maxFps = Math.min(options.maxFps ?? MAX_FRAMES_PER_SECOND, MAX_FRAMES_PER_SECOND);
        this.#pingIntervalMs = options.pingIntervalMs ?? 15_000;
        this.#maxReconnectAttempts = options.maxReconnectAttempts ?? 3;
        this.#reconnectDelayMs = options.reconnectDelayMs ?? 1000;
        this.#maxFramesInFlight = options.maxFramesInFlight ?? 2;
        this.#jpegQuality = options.jpegQuality ?? 0.8;
        this.#maxFrameWidth = options.maxFrameWidth ?? 640;
        if (!(this.#maxFps > 0)) {
            throw new TypeError('maxFps must be positive');
        }
    }

    /** `idle`, `connecting`, `connected`, `reconnecting`, `completed` or `closed`. */
    get state() {
        return this.#state;
    }

    /**
     * Opens an enrollment session for `userId` (created at FaceGate if new).
     *
     * @param {string} userId the integrator's id for the person
     * @param {object} [options]
     * @param {number} [options.targetSamples] good frames to collect (FaceGate's default: 3)
     * @param {string} [options.displayName]
     * @param {object} [options.metadata] extra metadata stored with the session (e.g. `device_info`)
     * @returns {Promise<object>} FaceGate's response: `session_token`, `websocket_url`, `expires_at`, `enrollment_id`, ...
     */
    async createEnrollmentSession(userId, { targetSamples, displayName, metadata = {} } = {}) {
        if (!userId) {
            throw new TypeError('enrollment needs the user id to enroll');
        }
        return this.#createSession('enrollment', withoutUndefined({
            user_id: userId,
            session_type: 'webcam',
            display_name: displayName,
            metadata: withoutUndefined({ ...metadata, target_samples: targetSamples }),
        }));
    }

    /**
     * Opens an authentication session: verification of `userId` (1:1), or identification among
     * all enrolled users (1:N) when `userId` is null.
     *
     * @param {string|null} userId the person to verify, or null to identify
     * @param {object} [options]
     * @param {boolean} [options.requireLiveness=true] require blinks and motion before deciding
     * @param {number} [options.minFramesRequired] good frames before deciding
     * @param {number} [options.requiredBlinks]
     * @param {object} [options.metadata]
     * @returns {Promise<object>} FaceGate's response: `session_token`, `websocket_url`, `expires_at`, `session_type`, ...
     */
    async createAuthenticationSession(userId = null, { requireLiveness = true, minFramesRequired, requiredBlinks, metadata = {} } = {}) {
        return this.#createSession('authentication', withoutUndefined({
            user_id: userId || undefined,
            session_type: 'webcam',
            require_liveness: requireLiveness,
            metadata: withoutUndefined({ ...metadata, min_frames_required: minFramesRequired, required_blinks: requiredBlinks }),
        }));
    }

    /**
     * Connects to a session's `websocket_url` and resolves with the server's
     * `connection_established` message. Abnormal closes are retried (see
     * `maxReconnectAttempts`); when the connection is given up before it was established the
     * promise rejects with a {@link FaceAuthError}, later failures go to `onError`.
     *
     * @param {string} websocketUrl the `websocket_url` of the created session
     * @returns {Promise<object>}
     */
    connectWebSocket(websocketUrl) {
        if (this.#websocketUrl || this.#finished) {
            throw new Error('this client already streamed or was closed; create a new FaceAuthClient for the next session');
        }
        this.#websocketUrl = websocketUrl;
        return new Promise((resolve, reject) => {
            this.#connected = { resolve, reject };
            this.#open();
        });
    }

    /**
     * Sends one frame, unless that would exceed the frame rate, too many frames are still
     * unanswered, or the connection is not open; frames are dropped, never queued, so the server
     * always sees the person as they are now. Each frame carries a `frame_id`, which FaceGate
     * echoes in its answer.
     *
     * @param {HTMLVideoElement|HTMLCanvasElement|HTMLImageElement|ImageBitmap|string} source a
     *        playing video, an image, or a `data:image/jpeg;base64,...` URL
     * @returns {boolean} whether the frame was sent
     */
    sendFrame(source) {
        if (this.#ws?.readyState !== WebSocket.OPEN || this.#state !== 'connected' || this.#msUntilNextFrame() > 0) {
            return false;
        }
        const now = performance.now();
        for (const [id, sentAt] of this.#framesInFlight) {
            if (now - sentAt >= FRAME_REPLY_TIMEOUT_MS) {
                this.#framesInFlight.delete(id);
            }
        }
        if (this.#framesInFlight.size >= this.#maxFramesInFlight) {
            return false;
        }
        const image = typeof source === 'string' ? source : this.#encode(source);
        if (!image) {
            return false;
        }
        const frameId = this.#nextFrameId++;
        const message = JSON.stringify({ type: 'frame', image, frame_id: frameId });
        // The cap counts from the moment a frame leaves, however long encoding took.
        this.#lastFrameSentAt = performance.now();
        this.#ws.send(message);
        this.#framesInFlight.set(frameId, this.#lastFrameSentAt);
        return true;
    }

    /**
     * Sends frames from a playing `<video>` (e.g. a `getUserMedia` stream) as fast as the frame-rate
     * cap and the server's answers allow, until the session completes, the connection closes, or
     * the returned function is called.
     *
     * @param {HTMLVideoElement} video
     * @returns {() => void} stops streaming
     */
    startStreaming(video) {
        this.stopStreaming();
        const tick = () => {
            if (this.#finished) {
                this.#streamTimer = null;
                return;
            }
            this.sendFrame(video);
            this.#streamTimer = setTimeout(tick, Math.max(10, this.#msUntilNextFrame()));
        };
        tick();
        return () => this.stopStreaming();
    }

    /** Stops {@link startStreaming}. */
    stopStreaming() {
        clearTimeout(this.#streamTimer);
        this.#streamTimer = null;
    }

    /** Ends streaming and closes the connection normally; the session stays as it is on the server. */
    close() {
        this.#finish('closed');
        if (this.#ws && this.#ws.readyState <= WebSocket.OPEN) {
            this.#ws.close(1000, 'client closed');
        }
    }

    async #createSession(kind, body) {
        if (this.#sessionUrl) {
            return this.#postJson(this.#sessionUrl, { session_kind: kind, ...body }, this.#sessionHeaders, 'same-origin');
        }
        const token = await this.#browserToken();
        return this.#postJson(`${this.#baseUrl}/api/auth/${kind}/`, body, { Authorization: `Bearer ${token}` }, 'omit');
    }

    /** A session-scope token for the API key, reused until shortly before it expires. */
    async #browserToken() {
        if (this.#token && Date.parse(this.#token.expires_at) - TOKEN_RENEWAL_MARGIN_MS > Date.now()) {
            return this.#token.jwt_token;
        }
        this.#token = await this.#postJson(`${this.#baseUrl}/api/auth/client/`, { api_key: this.#apiKey }, {}, 'omit');
        return this.#token.jwt_token;
    }

    async #postJson(url, body, headers, credentials) {
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
            body: JSON.stringify(body),
            credentials,
        });
        const text = await response.text();
        let json = null;
        try {
            json = text ? JSON.parse(text) : null;
        } catch {
            // not JSON: reported below with the status
        }
        if (!response.ok) {
            throw new FaceAuthError(json?.message ?? `HTTP ${response.status} from ${url}`,
                { code: response.status, error: json?.error ?? null, fatal: true, data: json });
        }
        return json;
    }

    #open() {
        this.#setState(this.#reconnectAttempts === 0 ? 'connecting' : 'reconnecting');
        const ws = new WebSocket(this.#websocketUrl);
        this.#ws = ws;
        ws.onmessage = (event) => {
            let data;
            try {
                data = JSON.parse(event.data);
            } catch {
                return;
            }
            this.#handleMessage(data);
        };
        ws.onclose = (event) => this.#handleClose(ws, event);
        // Every error is followed by a close event, which holds the code that decides what happens next.
        ws.onerror = () => {};
    }

    #handleMessage(data) {
        switch (data.type) {
            case 'connection_established':
                this.#framesInFlight.clear();
                this.#setState('connected');
                this.#startPings();
                this.#connected?.resolve(data);
                this.#connected = null;
                break;
            case 'frame_processed':
                // Only a connection that serves frames again earns a fresh set of reconnection attempts.
                this.#reconnectAttempts = 0;
                this.#answered(data.frame_id);
                this.onProgress?.(data);
                break;
            case 'enrollment_complete':
            case 'authentication_complete':
                this.#finish('completed');
                this.onComplete?.(data);
                this.#ws.close(1000, 'session complete');
                break;
            case 'error':
                this.#answered(data.frame_id);
                this.onError?.(new FaceAuthError(data.error ?? data.message ?? 'error', {
                    code: data.code ?? null, error: data.error_code ?? null, data,
                }));
                break;
            default:
                // pong and messages from newer servers need no action
                break;
        }
    }

    #handleClose(ws, event) {
        if (ws !== this.#ws) {
            return;
        }
        clearInterval(this.#pingTimer);
        if (this.#finished) {
            this.onClose?.(event);
            return;
        }
        const final = FINAL_CLOSE_CODES.includes(event.code);
        if (!final && this.#reconnectAttempts < this.#maxReconnectAttempts) {
            this.#reconnectAttempts += 1;
            this.#setState('reconnecting');
            this.#reconnectTimer = setTimeout(() => this.#open(), this.#reconnectDelayMs * this.#reconnectAttempts);
            return;
        }
        const meaning = CLOSE_CODE_MEANINGS[event.code] ?? 'connection closed';
        const error = new FaceAuthError(`${meaning}${event.reason ? `: ${event.reason}` : ''} (close code ${event.code})`
            + (final ? '' : ` after ${this.#reconnectAttempts} reconnection attempts`), { code: event.code, fatal: true });
        this.#finish('closed');
        if (this.#connected) {
            this.#connected.reject(error);
            this.#connected = null;
        } else {
            this.onError?.(error);
        }
        this.onClose?.(event);
    }

    /** A reply to a frame: the one it names (FaceGate echoes frame_id), else the oldest. */
    #answered(frameId) {
        const id = this.#framesInFlight.has(frameId) ? frameId : this.#framesInFlight.keys().next().value;
        this.#framesInFlight.delete(id);
    }

    #startPings() {
        clearInterval(this.#pingTimer);
        this.#pingTimer = setInterval(() => {
            if (this.#ws?.readyState === WebSocket.OPEN) {
                this.#ws.send(JSON.stringify({ type: 'ping' }));
            }
        }, this.#pingIntervalMs);
    }

    #finish(state) {
        this.#finished = true;
        this.stopStreaming();
        clearInterval(this.#pingTimer);
        clearTimeout(this.#reconnectTimer);
        this.#setState(state);
    }

    #setState(state) {
        if (this.#state !== state) {
            this.#state = state;
            this.onStateChange?.(state);
        }
    }

    #msUntilNextFrame() {
        return Math.max(0, this.#lastFrameSentAt + 1000 / this.#maxFps - performance.now());
    }

    /** A JPEG data URL of the source's current picture, at most `maxFrameWidth` wide; null before the first video frame. */
    #encode(source) {
        const width = source.videoWidth ?? source.naturalWidth ?? source.width;
        const height = source.videoHeight ?? source.naturalHeight ?? source.height;
        if (!width || !height) {
            return null;
        }
        const scale = Math.min(1, this.#maxFrameWidth / width);
        this.#canvas ??= document.createElement('canvas');
        this.#canvas.width = Math.round(width * scale);
        this.#canvas.height = Math.round(height * scale);
        this.#canvas.getContext('2d').drawImage(source, 0, 0, this.#canvas.width, this.#canvas.height);
        return this.#canvas.toDataURL('image/jpeg', this.#jpegQuality);
    }
}

function withoutUndefined(object) {
    return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
