// SPDX-License-Identifier: GPL-3.0-or-later
// Lip-sync to SillyTavern's TTS: which audio the player starts, when the mouth must start, what happens when
// playback stops; and talking while text streams without TTS. The server calls are recorded here; the server's
// side of them (lipsync with real speech and with silentWav()) is tested in server-client.test.mjs.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SpeechSync, base64Length, isPlaceholderSource, silentWav } from '../../../integrations/sillytavern/lib/speech-sync.js';

function recorder() {
    const calls = [];
    return {
        calls,
        async lipSync(blob, startAt, fileName) { calls.push(['lipSync', blob.size, startAt, fileName]); return 'OK'; },
        async startTalking() { calls.push(['startTalking']); return 'talking started'; },
        async stopTalking() { calls.push(['stopTalking']); return 'talking stopped'; },
    };
}

/** What SillyTavern's player gets as src for a blob: a data: URL (FileReader.readAsDataURL). */
async function dataUrl(blob) {
    return `data:${blob.type};base64,${Buffer.from(await blob.arrayBuffer()).toString('base64')}`;
}

test('base64 lengths and placeholder sounds', () => {
    assert.equal(base64Length(0), 0);
    assert.equal(base64Length(1), 4);
    assert.equal(base64Length(3), 4);
    assert.equal(base64Length(4), 8);
    assert.ok(isPlaceholderSource('http://localhost:8000/sounds/silence.mp3'));
    assert.ok(isPlaceholderSource(''));
    assert.ok(!isPlaceholderSource('data:audio/mpeg;base64,AAAA'));
});

test('silentWav is a WAV of the asked length', async () => {
    const wav = Buffer.from(await silentWav(100).arrayBuffer());
    assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
    assert.equal(wav.toString('ascii', 8, 12), 'WAVE');
    assert.equal(wav.readUInt32LE(24), 16000);
    assert.equal(wav.readUInt32LE(40), 1600 * 2);
    assert.equal(wav.length, 44 + 3200);
});

test('the audio that starts playing is the one sent, from the moment it started, with the A/V offset', async () => {
    const client = recorder();
    let now = 1_000_000;
    const sync = new SpeechSync({ client, now: () => now, avOffsetMs: () => 120 });
    const first = new Blob([new Uint8Array(1000)], { type: 'audio/mpeg' });
    const second = new Blob([new Uint8Array(2001)], { type: 'audio/wav' });
    sync.ttsAudioReady({ audio: first, mimeType: 'audio/mpeg' });
    sync.ttsAudioReady({ audio: second, mimeType: 'audio/wav' });
    // Placeholders are not speech.
    assert.equal(await sync.playbackStarted({ src: 'http://localhost:8000/sounds/silence.mp3' }), false);
    // The player reports "playing" 0.25 s into the first audio.
    assert.equal(await sync.playbackStarted({ src: await dataUrl(first), currentTime: 0.25 }), true);
    assert.deepEqual(client.calls.at(-1), ['lipSync', 1000, now - 250 + 120, 'speech.mp3']);
    now += 5000;
    await sync.playbackStopped({ ended: true });     // ran out: nothing to close
    assert.equal(client.calls.length, 1);
    assert.equal(await sync.playbackStarted({ src: await dataUrl(second), currentTime: 0 }), true);
    assert.deepEqual(client.calls.at(-1), ['lipSync', 2001, now + 120, 'speech.wav']);
    // Stopped early (the user pressed stop): a short silence replaces the timeline.
    await sync.playbackStopped({ ended: false });
    assert.deepEqual(client.calls.at(-1).slice(0, 2), ['lipSync', 44 + 1600 * 2]);
    // Played again (nothing pending matches): nothing sent.
    assert.equal(await sync.playbackStarted({ src: await dataUrl(second) }), false);
    assert.equal(sync.pending.length, 0);
});

test('a skipped audio is dropped with the one that plays; an URL source matches by URL', async () => {
    const client = recorder();
    const sync = new SpeechSync({ client, now: () => 0 });
    const skipped = new Blob([new Uint8Array(10)]);
    const played = new Blob([new Uint8Array(20)]);
    sync.ttsAudioReady({ audio: skipped });
    sync.ttsAudioReady({ audio: played });
    sync.ttsAudioReady({ audio: 'http://tts.example/a.mp3' });
    assert.equal(await sync.playbackStarted({ src: await dataUrl(played) }), true);
    assert.equal(client.calls[0][1], 20);
    assert.equal(sync.pending.length, 1);
    assert.equal(sync.findPending('http://tts.example/a.mp3'), 0);
});

test('without TTS: talk from the first streamed token to the end of the generation', async () => {
    const client = recorder();
    let tts = false;
    const sync = new SpeechSync({ client, ttsEnabled: () => tts });
    await sync.tokenReceived();                  // no generation: nothing
    sync.generationStarted('quiet', false);      // background prompts do not talk
    await sync.tokenReceived();
    assert.deepEqual(client.calls, []);
    sync.generationStarted('normal', false);
    await sync.tokenReceived();
    await sync.tokenReceived();
    assert.deepEqual(client.calls, [['startTalking']]);
    await sync.generationEnded();
    assert.deepEqual(client.calls, [['startTalking'], ['stopTalking']]);
    // With TTS on, the audio moves the mouth instead.
    tts = true;
    sync.generationStarted('normal', false);
    await sync.tokenReceived();
    await sync.generationEnded();
    assert.equal(client.calls.length, 2);
});

test('a lip-sync superseded by a newer one (409) is not reported as an error', async () => {
    const errors = [];
    const client = { async lipSync() { const e = new Error('409: superseded'); e.status = 409; throw e; } };
    const sync = new SpeechSync({ client, onError: (m) => errors.push(m) });
    const blob = new Blob([new Uint8Array(5)]);
    sync.ttsAudioReady({ audio: blob });
    assert.equal(await sync.playbackStarted({ src: await dataUrl(blob) }), false);
    assert.deepEqual(errors, []);
});

test('audio played at another speed: the mouth talks while it plays instead of drifting from it', async () => {
    const client = recorder();
    const sync = new SpeechSync({ client });
    const blob = new Blob([new Uint8Array(30)]);
    sync.ttsAudioReady({ audio: blob });
    assert.equal(await sync.playbackStarted({ src: await dataUrl(blob), playbackRate: 1.5 }), false);
    assert.deepEqual(client.calls, [['startTalking']]);
    await sync.playbackStopped({ ended: true });
    assert.deepEqual(client.calls, [['startTalking'], ['stopTalking']]);
});
