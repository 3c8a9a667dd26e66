// SPDX-License-Identifier: GPL-3.0-or-later
// The extension's decisions that need no server: the status line's texts, settings repair, when to stream, and
// the emotion follower. (Their server calls are recorded, not faked answers: each method returns what ours does.)

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeConnection, fill } from '../../../integrations/sillytavern/lib/connection-status.js';
import { EMOTIONS, EmotionFollower } from '../../../integrations/sillytavern/lib/emotion-follower.js';
import { Problem, ServerError } from '../../../integrations/sillytavern/lib/server-client.js';
import { DEFAULT_SETTINGS, Placement, normaliseSettings } from '../../../integrations/sillytavern/lib/settings.js';
import { BLANK_IMAGE, avatarSource, shouldStream } from '../../../integrations/sillytavern/lib/stream-gate.js';

test('fill replaces numbered placeholders', () => {
    assert.equal(fill('${1} and ${0}, ${0}', ['a', 'b']), 'b and a, a');
    assert.equal(fill('${2}', ['a']), '${2}');
});

test('the status line names exactly what is wrong', () => {
    const url = 'http://127.0.0.1:5100';
    const text = (result, origin = 'http://localhost:8000') => describeConnection(result, { url, origin }).text;
    assert.equal(describeConnection({ problem: Problem.ok, version: '0.1.0' }, { url }).ok, true);
    assert.equal(text({ problem: Problem.ok, version: '0.1.0' }), 'Connected to Talkinghead Studio 0.1.0 at http://127.0.0.1:5100.');
    assert.match(text({ problem: Problem.unreachable }), /^Unreachable: nothing answers at http:\/\/127\.0\.0\.1:5100\./);
    assert.match(text({ problem: Problem.unauthorized, status: 401 }), /^401: .*API key/);
    assert.match(text({ problem: Problem.forbidden, status: 403, message: "403: Module 'talkinghead' not enabled in config" }), /^403: .*talkinghead module/);
    assert.equal(text({ problem: Problem.forbidden, status: 403, message: '403: requests from web pages at http://192.168.1.5:8000 are not allowed' }, 'http://192.168.1.5:8000'),
        '403: the server refuses pages from http://192.168.1.5:8000; start it with --cors-origin http://192.168.1.5:8000.');
    assert.match(text({ problem: Problem.version, version: '0.0.9', minimum: '0.1.0' }), /^Version: .*0\.0\.9.*0\.1\.0 or newer/);
    assert.match(text({ problem: Problem.notOurs }), /not Talkinghead Studio/);
    assert.match(text({ problem: Problem.noUrl }), /Enter the server URL/);
    // Translated through SillyTavern's translate().
    const zh = describeConnection({ problem: Problem.unreachable }, { url, translate: () => '无法连接：${0}' });
    assert.equal(zh.text, `无法连接：${url}`);
});

test('settings: defaults filled in, bad values repaired in place', () => {
    const stored = { placement: 'sideways', size: 5000, avOffsetMs: -99999, serverUrl: ' http://x:1 ', lipSync: 'yes' };
    const s = normaliseSettings(stored);
    assert.equal(s, stored);
    assert.equal(s.placement, Placement.expression);
    assert.equal(s.size, 1024);
    assert.equal(s.avOffsetMs, -1000);
    assert.equal(s.serverUrl, 'http://x:1');
    assert.equal(s.lipSync, true);
    assert.equal(s.enabled, DEFAULT_SETTINGS.enabled);
    assert.deepEqual(normaliseSettings(undefined), { ...DEFAULT_SETTINGS });
});

test('the stream is open only while someone can see the avatar', () => {
    const all = { enabled: true, connected: true, tabVisible: true, avatarShown: true, hasCharacter: true };
    assert.equal(shouldStream(all), true);
    for (const key of Object.keys(all)) assert.equal(shouldStream({ ...all, [key]: false }), false, key);
    assert.equal(avatarSource(all, 'http://s/feed'), 'http://s/feed');
    assert.equal(avatarSource({ ...all, tabVisible: false }, 'http://s/feed'), BLANK_IMAGE);
});

test('the emotion follower sends each change once, retries after a failure', async () => {
    const sent = [];
    let fail = false;
    const client = {
        async setEmotion(name) {
            if (fail) throw new ServerError(Problem.unreachable, 0, 'down');
            sent.push(name);
            return EMOTIONS.includes(name) ? name : 'neutral';
        },
    };
    const errors = [];
    const follower = new EmotionFollower({ client: () => client, onError: (m) => errors.push(m) });
    assert.equal(await follower.update(''), null);
    assert.equal(await follower.update('joy'), 'joy');
    assert.equal(await follower.update('joy'), null);
    assert.equal(await follower.update('sprite-only-label'), 'neutral');
    fail = true;
    assert.equal(await follower.update('anger'), null);
    assert.equal(errors.length, 1);
    fail = false;
    assert.equal(await follower.update('anger'), 'anger');
    // /th-emote sends at once and holds until SillyTavern's own expression changes.
    assert.equal(await follower.send('pride'), 'pride');
    assert.equal(await follower.update('anger'), null);
    follower.reset();
    assert.equal(await follower.update('anger'), 'anger');
    assert.deepEqual(sent, ['joy', 'sprite-only-label', 'anger', 'pride', 'anger']);
    assert.equal(EMOTIONS.length, 28);
});
