/**
 * The console's live connections, both read with `fetch` so the token travels in the
 * `Authorization` header (an `EventSource` or `<img src>` could only carry it in the address or
 * a cookie):
 * - {@link LiveFeed}: the tenant's server-sent events (`GET /api/v1/events/`), reconnected with a
 *   fresh token whenever the server ends the stream;
 * - {@link MjpegPreview}: a camera's preview through FaceGate's relay
 *   (`GET /api/v1/cameras/{id}/stream/preview/`, `multipart/x-mixed-replace`), each JPEG shown as a
 *   blob URL.
 *
 * @module console/live
 */

const MAX_RECONNECT_DELAY_MS = 30_000;

/** The tenant's live facts: `detection`, `camera`, `attendance`, and `resync` after a gap. */
export class LiveFeed {
    /** `connecting`, `live` or `stopped`; {@link onState} hears the changes. */
    state = 'connecting';
    onState = () => {};

    #session;
    #listeners = new Map();
    #abort = null;
    #stopped = false;
    #delay = 1_000;
    #timer = null;

    constructor(session) {
        this.#session = session;
    }

    /** Calls `handler(data)` for each event of this name; returns a function that stops it. */
    on(event, handler) {
        if (!this.#listeners.has(event)) {
            this.#listeners.set(event, new Set());
        }
        this.#listeners.get(event).add(handler);
        return () => this.#listeners.get(event).delete(handler);
    }

    start() {
        this.#connect();
        return this;
    }

    stop() {
        this.#stopped = true;
        clearTimeout(this.#timer);
        this.#abort?.abort();
        this.#setState('stopped');
    }

    #setState(state) {
        this.state = state;
        this.onState(state);
    }

    #emit(event, data) {
        for (const handler of this.#listeners.get(event) ?? []) {
            try {
                handler(data);
            } catch (error) {
                console.error(error);
            }
        }
    }

    async #connect() {
        if (this.#stopped || !this.#session.active) {
            return;
        }
        this.#abort = new AbortController();
        let connectedBefore = false;
        try {
            const response = await fetch('/api/v1/events/', {
                headers: { Accept: 'text/event-stream', Authorization: this.#session.authorization() },
                credentials: 'omit', cache: 'no-store', signal: this.#abort.signal,
            });
            if (!response.ok) {
                throw new Error(`event stream refused: HTTP ${response.status}`);
            }
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
                const { value, done } = await reader.read();
                if (done) {
                    break;
                }
                buffer += value;
                let end;
                while ((end = buffer.indexOf('\n\n')) >= 0) {
                    const block = buffer.slice(0, end);
                    buffer = buffer.slice(end + 2);
                    const event = parse(block);
                    if (event?.name === 'ready') {
                        connectedBefore = true;
                        this.#delay = 1_000;
                        this.#setState('live');
                        // Whatever happened while disconnected is read again from the lists.
                        this.#emit('resync', {});
                    } else if (event) {
                        this.#emit(event.name, event.data);
                    }
                }
            }
        } catch (error) {
            if (this.#stopped) {
                return;
            }
        }
        this.#setState('connecting');
        // A stream the server ended on schedule reconnects at once; a failing one backs off.
        const delay = connectedBefore ? 0 : this.#delay;
        this.#delay = Math.min(this.#delay * 2, MAX_RECONNECT_DELAY_MS);
        this.#timer = setTimeout(() => this.#connect(), delay);
    }
}

/** One server-sent event block: its `event` name and JSON `data`; comments (heartbeats) give null. */
function parse(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
        if (line.startsWith('event:')) {
            name = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
            data.push(line.slice(5).replace(/^ /, ''));
        }
    }
    if (data.length === 0) {
        return null;
    }
    return { name, data: JSON.parse(data.join('\n')) };
}

const HEADER_END = [13, 10, 13, 10];

/** A camera's preview, shown in an `<img>` frame by frame until {@link stop}. */
export class MjpegPreview {
    /** Frames shown so far. */
    frames = 0;
    onEnd = () => {};

    #abort = new AbortController();
    #url = null;

    /**
     * @param {import('./session.js').Session} session
     * @param {string} cameraId the client's camera id
     * @param {HTMLImageElement} image
     */
    constructor(session, cameraId, image) {
        this.#read(session, cameraId, image).catch((error) => {
            if (!this.#abort.signal.aborted) {
                this.onEnd(error);
            }
        });
    }

    async #read(session, cameraId, image) {
        const response = await fetch(`/api/v1/cameras/${encodeURIComponent(cameraId)}/stream/preview/`, {
            headers: { Authorization: session.authorization() }, credentials: 'omit', cache: 'no-store', signal: this.#abort.signal,
        });
        if (!response.ok) {
            const body = await response.json().catch(() => ({}));
            throw new Error(body.message ?? `HTTP ${response.status}`);
        }
        const reader = response.body.getReader();
        let buffer = new Uint8Array(0);
        for (;;) {
            const { value, done } = await reader.read();
            if (done) {
                this.onEnd(null);
                return;
            }
            buffer = concat(buffer, value);
            for (;;) {
                const headerEnd = indexOf(buffer, HEADER_END);
                if (headerEnd < 0) {
                    break;
                }
                const headers = new TextDecoder().decode(buffer.subarray(0, headerEnd));
                const length = Number(/content-length:\s*(\d+)/i.exec(headers)?.[1]);
                const start = headerEnd + HEADER_END.length;
                if (!Number.isFinite(length) || buffer.length < start + length) {
                    break;
                }
                this.#show(image, buffer.slice(start, start + length));
                buffer = buffer.slice(start + length);
            }
        }
    }

    #show(image, jpeg) {
        const previous = this.#url;
        this.#url = URL.createObjectURL(new Blob([jpeg], { type: 'image/jpeg' }));
        image.src = this.#url;
        this.frames += 1;
        if (previous) {
            URL.revokeObjectURL(previous);
        }
    }

    stop() {
        this.#abort.abort();
        if (this.#url) {
            URL.revokeObjectURL(this.#url);
            this.#url = null;
        }
    }
}

function concat(a, b) {
    const joined = new Uint8Array(a.length + b.length);
    joined.set(a);
    joined.set(b, a.length);
    return joined;
}

function indexOf(bytes, pattern) {
    outer: for (let i = 0; i <= bytes.length - pattern.length; i++) {
        for (let j = 0; j < pattern.length; j++) {
            if (bytes[i + j] !== pattern[j]) {
                continue outer;
            }
        }
        return i;
    }
    return -1;
}
