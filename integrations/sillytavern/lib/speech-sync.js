// SPDX-License-Identifier: GPL-3.0-or-later
// The mouth. With SillyTavern's TTS: each audio it is about to play (TTS_AUDIO_READY) is kept; when its player
// starts playing that audio, the very same bytes go to the server's lipsync route with start_at = the moment
// playback began (plus the A/V offset), so the mouth follows the sound even though the server needs a moment to
// analyse it. When playback stops early, a short silence replaces the timeline (the mouth closes).
// Without TTS: the mouth talks while the reply streams in (start_talking / stop_talking).

/** A valid WAV of `ms` milliseconds of silence (16 kHz mono, 16 bit). */
export function silentWav(ms = 100) {
    const rate = 16000;
    const samples = Math.max(1, Math.round(rate * ms / 1000));
    const bytes = new Uint8Array(44 + samples * 2);
    const view = new DataView(bytes.buffer);
    const ascii = (offset, text) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
    ascii(0, 'RIFF'); view.setUint32(4, 36 + samples * 2, true); ascii(8, 'WAVE');
    ascii(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
    view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
    ascii(36, 'data'); view.setUint32(40, samples * 2, true);
    return new Blob([bytes], { type: 'audio/wav' });
}

/** The length of the base64 text that encodes `size` bytes. */
export function base64Length(size) {
    return 4 * Math.ceil(size / 3);
}

/** True for the player's placeholder sounds (SillyTavern plays silence.mp3 to unlock audio and to stop). */
export function isPlaceholderSource(src) {
    return !src || /\/sounds\/silence\.mp3$/.test(String(src));
}

export class SpeechSync {
    /**
     * @param {object} options
     * @param {import('./server-client.js').TalkingheadClient | (() => any)} options.client or a function that returns the current one
     * @param {() => number} [options.now] epoch milliseconds
     * @param {() => number} [options.avOffsetMs] positive: the mouth later than the sound
     * @param {() => boolean} [options.ttsEnabled] SillyTavern's TTS is on (then streaming text does not move the mouth)
     * @param {(message: string) => void} [options.onError]
     */
    constructor({ client, now = () => Date.now(), avOffsetMs = () => 0, ttsEnabled = () => false, onError = () => {} }) {
        this.clientOf = typeof client === 'function' ? client : () => client;
        this.now = now;
        this.avOffsetMs = avOffsetMs;
        this.ttsEnabled = ttsEnabled;
        this.onError = onError;
        /** @type {{audio: Blob|string, mimeType: string}[]} audio announced but not yet played, oldest first */
        this.pending = [];
        this.lipSyncing = false;    // a lipsync timeline is playing on the server
        this.talking = false;       // start_talking is on (streaming text without TTS)
        this.generating = false;
        this.speedTalking = false;  // talking for audio played at another speed
        this.lastLipSync = null;    // {bytes, startAt} of the last lipsync sent (for tests and the status line)
    }

    get client() { return this.clientOf(); }

    // --- TTS ---

    ttsAudioReady({ audio, mimeType = '' }) {
        if (!(audio instanceof Blob) && typeof audio !== 'string') return;
        this.pending.push({ audio, mimeType });
        // A long chat narrated while the tab was hidden must not grow without bound.
        if (this.pending.length > 64) this.pending.shift();
    }

    /**
     * The TTS player started (or resumed) playing `src` at `currentTime` seconds into it, at `playbackRate`.
     * @returns {Promise<boolean>} whether a lipsync was sent
     */
    async playbackStarted({ src, currentTime = 0, playbackRate = 1 }) {
        if (isPlaceholderSource(src)) return false;
        const index = this.findPending(String(src));
        if (index < 0) return false;
        const [{ audio, mimeType }] = this.pending.splice(0, index + 1).slice(-1);
        if (Math.abs(playbackRate - 1) > 0.01) {
            // The server's timeline follows the audio at its own speed: at another rate the mouth would drift
            // away from the sound, so it talks instead (SillyTavern's TTS "Audio Playback Speed" is not 1).
            this.speedTalking = true;
            await this.setTalking(true);
            return false;
        }
        const startAt = this.now() - currentTime * 1000 + (Number(this.avOffsetMs()) || 0);
        if (this.talking) await this.setTalking(false);
        const blob = typeof audio === 'string' ? await fetch(audio).then(r => r.blob()) : audio;
        this.lipSyncing = true;
        this.lastLipSync = { bytes: blob.size, startAt };
        try {
            await this.client?.lipSync(blob, startAt, fileNameFor(mimeType || blob.type));
            return true;
        } catch (error) {
            // 409: a newer utterance superseded this one while it was analysed; that is not a failure.
            if (error?.status !== 409) this.onError(`lip-sync: ${error.message}`);
            return false;
        }
    }

    /** The player paused, ended, or was emptied: close the mouth unless the audio simply ran out. */
    async playbackStopped({ ended = false } = {}) {
        if (this.speedTalking) {
            this.speedTalking = false;
            await this.setTalking(false);
        }
        if (!this.lipSyncing) return;
        this.lipSyncing = false;
        if (ended) return; // the timeline ends with the audio
        try {
            await this.client?.lipSync(silentWav(), this.now(), 'silence.wav');
        } catch (error) {
            if (error?.status !== 409) this.onError(`lip-sync: ${error.message}`);
        }
    }

    /** Which pending audio `src` plays: the same URL, or a data: URL whose payload has that blob's length. */
    findPending(src) {
        const comma = src.startsWith('data:') ? src.indexOf(',') : -1;
        const payload = comma >= 0 ? src.length - comma - 1 : -1;
        const index = this.pending.findIndex(({ audio }) => (typeof audio === 'string'
            ? audio === src : payload >= 0 && (src.slice(0, comma).endsWith(';base64') ? base64Length(audio.size) : audio.size) === payload));
        return index;
    }

    // --- Text streaming without TTS ---

    /** @param {string} [type] SillyTavern's generation type; @param {boolean} [dryRun] */
    generationStarted(type, dryRun) {
        if (dryRun || type === 'quiet') return;
        this.generating = true;
    }

    async tokenReceived() {
        if (!this.generating || this.talking || this.ttsEnabled()) return;
        await this.setTalking(true);
    }

    async generationEnded() {
        this.generating = false;
        if (this.talking) await this.setTalking(false);
    }

    async setTalking(on) {
        this.talking = on;
        try {
            await (on ? this.client?.startTalking() : this.client?.stopTalking());
        } catch (error) {
            this.onError(`${on ? 'start' : 'stop'}_talking: ${error.message}`);
        }
    }
}

function fileNameFor(mimeType) {
    const type = String(mimeType).split(';')[0].trim();
    const ext = { 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/wave': 'wav', 'audio/mpeg': 'mp3', 'audio/mp3': 'mp3',
        'audio/ogg': 'ogg', 'audio/opus': 'opus', 'audio/flac': 'flac', 'audio/aac': 'aac', 'audio/webm': 'webm' }[type];
    return ext ? `speech.${ext}` : 'speech';
}
