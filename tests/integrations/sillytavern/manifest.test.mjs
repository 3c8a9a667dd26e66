// SPDX-License-Identifier: GPL-3.0-or-later
// The extension as SillyTavern loads it: the manifest's fields and files, every module importable by relative
// path (no build step), and every user-visible text translated in each locale file.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.resolve(here, '../../../integrations/sillytavern');
const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8'));

test('the manifest has what SillyTavern reads, and its files exist', () => {
    for (const field of ['display_name', 'js', 'css', 'author', 'version', 'homePage', 'minimum_client_version', 'i18n', 'hooks']) {
        assert.ok(manifest[field], `manifest.json: "${field}" is missing`);
    }
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
    assert.match(manifest.minimum_client_version, /^\d+\.\d+\.\d+$/);
    assert.ok(fs.existsSync(path.join(ext, manifest.js)));
    assert.ok(fs.existsSync(path.join(ext, manifest.css)));
    assert.deepEqual(Object.keys(manifest.i18n).sort(), ['en', 'ja-jp', 'zh-cn']);
    for (const file of Object.values(manifest.i18n)) assert.ok(fs.existsSync(path.join(ext, file)), file);
    // The "activate" hook names a function the entry module exports.
    const entry = fs.readFileSync(path.join(ext, manifest.js), 'utf8');
    assert.match(entry, new RegExp(`export async function ${manifest.hooks.activate}\\(`));
});

test('every text shown is a key of each locale file, translated', () => {
    const sources = [path.join(ext, 'index.js'), path.join(ext, 'lib', 'connection-status.js')].map(f => fs.readFileSync(f, 'utf8')).join('\n');
    const used = new Set([
        ...[...sources.matchAll(/data-i18n="([^"]+)"/g)].map(m => m[1]),
        ...[...sources.matchAll(/\btr\('((?:[^'\\]|\\.)*)'\)/g)].map(m => m[1].replace(/\\'/g, '\'')),
        ...[...sources.matchAll(/\bsay\('((?:[^'\\]|\\.)*)'/g)].map(m => m[1].replace(/\\'/g, '\'')),
    ]);
    assert.ok(used.size > 20);
    for (const [locale, file] of Object.entries(manifest.i18n)) {
        const data = JSON.parse(fs.readFileSync(path.join(ext, file), 'utf8'));
        for (const key of used) {
            assert.ok(typeof data[key] === 'string' && data[key].length > 0, `${file}: "${key}" is missing`);
            const placeholders = (text) => [...text.matchAll(/\$\{\d+\}/g)].map(m => m[0]).sort().join();
            assert.equal(placeholders(data[key]), placeholders(key), `${file}: "${key}" keeps its placeholders`);
            if (locale !== 'en' && /[a-z]{4,}/.test(key.replace(/\$\{\d+\}|talkinghead[\w.-]*|Talkinghead Studio|SillyTavern|TTS|--[\w-]+|http\S+|data\/\S+|\/th-emote|classify|joy/g, ''))) {
                assert.notEqual(data[key], key, `${file}: "${key}" is not translated`);
            }
        }
        assert.deepEqual(Object.keys(data).filter(k => !used.has(k)), [], `${file}: keys no longer used`);
    }
});

test('the modules need no build step: they import by relative path and load in Node', async () => {
    for (const file of fs.readdirSync(path.join(ext, 'lib'))) {
        const text = fs.readFileSync(path.join(ext, 'lib', file), 'utf8');
        for (const m of text.matchAll(/^import .* from '([^']+)';$/gm)) assert.match(m[1], /^\.\/[\w-]+\.js$/, `${file}: ${m[1]}`);
        await import(path.join(ext, 'lib', file));
    }
});
