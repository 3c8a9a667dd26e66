// SPDX-License-Identifier: GPL-3.0-or-later
// The Talkinghead Studio server as the extension uses it: every route it calls, the stream's address, and a
// connection check that says exactly what is wrong. No SillyTavern or DOM imports: `fetch`, `FormData` and `Blob`
// are the platform's (a browser's, or Node's in the tests).

/** The oldest server whose routes the extension relies on (lipsync, status with a version). */
export const MINIMUM_SERVER_VERSION = '0.1.0';

/** Why the server cannot be used; `ok` when it can. */
export const Problem = Object.freeze({
    ok: 'ok',
    noUrl: 'no-url',
    badUrl: 'bad-url',
    unreachable: 'unreachable',
    unauthorized: 'unauthorized',   // 401: the key is missing or wrong
    forbidden: 'forbidden',         // 403: this page's origin is refused, or the talkinghead module is off
    notOurs: 'not-ours',            // answers, but is not Talkinghead Studio (e.g. the old SillyTavern-Extras)
    version: 'version',             // Talkinghead Studio, too old
    error: 'error',
});

/** -1, 0 or 1 for dotted versions such as 0.1.0 and 0.10.2 (missing parts count as 0). */
export function compareVersions(a, b) {
    const pa = String(a).split('.').map(x => parseInt(x, 10) || 0);
    const pb = String(b).split('.').map(x => parseInt(x, 10) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); ++i) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0) return d < 0 ? -1 : 1;
    }
    return 0;
}

/**
 * The server's base URL as typed by the user, normalised ("localhost:5100" → "http://localhost:5100"), or null.
 * @param {string} text
 * @returns {string|null}
 */
export function normaliseServerUrl(text) {
    const trimmed = String(text ?? '').trim();
    if (!trimmed) return null;
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
    let url;
    try {
        url = new URL(withScheme);
    } catch {
        return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.search || url.hash || url.username || url.password) return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export class TalkingheadClient {
    /**
     * @param {object} options
     * @param {string} options.url the server's base URL, e.g. http://127.0.0.1:5100
     * @param {string} [options.apiKey]
     * @param {typeof fetch} [options.fetch]
     * @param {number} [options.timeoutMs] for every request but the stream
     */
    constructor({ url, apiKey = '', fetch: fetchFn = globalThis.fetch.bind(globalThis), timeoutMs = 15000 }) {
        this.baseUrl = normaliseServerUrl(url);
        this.apiKey = String(apiKey ?? '').trim();
        this.fetch = fetchFn;
        this.timeoutMs = timeoutMs;
    }

    /**
     * The stream, for an <img>; the key travels as ?key= because an <img> cannot send a header. repeat=0: a part only
     * for a new frame, not the same picture again at every tick (the browser decodes every part it gets).
     */
    feedUrl() {
        const url = new URL(`${this.baseUrl}/api/talkinghead/result_feed`);
        url.searchParams.set('repeat', '0');
        if (this.apiKey) url.searchParams.set('key', this.apiKey);
        return url.toString();
    }

    async request(path, { method = 'GET', json, body, timeoutMs = this.timeoutMs } = {}) {
        if (!this.baseUrl) throw new ServerError(Problem.noUrl, 0, 'no server URL set');
        const headers = {};
        if (this.apiKey) headers.Authorization = `Bearer ${this.apiKey}`;
        if (json !== undefined) {
            headers['Content-Type'] = 'application/json';
            body = JSON.stringify(json);
        }
        let response;
        try {
            response = await this.fetch(`${this.baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
        } catch (error) {
            throw new ServerError(Problem.unreachable, 0, `${this.baseUrl} cannot be reached (${error?.message ?? error})`);
        }
        if (!response.ok) {
            let message = '';
            try {
                const data = await response.json();
                message = String(data?.error ?? '');
            } catch {
                // Not our JSON error (a proxy's page, or old Extras' HTML).
            }
            const problem = response.status === 401 ? Problem.unauthorized
                : response.status === 403 ? Problem.forbidden : Problem.error;
            throw new ServerError(problem, response.status, message || `HTTP ${response.status} on ${method} ${path}`);
        }
        return response;
    }

    /**
     * What is wrong, if anything: {problem, status, message, version?}. Never throws.
     */
    async check() {
        if (!this.baseUrl) return { problem: Problem.noUrl, status: 0, message: 'no server URL set' };
        try {
            const response = await this.request('/api/talkinghead/status');
            const status = await response.json().catch(() => null);
            if (!status || typeof status !== 'object' || !status.backend) {
                return { problem: Problem.notOurs, status: 200, message: 'the server answers, but not as Talkinghead Studio' };
            }
            const version = typeof status.version === 'string' ? status.version : '';
            if (!version || compareVersions(version, MINIMUM_SERVER_VERSION) < 0) {
                return { problem: Problem.version, status: 200, version, minimum: MINIMUM_SERVER_VERSION,
                    message: `Talkinghead Studio ${version || '(unknown version)'} is older than ${MINIMUM_SERVER_VERSION}` };
            }
            return { problem: Problem.ok, status: 200, version, message: '', serverStatus: status };
        } catch (error) {
            if (!(error instanceof ServerError)) return { problem: Problem.error, status: 0, message: String(error) };
            // Old SillyTavern-Extras has no status route: 404 there (or 500 from a proxy) means "not ours".
            const problem = error.status === 404 ? Problem.notOurs : error.problem;
            return { problem, status: error.status, message: error.message };
        }
    }

    async loadImage(blob, fileName = 'talkinghead.png') {
        const form = new FormData();
        form.append('file', blob, fileName);
        return (await this.request('/api/talkinghead/load', { method: 'POST', body: form, timeoutMs: 60000 })).text();
    }

    /** An object of emotion templates; {} resets to the server's. */
    async loadEmotionTemplates(templates) {
        return (await this.request('/api/talkinghead/load_emotion_templates', { method: 'POST', json: templates ?? {} })).text();
    }

    /** An object of animator settings; {} resets to the server's. */
    async loadAnimatorSettings(settings) {
        return (await this.request('/api/talkinghead/load_animator_settings', { method: 'POST', json: settings ?? {} })).text();
    }

    /** Returns the emotion the server applied (unknown names fall back to neutral there). */
    async setEmotion(name) {
        const text = await (await this.request('/api/talkinghead/set_emotion', { method: 'POST', json: { emotion_name: String(name) } })).text();
        return text.replace(/^emotion set to /, '');
    }

    async startTalking() { return (await this.request('/api/talkinghead/start_talking')).text(); }
    async stopTalking() { return (await this.request('/api/talkinghead/stop_talking')).text(); }
    async unload() { return (await this.request('/api/talkinghead/unload')).text(); }
    async status() { return (await this.request('/api/talkinghead/status')).json(); }

    /**
     * The mouth follows `audio` (a Blob of any format the server decodes) from `startAtMs` (epoch milliseconds).
     */
    async lipSync(audio, startAtMs, fileName = 'speech') {
        const form = new FormData();
        form.append('file', audio, fileName);
        if (Number.isFinite(startAtMs)) form.append('start_at', String(Math.round(startAtMs)));
        return (await this.request('/api/talkinghead/lipsync', { method: 'POST', body: form, timeoutMs: 120000 })).text();
    }
}

export class ServerError extends Error {
    constructor(problem, status, message) {
        super(message);
        this.problem = problem;
        this.status = status;
    }
}
