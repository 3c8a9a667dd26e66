// SPDX-License-Identifier: GPL-3.0-or-later
// Character sync with a real sprite folder on disk (as SillyTavern serves /characters/<folder>/…) and the real
// server: talkinghead.png, _emotions.json and _animator.json reach the load routes; a character without them
// resets the server to its own templates and settings; bad files are reported by name.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { SyncResult, spriteFileUrl, syncCharacter } from '../../../integrations/sillytavern/lib/character-sync.js';
import { TalkingheadClient } from '../../../integrations/sillytavern/lib/server-client.js';
import { IMAGES_DIR, serverUnavailable, startServer } from './support/serve.mjs';

test('sprite file URLs', () => {
    assert.equal(spriteFileUrl('Seraphina', 'talkinghead.png'), '/characters/Seraphina/talkinghead.png');
    assert.equal(spriteFileUrl('Ann Lee/alt', '_emotions.json'), '/characters/Ann%20Lee/alt/_emotions.json');
    assert.equal(spriteFileUrl('a#b', 'x.png'), '/characters/a%23b/x.png');
});

/** SillyTavern's /characters/ route over a folder: the file or a 404. */
function folderFetcher(root) {
    return async (urlPath) => {
        const relative = decodeURIComponent(urlPath.replace(/^\/characters\//, ''));
        const file = path.join(root, relative);
        if (!file.startsWith(root) || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
        const type = file.endsWith('.png') ? 'image/png' : 'application/json';
        return new Response(fs.readFileSync(file), { status: 200, headers: { 'Content-Type': type } });
    };
}

describe('character sync against the real server', { skip: serverUnavailable() || false }, () => {
    let server;
    let root;
    let client;
    before(async () => {
        server = await startServer();
        client = new TalkingheadClient({ url: server.url });
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'th-st-chars-'));
        fs.mkdirSync(path.join(root, 'Lambda'));
        fs.copyFileSync(path.join(IMAGES_DIR, 'lambda_00.png'), path.join(root, 'Lambda', 'talkinghead.png'));
        fs.writeFileSync(path.join(root, 'Lambda', '_emotions.json'), JSON.stringify({ smug: { mouth_smirk: 1.0 } }));
        fs.writeFileSync(path.join(root, 'Lambda', '_animator.json'), JSON.stringify({ target_fps: 12 }));
        fs.mkdirSync(path.join(root, 'NoImage'));
        fs.mkdirSync(path.join(root, 'BadFiles'));
        fs.copyFileSync(path.join(IMAGES_DIR, 'lambda_01.png'), path.join(root, 'BadFiles', 'talkinghead.png'));
        fs.writeFileSync(path.join(root, 'BadFiles', '_emotions.json'), '{ not json');
        fs.writeFileSync(path.join(root, 'BadFiles', '_animator.json'), JSON.stringify({ target_fps: 'fast' }));
        fs.mkdirSync(path.join(root, 'NotAnImage'));
        fs.writeFileSync(path.join(root, 'NotAnImage', 'talkinghead.png'), 'this is text');
    });
    after(async () => {
        await server?.stop();
        if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    test('the image, the templates and the settings reach the server', async () => {
        const result = await syncCharacter({ folder: 'Lambda', fetchAsset: folderFetcher(root), client });
        assert.equal(result.result, SyncResult.loaded, result.message);
        assert.deepEqual(result.warnings, []);
        assert.equal(await client.setEmotion('smug'), 'smug'); // the character's own emotion exists now
        const status = await client.status();
        assert.equal(status.backend.loaded, true);
        assert.equal(status.stream.target_fps, 12);
    });

    test('no talkinghead.png: said how to add one, the server keeps its character', async () => {
        const result = await syncCharacter({ folder: 'NoImage', fetchAsset: folderFetcher(root), client });
        assert.equal(result.result, SyncResult.noImage);
        assert.match(result.message, /"NoImage" has no talkinghead\.png/);
        assert.equal((await client.status()).backend.loaded, true);
    });

    test('bad JSON files are named and the server\'s defaults are used', async () => {
        const result = await syncCharacter({ folder: 'BadFiles', fetchAsset: folderFetcher(root), client });
        assert.equal(result.result, SyncResult.loaded);
        assert.equal(result.warnings.length, 2, result.warnings.join('\n'));
        assert.match(result.warnings[0], /^_emotions\.json: not valid JSON/);
        assert.match(result.warnings[1], /^_animator\.json: .*target_fps/);
        assert.equal(await client.setEmotion('smug'), 'neutral'); // the previous character's emotion is gone
        assert.notEqual((await client.status()).stream.target_fps, 12);
    });

    test('an image the server cannot use is refused with its reason', async () => {
        const result = await syncCharacter({ folder: 'NotAnImage', fetchAsset: folderFetcher(root), client });
        // Served as image/png but not one: the server's validation says so.
        assert.equal(result.result, SyncResult.refused);
        assert.match(result.message, /^talkinghead\.png of "NotAnImage": 400: /);
    });
});
