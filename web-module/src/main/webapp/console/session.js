/**
 * Who is signed in to the console, and their API calls. Credentials and tokens live in this
 * module's memory only (never localStorage, sessionStorage or a cookie): a reload signs out. Tokens
 * are renewed a minute before they expire and forgotten on sign-out.
 *
 * - operator: the admin token, exchanged at `POST /api/core/auth/admin/`; kept in memory to renew
 *   the access token (that endpoint has no refresh token).
 * - tenant: a client's API key and secret at `POST /api/core/auth/client/`; renewed with the
 *   rotating refresh token (`POST /api/core/auth/refresh/`), the secret itself is not kept.
 * - person: an attendance login (`POST /api/v1/auth/login/`, the tenant named by its API key);
 *   renewed at `POST /api/v1/auth/refresh/`, ended at `POST /api/v1/auth/logout/`.
 *
 * @module console/session
 */

/** Renew this long before the access token expires. */
const RENEWAL_MARGIN_MS = 60_000;

/** An error answer of the API: its HTTP status and FaceGate's `{error, message, details}`. */
export class ApiError extends Error {
    constructor(status, body) {
        super(body?.message ?? `HTTP ${status}`);
        this.name = 'ApiError';
        this.status = status;
        this.code = body?.error ?? null;
        this.details = body?.details ?? null;
        /** The whole answer (some, like the health report's 503, are not errors of the API's shape). */
        this.body = body;
    }
}

async function post(path, body, headers = {}) {
    const response = await fetch(path, {
        method: 'POST', credentials: 'omit', cache: 'no-store',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
        body: JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    if (!response.ok) {
        throw new ApiError(response.status, json);
    }
    return json;
}

/** Seconds until a JWT's `exp` (read, not verified: the server verifies it). */
function secondsLeft(jwt) {
    try {
        const payload = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
        return Math.max(0, payload.exp - Date.now() / 1000);
    } catch {
        return 0;
    }
}

export class Session {
    /** @type {'operator'|'tenant'|'person'} */
    kind;
    /** What the header shows: the client's name, the person's name, or "Operator". */
    label;
    /** A person's login user (`id`, `email`, `role`, `first_name`, `last_name`); null otherwise. */
    user = null;
    /**
     * The client's API key for a tenant admin or a person; null for the operator. Public by design
     * (the demo page takes it too): the webcam enrollment exchanges it, through FaceGate's browser
     * client library, for a token that may only run face sessions.
     */
    apiKey = null;
    /** Called once the session ended by itself (renewal refused): the console shows the sign-in form. */
    onEnded = () => {};

    #access = null;
    #refresh = null;
    #renew = null;
    #timer = null;
    #ended = false;

    /**
     * @param {'operator'|'tenant'|'person'} kind
     * @param {object} credentials `adminToken`; `apiKey` and `apiSecret`; or `apiKey`, `email` and `password`
     */
    static async signIn(kind, credentials) {
        const session = new Session();
        session.kind = kind;
        session.apiKey = kind === 'operator' ? null : credentials.apiKey;
        if (kind === 'operator') {
            const adminToken = credentials.adminToken;
            session.#renew = async () => session.#accept(await post('/api/core/auth/admin/', { admin_token: adminToken }));
            await session.#renew();
            session.label = 'Operator';
        } else if (kind === 'tenant') {
            session.#accept(await post('/api/core/auth/client/', { api_key: credentials.apiKey, api_secret: credentials.apiSecret }));
            session.#renew = async () => session.#accept(await post('/api/core/auth/refresh/', { refresh: session.#refresh }));
            // The key is public (the demo page takes it too); the header names the client by it.
            session.label = `Tenant admin (${credentials.apiKey.slice(0, 11)}…)`;
        } else {
            const login = await post('/api/v1/auth/login/', { email: credentials.email, password: credentials.password },
                { 'X-API-Key': credentials.apiKey });
            session.#accept(login);
            session.user = login.user;
            session.#renew = async () => {
                const renewed = await post('/api/v1/auth/refresh/', { refresh: session.#refresh });
                session.#accept(renewed);
                session.user = renewed.user ?? session.user;
            };
            session.label = [login.user.first_name, login.user.last_name].filter(Boolean).join(' ') || login.user.email;
        }
        return session;
    }

    #accept(tokens) {
        this.#access = tokens.access;
        if (tokens.refresh) {
            this.#refresh = tokens.refresh;
        }
        const seconds = tokens.expires_in ?? secondsLeft(tokens.access);
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => this.#renewNow(), Math.max(5_000, seconds * 1000 - RENEWAL_MARGIN_MS));
    }

    async #renewNow() {
        try {
            await this.#renew();
        } catch {
            this.#forget();
            this.onEnded();
        }
    }

    #forget() {
        this.#ended = true;
        clearTimeout(this.#timer);
        this.#access = null;
        this.#refresh = null;
        this.#renew = null;
        this.apiKey = null;
    }

    get active() {
        return !this.#ended;
    }

    /** The `Authorization` header value for a request made now. */
    authorization() {
        return `Bearer ${this.#access}`;
    }

    /** Whether a person may see the tenant's attendance beyond their own (admins and staff). */
    get isStaff() {
        return this.kind === 'tenant' || ['admin', 'faculty'].includes(this.user?.role);
    }

    /**
     * Calls the API.
     *
     * @param {string} path
     * @param {object} [options] `method` (default GET), `body` (sent as JSON)
     * @returns {Promise<any>} the JSON answer; null for 204
     * @throws {ApiError}
     */
    async json(path, { method = 'GET', body } = {}) {
        if (this.#ended) {
            throw new ApiError(401, { error: 'signed_out', message: 'signed out' });
        }
        const headers = { Accept: 'application/json', Authorization: this.authorization() };
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        const response = await fetch(path, {
            method, headers, credentials: 'omit', cache: 'no-store',
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (response.status === 204) {
            return null;
        }
        const json = await response.json().catch(() => null);
        if (!response.ok) {
            throw new ApiError(response.status, json);
        }
        return json;
    }

    /** Ends the session: a person's login is ended on the server too; every token is forgotten. */
    async signOut() {
        if (this.#ended) {
            return;
        }
        if (this.kind === 'person' && this.#refresh) {
            await this.json('/api/v1/auth/logout/', { method: 'POST', body: { refresh: this.#refresh } }).catch(() => {});
        }
        this.#forget();
    }
}
