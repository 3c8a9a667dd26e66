// SPDX-License-Identifier: GPL-3.0-or-later
// The extension's server client against the real `talkinghead-studio serve` over loopback: every route it uses,
// and the connection check naming exactly what is wrong (unreachable, 401, 403, not ours).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Problem, TalkingheadClient, compareVersions, normaliseServerUrl } from '../../../integrations/sillytavern/lib/server-client.js';
import { silentWav } from '../../../integrations/sillytavern/lib/speech-sync.js';
import { IMAGES_DIR, say, serverUnavailable, startServer } from './support/serve.mjs';

const KEY = 'th-test-key';
const skip = serverUnavailable() || false; // node:test skips on any string, even ''

test('server URLs are normalised or refused', () => {
    assert.equal(normaliseServerUrl('localhost:5100'), 'http://localhost:5100');
    assert.equal(normaliseServerUrl(' http://127.0.0.1:5100/ '), 'http://127.0.0.1:5100');
    assert.equal(normaliseServerUrl('https://th.example/proxy/'), 'https://th.example/proxy');
    assert.equal(normaliseServerUrl(''), null);
    assert.equal(normaliseServerUrl('ftp://x'), null);
    assert.equal(normaliseServerUrl('http://x/?key=1'), null);
    assert.equal(normaliseServerUrl('http://exa mple'), null);
});

test('versions compare numerically', () => {
    assert.equal(compareVersions('0.10.0', '0.9.9'), 1);
    assert.equal(compareVersions('0.1', '0.1.0'), 0);
    assert.equal(compareVersions('0.0.9', '0.1.0'), -1);
});

test('nothing listening: unreachable', async () => {
    const server = http.createServer();
    await new Promise(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address();
    await new Promise(r => server.close(r)); // the port is free now
    const result = await new TalkingheadClient({ url: `http://127.0.0.1:${port}`, timeoutMs: 5000 }).check();
    assert.equal(result.problem, Problem.unreachable);
});

test('a server that is not ours (no status route, as SillyTavern-Extras): not ours', async () => {
    const server = http.createServer((req, res) => { res.writeHead(404, { 'Content-Type': 'text/html' }); res.end('<h1>Not Found</h1>'); });
    await new Promise(r => server.listen(0, '127.0.0.1', r));
    try {
        const result = await new TalkingheadClient({ url: `http://127.0.0.1:${server.address().port}` }).check();
        assert.equal(result.problem, Problem.notOurs);
    } finally {
        await new Promise(r => server.close(r));
    }
});

test('no URL', async () => {
    assert.equal((await new TalkingheadClient({ url: '' }).check()).problem, Problem.noUrl);
});

describe('the real server with an API key and --private-stream', { skip }, () => {
    let server;
    let tmp;
    before(async () => {
        server = await startServer(['--api-key', KEY, '--private-stream']);
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'th-st-'));
    });
    after(async () => {
        await server?.stop();
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    test('without or with a wrong key: 401; with the key: ok and the version', async () => {
        let result = await new TalkingheadClient({ url: server.url }).check();
        assert.equal(result.problem, Problem.unauthorized);
        assert.equal(result.status, 401);
        result = await new TalkingheadClient({ url: server.url, apiKey: 'wrong' }).check();
        assert.equal(result.problem, Problem.unauthorized);
        result = await new TalkingheadClient({ url: server.url, apiKey: KEY }).check();
        assert.equal(result.problem, Problem.ok, result.message);
        assert.match(result.version, /^\d+\.\d+\.\d+/);
    });

    test('load, templates, settings, emotions, talking, lip-sync, the stream with ?key=', async () => {
        const client = new TalkingheadClient({ url: server.url, apiKey: KEY });
        const png = new Blob([fs.readFileSync(path.join(IMAGES_DIR, 'lambda_00.png'))], { type: 'image/png' });
        assert.equal(await client.loadImage(png), 'OK');
        assert.equal(await client.loadEmotionTemplates({ joy: { mouth_aaa_index: 1.0 } }), 'OK');
        assert.equal(await client.loadAnimatorSettings({ target_fps: 10 }), 'OK');
        assert.equal(await client.loadEmotionTemplates({}), 'OK');
        assert.equal(await client.loadAnimatorSettings({}), 'OK');
        assert.equal(await client.setEmotion('joy'), 'joy');
        assert.equal(await client.setEmotion('talkinghead'), 'neutral'); // unknown names fall back
        assert.equal((await client.status()).backend.emotion, 'neutral');
        await client.startTalking();
        assert.equal((await client.status()).backend.talking, true);
        await client.stopTalking();
        assert.equal((await client.status()).backend.talking, false);
        // A bad template is refused with the server's own message.
        await assert.rejects(client.loadEmotionTemplates({ joy: { mouth_aaa_index: 'wide' } }), (error) => error.status === 400 && /joy|mouth_aaa_index/.test(error.message));

        const wav = say('Hello there, I am speaking now.', path.join(tmp, 'hello.wav'));
        assert.equal(await client.lipSync(new Blob([wav], { type: 'audio/wav' }), Date.now(), 'speech.wav'), 'OK');
        // What the extension sends to close the mouth when playback stops early.
        assert.equal(await client.lipSync(silentWav(), Date.now(), 'silence.wav'), 'OK');
        await assert.rejects(client.lipSync(new Blob([Buffer.from('not audio')]), Date.now()), (error) => error.status === 400 || error.status === 415);

        // The stream answers with the key (as an <img> sends it) and not without.
        const feed = client.feedUrl();
        assert.ok(feed.endsWith(`/api/talkinghead/result_feed?repeat=0&key=${KEY}`), feed);
        const controller = new AbortController();
        const response = await fetch(feed, { signal: controller.signal });
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type'), /multipart\/x-mixed-replace/);
        controller.abort();
        const refused = await fetch(feed.replace(/&key=.*/, ''));
        assert.equal(refused.status, 401);
        await refused.body?.cancel();
    });
});

describe('the real server without its talkinghead module', { skip }, () => {
    let server;
    before(async () => { server = await startServer(['--modules', 'classify']); });
    after(async () => { await server?.stop(); });

    test('403 naming the module', async () => {
        const result = await new TalkingheadClient({ url: server.url }).check();
        assert.equal(result.problem, Problem.forbidden);
        assert.match(result.message, /Module 'talkinghead' not enabled/);
    });
});
