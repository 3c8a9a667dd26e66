// SPDX-License-Identifier: GPL-3.0-or-later
// End to end in the real SillyTavern (written against 1.18.0, upstream staging commit 691f0ce60) and Debian's
// Chromium, driven by playwright-core:
//   1. `talkinghead-studio st-install --all-users` installs the extension into ST_DIR;
//   2. SillyTavern starts on a fresh data folder holding one character, "Lambda", whose sprite folder has a
//      talkinghead.png; our server, and a small OpenAI-compatible TTS stub that answers with real speech made by
//      `talkinghead-studio say`, run beside it — all on 127.0.0.1;
//   3. in the page: the settings drawer says it is connected; the stream shows in place of the expression sprite,
//      with transparency; an expression set through Character Expressions and a message classified by it reach our
//      server as the emotion; /th-emote and /th-toggle work; the stream closes while the tab is hidden;
//   4. TTS: /speak makes SillyTavern fetch the stub's speech and play it; the extension sends that audio to our
//      lipsync route as playback starts, and the mouth moves while it plays;
//   5. the OBS page /view, transparent and with a chroma key.
// Without ST_DIR (a SillyTavern checkout with `npm install` done), Chromium or playwright-core it exits 77, which
// CTest reports as skipped. Screenshots go to E2E_SCREENSHOTS (default: a temporary folder, printed).
// Run: ST_DIR=/path/to/SillyTavern PLAYWRIGHT_CORE_DIR=/path/node_modules/playwright-core ctest -R sillytavern_e2e -V

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE_DIR = path.resolve(here, '../../../..');
const TESTED_VERSION = '1.18.0';
const CLI = process.env.THS_CLI_PATH ?? '';
const IMAGES_DIR = process.env.THS_IMAGES_DIR ?? path.join(SOURCE_DIR, 'images');
const ST_DIR = process.env.ST_DIR ?? '';
const CHROMIUM = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(p => fs.existsSync(p)) ?? '';

function skip(reason) {
    console.log(`SKIP: ${reason}`);
    process.exit(77);
}

function loadPlaywright() {
    const candidates = [process.env.PLAYWRIGHT_CORE_DIR, path.join(here, 'node_modules', 'playwright-core')].filter(Boolean);
    for (const dir of candidates) {
        if (fs.existsSync(path.join(dir, 'package.json'))) return createRequire(path.join(dir, 'package.json'))(dir);
    }
    return null;
}

if (!ST_DIR) skip('ST_DIR is not set (a SillyTavern checkout, 1.13 or newer, with `npm install` done)');
if (!fs.existsSync(path.join(ST_DIR, 'server.js'))) skip(`ST_DIR=${ST_DIR} has no server.js`);
if (!fs.existsSync(path.join(ST_DIR, 'node_modules'))) skip(`ST_DIR=${ST_DIR}: run npm install there first`);
if (!CLI || !fs.existsSync(CLI)) skip('THS_CLI_PATH does not name the built talkinghead-studio (run through ctest)');
if (!fs.existsSync(path.join(IMAGES_DIR, 'lambda_00.png'))) skip('the example characters are not installed');
if (!CHROMIUM) skip('Chromium is not installed (Debian package chromium) and CHROMIUM is not set');
const playwright = loadPlaywright();
if (!playwright) skip('playwright-core not found (set PLAYWRIGHT_CORE_DIR, or npm install in tests/integrations/sillytavern/e2e)');

const stVersion = JSON.parse(fs.readFileSync(path.join(ST_DIR, 'package.json'), 'utf8')).version;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'th-st-e2e-'));
const shots = process.env.E2E_SCREENSHOTS ?? path.join(tmp, 'screenshots');
fs.mkdirSync(shots, { recursive: true });
const children = [];
const closers = [];
let failures = 0;
let checks = 0;

function check(ok, what, detail = '') {
    ++checks;
    if (!ok) ++failures;
    console.log(`${ok ? 'PASS' : 'FAIL'}: ${what}${detail ? ` — ${detail}` : ''}`);
    return ok;
}

const sleep = (ms) => new Promise(r => setTimeout(r, ms));

async function waitFor(what, fn, timeoutMs = 30000, everyMs = 200) {
    const end = Date.now() + timeoutMs;
    let last;
    while (Date.now() < end) {
        try {
            last = await fn();
            if (last) return last;
        } catch (error) {
            last = error;
        }
        await sleep(everyMs);
    }
    throw new Error(`timed out waiting for ${what} (last: ${last?.message ?? JSON.stringify(last)})`);
}

function freePort() {
    return new Promise((resolve) => {
        const s = net.createServer();
        s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    });
}

function start(command, args, options, readyPattern, name) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
        children.push(child);
        let output = '';
        const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output.slice(-4000)}`)), 180000);
        const onData = (chunk) => {
            output += chunk;
            const m = readyPattern.exec(output);
            if (m) { clearTimeout(timer); resolve({ child, match: m, log: () => output }); }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}):\n${output.slice(-4000)}`)); });
    });
}

// A character card: a PNG with the card's JSON, base64, in a tEXt chunk "chara" (what SillyTavern reads).
function crc32(bytes) {
    let c = ~0;
    for (const b of bytes) {
        c ^= b;
        for (let k = 0; k < 8; ++k) c = (c >>> 1) ^ (0xEDB88320 & -(c & 1));
    }
    return ~c >>> 0;
}

function cardPng(png, card) {
    const text = Buffer.concat([Buffer.from('chara\0', 'latin1'), Buffer.from(Buffer.from(JSON.stringify(card)).toString('base64'), 'latin1')]);
    const type = Buffer.from('tEXt', 'latin1');
    const chunk = Buffer.alloc(12 + text.length);
    chunk.writeUInt32BE(text.length, 0);
    type.copy(chunk, 4);
    text.copy(chunk, 8);
    chunk.writeUInt32BE(crc32(Buffer.concat([type, text])), 8 + text.length);
    const iend = png.length - 12; // IEND is the last chunk
    return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

async function ours(url, route) {
    const response = await fetch(`${url}${route}`);
    return response.json();
}

async function main() {
    console.log(`SillyTavern ${stVersion} at ${ST_DIR} (this test was written against ${TESTED_VERSION}); Chromium ${CHROMIUM}`);
    console.log(`screenshots: ${shots}`);

    // --- 1. Install the extension the way users do. ---
    const install = spawnSync(CLI, ['st-install', '--sillytavern', ST_DIR, '--all-users'], { encoding: 'utf8' });
    const installed = path.join(ST_DIR, 'public/scripts/extensions/third-party/talkinghead-studio');
    check(install.status === 0 && fs.existsSync(path.join(installed, 'manifest.json')), 'st-install --all-users', (install.stdout + install.stderr).trim());
    closers.push(() => fs.rmSync(installed, { recursive: true, force: true }));

    // --- 2. Our server, the TTS stub, SillyTavern on a fresh data folder. ---
    const server = await start(CLI, ['serve', '--port', '0'], {}, /Listening on (http:\/\/\S+)/, 'talkinghead-studio serve');
    const ourUrl = server.match[1].replace(/\/$/, '');
    console.log(`our server: ${ourUrl}`);

    const ttsRequests = [];
    const stub = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => { body += c; });
        req.on('end', () => {
            if (req.method !== 'POST' || req.url !== '/v1/audio/speech') { res.writeHead(404); res.end(); return; }
            const { input = '' } = JSON.parse(body || '{}');
            const wav = path.join(tmp, `tts-${ttsRequests.length}.wav`);
            const made = spawnSync(CLI, ['say', '--text', input, '--output', wav], { encoding: 'utf8' });
            if (made.status !== 0) { res.writeHead(500); res.end(made.stderr); return; }
            const bytes = fs.readFileSync(wav);
            ttsRequests.push({ input, bytes: bytes.length, at: Date.now(), seconds: (bytes.length - 44) / 2 / 22050 });
            res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': bytes.length });
            res.end(bytes);
        });
    });
    await new Promise(r => stub.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise(r => stub.close(r)));
    const stubUrl = `http://127.0.0.1:${stub.address().port}/v1/audio/speech`;

    const dataRoot = path.join(tmp, 'st-data');
    const user = path.join(dataRoot, 'default-user');
    fs.mkdirSync(path.join(user, 'characters', 'Lambda'), { recursive: true });
    const lambda = fs.readFileSync(path.join(IMAGES_DIR, 'lambda_00.png'));
    const card = {
        name: 'Lambda', description: 'A test character.', personality: '', scenario: '', first_mes: 'Hello! I am Lambda.', mes_example: '',
        spec: 'chara_card_v2', spec_version: '2.0',
        data: { name: 'Lambda', description: 'A test character.', personality: '', scenario: '', first_mes: 'Hello! I am Lambda.', mes_example: '',
            creator_notes: '', system_prompt: '', post_history_instructions: '', alternate_greetings: [], tags: [], creator: '', character_version: '', extensions: {} },
    };
    fs.writeFileSync(path.join(user, 'characters', 'Lambda.png'), cardPng(lambda, card));
    fs.copyFileSync(path.join(IMAGES_DIR, 'lambda_00.png'), path.join(user, 'characters', 'Lambda', 'talkinghead.png'));
    const settings = JSON.parse(fs.readFileSync(path.join(ST_DIR, 'default/content/settings.json'), 'utf8'));
    settings.firstRun = false;
    // Visual Novel mode: Character Expressions uses it in group chats.
    settings.power_user = { ...(settings.power_user ?? {}), waifuMode: true };
    // A group with Lambda and one chat in which Lambda spoke.
    fs.mkdirSync(path.join(user, 'groups'), { recursive: true });
    fs.mkdirSync(path.join(user, 'group chats'), { recursive: true });
    fs.writeFileSync(path.join(user, 'groups', '4242.json'), JSON.stringify({
        id: '4242', name: 'Lambda group', members: ['Lambda.png'], avatar_url: '', allow_self_responses: false, activation_strategy: 0,
        generation_mode: 0, disabled_members: [], fav: false, chat_id: 'vn-chat', chats: ['vn-chat'], auto_mode_delay: 5,
        generation_mode_join_prefix: '', generation_mode_join_suffix: '',
    }));
    fs.writeFileSync(path.join(user, 'group chats', 'vn-chat.jsonl'), [
        JSON.stringify({ chat_metadata: {}, user_name: 'unused', character_name: 'unused' }),
        JSON.stringify({ name: 'Lambda', is_user: false, is_system: false, send_date: new Date().toISOString(), mes: 'Hello from the group!', original_avatar: 'Lambda.png', extra: {} }),
    ].join('\n') + '\n');
    Object.assign(settings.extension_settings, {
        apiUrl: ourUrl, apiKey: '', autoConnect: true,
        // Classifier "Extras" (our server); fallback "[ Default emojis ]", without which Character Expressions does
        // not classify a character whose only sprite is talkinghead.png (the drawer says so).
        expressions: { ...(settings.extension_settings.expressions ?? {}), api: 1, showDefault: true, fallback_expression: null },
        tts: {
            ...(settings.extension_settings.tts ?? {}),
            enabled: true, currentProvider: 'OpenAI Compatible', auto_generation: false, playback_rate: 1,
            'OpenAI Compatible': {
                provider_endpoint: stubUrl, model: 'tts-1', speed: 1, available_voices: ['alloy'],
                voiceMap: { Lambda: 'alloy', '[Default Voice]': 'alloy' },
            },
        },
        talkinghead_studio: { serverUrl: ourUrl, placement: 'expression', size: 400 },
    });
    fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify(settings, null, 4));
    const config = fs.readFileSync(path.join(ST_DIR, 'default/config.yaml'), 'utf8').replace(/^skipContentCheck:.*$/m, 'skipContentCheck: true');
    fs.writeFileSync(path.join(tmp, 'config.yaml'), config);

    const stPort = await freePort();
    const st = await start(process.execPath, ['server.js', '--configPath', path.join(tmp, 'config.yaml'), '--dataRoot', dataRoot,
        '--port', String(stPort), '--listen', 'false', '--browserLaunchEnabled', 'false', '--enableIPv6', 'false'],
    { cwd: ST_DIR }, /SillyTavern is listening on|Go to: http|listening on: http/i, 'SillyTavern');
    const stUrl = `http://127.0.0.1:${stPort}`;
    console.log(`SillyTavern: ${stUrl}`);

    // --- 3. The page. ---
    const browser = await playwright.chromium.launch({
        executablePath: CHROMIUM, headless: true,
        args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'],
    });
    closers.unshift(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
    // The stream's requests as Chromium sees them (when each starts and ends).
    const feedRequests = [];
    const feedLog = (what) => (request) => {
        if (request.url().includes('result_feed')) feedRequests.push(`${new Date().toISOString().slice(11, 23)} ${what} ${request.failure()?.errorText ?? ''}`);
    };
    page.on('request', feedLog('start'));
    page.on('requestfailed', feedLog('failed'));
    page.on('requestfinished', feedLog('finished'));
    // Record what the page sends to our lipsync route and when, and when the TTS player plays.
    await page.addInitScript(() => {
        window.__th = { lipsync: [], player: [] };
        const original = window.fetch;
        window.fetch = async function (input, init) {
            const url = String(input?.url ?? input);
            if (url.includes('/api/talkinghead/lipsync')) {
                const startAt = init?.body instanceof FormData ? Number(init.body.get('start_at')) : null;
                const entry = { sentAt: Date.now(), startAt, bytes: init?.body?.get?.('file')?.size ?? 0 };
                window.__th.lipsync.push(entry);
                const response = await original.call(this, input, init);
                entry.status = response.status;
                entry.answeredAt = Date.now();
                return response;
            }
            return original.call(this, input, init);
        };
        document.addEventListener('playing', (e) => {
            if (e.target.id === 'tts_audio') window.__th.player.push({ event: 'playing', at: Date.now(), src: String(e.target.src).slice(0, 40), duration: e.target.duration });
        }, true);
        document.addEventListener('ended', (e) => {
            if (e.target.id === 'tts_audio') window.__th.player.push({ event: 'ended', at: Date.now() });
        }, true);
    });
    await page.goto(stUrl, { waitUntil: 'domcontentloaded' });
    await waitFor('SillyTavern to be ready', () => page.evaluate(() => Boolean(window.SillyTavern?.getContext?.().characters?.length)), 120000, 500);
    const clientVersion = await page.evaluate(() => document.querySelector('#version_display')?.textContent ?? '');
    console.log(`SillyTavern page version: ${clientVersion.trim() || '(not shown)'}`);

    const status = await waitFor('the status line to say connected', async () => {
        const text = await page.evaluate(() => document.getElementById('th_studio_status')?.textContent ?? '');
        return /^Connected to Talkinghead Studio/.test(text) ? text : null;
    }, 30000);
    check(true, 'settings drawer status line', status);

    // Open the chat with Lambda.
    await page.evaluate(async () => {
        const ctx = window.SillyTavern.getContext();
        const id = ctx.characters.findIndex(c => c.name === 'Lambda');
        await ctx.selectCharacterById(id);
    });
    const avatar = page.locator('#th_studio_avatar');
    await waitFor('the avatar to stream', () => page.evaluate(() => {
        const img = document.getElementById('th_studio_avatar');
        return img && img.src.includes('/api/talkinghead/result_feed') && img.naturalWidth > 0;
    }), 120000, 500);
    const placed = await page.evaluate(() => {
        const img = document.getElementById('th_studio_avatar');
        return { parent: img.parentElement?.id, width: img.naturalWidth, height: img.naturalHeight, visible: img.checkVisibility() };
    });
    check(placed.parent === 'expression-holder' && placed.visible && placed.width === 512, 'the stream shows in place of the expression sprite', JSON.stringify(placed));
    const viewers = (await ours(ourUrl, '/api/talkinghead/status')).stream.viewers;
    check(viewers === 1, 'the server has exactly one viewer (the page)', `viewers=${viewers}`);

    // Transparency: over a magenta backdrop, the frame's corners are magenta and its middle is the character.
    await page.addStyleTag({ content: '#expression-holder.th-studio-host { background: #ff00ff !important; }' });
    await sleep(1500);
    await page.screenshot({ path: path.join(shots, '1-sillytavern-avatar.png') });
    const shot = await avatar.screenshot({ path: path.join(shots, '2-avatar-over-magenta.png') });
    const pixels = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width; c.height = img.height;
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        const at = (fx, fy) => Array.from(g.getImageData(Math.floor(fx * (img.width - 1)), Math.floor(fy * (img.height - 1)), 1, 1).data);
        let magenta = 0;
        const data = g.getImageData(0, 0, img.width, img.height).data;
        for (let i = 0; i < data.length; i += 4) if (data[i] > 240 && data[i + 1] < 15 && data[i + 2] > 240) ++magenta;
        return { corner: at(0.02, 0.02), otherCorner: at(0.98, 0.02), face: at(0.5, 0.3), magentaShare: magenta / (data.length / 4) };
    }, shot.toString('base64'));
    const isMagenta = (p) => p[0] > 240 && p[1] < 15 && p[2] > 240;
    check(isMagenta(pixels.corner) && isMagenta(pixels.otherCorner) && !isMagenta(pixels.face) && pixels.magentaShare > 0.2 && pixels.magentaShare < 0.95,
        'the stream is transparent around the character', JSON.stringify(pixels));
    await page.addStyleTag({ content: '#expression-holder.th-studio-host { background: transparent !important; }' });

    // Emotions: Character Expressions' own result reaches our server.
    await page.evaluate(() => window.SillyTavern.getContext().executeSlashCommandsWithOptions('/expression-set anger'));
    const anger = await waitFor('the server emotion to be anger', async () => (await ours(ourUrl, '/api/talkinghead/status')).backend.emotion === 'anger', 15000);
    check(anger, 'an expression set in Character Expressions (/expression-set anger) becomes the server\'s emotion');
    // A character message classified by Character Expressions (its classifier: Extras = our server).
    await page.evaluate(async () => {
        const ctx = window.SillyTavern.getContext();
        const message = { name: 'Lambda', is_user: false, is_system: false, send_date: new Date().toISOString(), mes: 'Thank you so much, that is really kind of you!', extra: {} };
        ctx.chat.push(message);
        ctx.addOneMessage(message);
        await ctx.eventSource.emit(ctx.eventTypes.MESSAGE_RECEIVED, ctx.chat.length - 1);
    });
    const classified = await waitFor('the classified emotion', async () => {
        const shown = await page.evaluate(async () => (await import('/scripts/extensions/expressions/index.js')).lastExpression?.Lambda ?? '');
        const emotion = (await ours(ourUrl, '/api/talkinghead/status')).backend.emotion;
        return shown === 'gratitude' && emotion === 'gratitude' ? { shown, emotion } : null;
    }, 60000, 500).catch((e) => ({ error: e.message }));
    check(!classified.error, 'a classified message changes the emotion (Character Expressions → gratitude → our server)', JSON.stringify(classified));
    await page.screenshot({ path: path.join(shots, '3-after-classified-message.png') });
    console.log(`expression holder: ${await page.evaluate(() => {
        const h = document.getElementById('expression-holder');
        const r = h.getBoundingClientRect();
        const a = document.getElementById('th_studio_avatar').getBoundingClientRect();
        const cs = getComputedStyle(h);
        return JSON.stringify({ holder: [r.x, r.y, r.width, r.height], style: h.getAttribute('style'), cls: h.className,
            computed: [cs.display, cs.height, cs.maxHeight, cs.minHeight, cs.overflow, cs.top, cs.bottom, cs.position],
            wrapper: (() => { const w = document.getElementById('expression-wrapper').getBoundingClientRect(); return [w.y, w.height]; })(), avatar: [a.x, a.y, a.width, a.height],
            children: [...h.children].map(c => `${c.tagName}#${c.id}.${c.className}`) });
    })}`);

    const emote = await page.evaluate(() => window.SillyTavern.getContext().executeSlashCommandsWithOptions('/th-emote joy'));
    check((await ours(ourUrl, '/api/talkinghead/status')).backend.emotion === 'joy' && emote?.pipe === 'joy', '/th-emote joy', JSON.stringify(emote?.pipe));

    // The stream closes while nobody can see it: the tab hidden, or the avatar toggled off.
    const setHidden = (hidden) => page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    const viewersNow = async () => (await ours(ourUrl, '/api/talkinghead/status')).stream.viewers;
    await setHidden(true);
    check(await waitFor('no viewer while hidden', async () => (await viewersNow()) === 0, 10000).catch(() => false), 'the stream closes while the tab is hidden');
    await setHidden(false);
    check(await waitFor('the viewer back', async () => (await viewersNow()) === 1, 10000).catch(() => false), 'and reopens when it is shown again');
    feedRequests.push(`${new Date().toISOString().slice(11, 23)} /th-toggle`);
    const toggled = await page.evaluate(() => window.SillyTavern.getContext().executeSlashCommandsWithOptions('/th-toggle'));
    const offViewers = await waitFor('no viewer when toggled off', async () => (await viewersNow()) === 0, 10000).catch(() => false);
    const offState = await page.evaluate(() => ({ attached: Boolean(document.getElementById('th_studio_avatar')?.checkVisibility()),
        src: document.getElementById('th_studio_avatar')?.src.slice(0, 60), parent: document.getElementById('th_studio_avatar')?.parentElement?.id,
        feeds: [...document.querySelectorAll('img')].filter(i => i.src.includes('result_feed')).map(i => `${i.id}<${i.parentElement?.id}`),
        enabled: window.SillyTavern.getContext().extensionSettings.talkinghead_studio?.enabled }));
    check(offViewers && !offState.attached && toggled?.pipe === 'false', '/th-toggle hides the avatar and closes the stream',
        JSON.stringify({ pipe: toggled?.pipe, viewers: await viewersNow(), ...offState }));
    if (!offViewers) console.log(`the stream's requests so far:\n  ${feedRequests.join('\n  ')}`);
    await page.evaluate(() => window.SillyTavern.getContext().executeSlashCommandsWithOptions('/th-toggle'));
    check(await waitFor('the viewer back', async () => (await viewersNow()) === 1, 10000).catch(() => false), '/th-toggle shows it again');

    // --- 4. TTS → lip-sync. ---
    await waitFor('the stream to show frames again', () => page.evaluate(() => document.getElementById('th_studio_avatar')?.naturalWidth > 0), 30000);
    // On a CPU the mouth's frames come from the speech atlas, whose cells are rendered the first time they are
    // needed (about a second each here). Speak once through our own route so that the cells of this emotion
    // exist; then frames during SillyTavern's audio show how the mouth follows it, not how fast cells render.
    const warm = await fetch(`${ourUrl}/api/talkinghead/speak`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Hello there! I am Lambda, and my mouth follows this very sound while it plays. Warming up.' }) });
    const warmSeconds = Number(warm.headers.get('x-speech-duration')) || 5;
    await warm.arrayBuffer();
    await sleep((warmSeconds + 2) * 1000);
    await waitFor('the speech atlas to settle', async () => {
        const a = (await ours(ourUrl, '/api/talkinghead/status')).backend.speech_atlas;
        await sleep(3000);
        const b = (await ours(ourUrl, '/api/talkinghead/status')).backend.speech_atlas;
        return a.cells_ready === b.cells_ready ? b : null;
    }, 240000, 0).then((a) => console.log(`speech atlas warmed: ${JSON.stringify(a)}`)).catch((e) => console.log(`speech atlas still filling: ${e.message}`));
    const before = (await ours(ourUrl, '/api/talkinghead/status')).backend;
    const line = 'Hello there! I am Lambda, and my mouth follows this very sound while it plays.';
    const speakAt = Date.now();
    page.evaluate((text) => window.SillyTavern.getContext().executeSlashCommandsWithOptions(`/speak ${text}`), line).catch(() => {});
    const playing = await waitFor('the TTS player to start', () => page.evaluate(() => window.__th.player.find(p => p.event === 'playing')), 60000, 100).catch((e) => ({ error: e.message }));
    check(!playing.error && ttsRequests.length === 1 && ttsRequests[0].input.includes('Hello there'), 'SillyTavern fetched the speech from the OpenAI-compatible stub and plays it',
        JSON.stringify({ playing, stub: ttsRequests }));
    // Watch the server while the audio plays: frames from the speech atlas are the mouth being driven.
    const samples = [];
    const mouthShots = [];
    let mouthShot = null;
    const seconds = ttsRequests[0]?.seconds ?? 4;
    const watchEnd = Date.now() + (seconds + 3) * 1000;
    while (Date.now() < watchEnd) {
        const s = (await ours(ourUrl, '/api/talkinghead/status')).backend;
        samples.push({ t: Date.now(), atlas: s.speech_atlas?.frames_from_atlas ?? 0, shown: s.frames_shown });
        if (!mouthShot && playing.at && Date.now() > playing.at + 1500) {
            mouthShot = path.join(shots, '4-speaking.png');
            await avatar.screenshot({ path: mouthShot });
        }
        // The mouth in the page's own picture while the audio plays (the lower face of the 512×512 frame).
        if (playing.at && Date.now() < playing.at + seconds * 1000 && mouthShots.length < 12) {
            mouthShots.push((await avatar.screenshot({ clip: undefined })).toString('base64'));
        }
        await sleep(250);
    }
    const th = await page.evaluate(() => window.__th);
    const lip = th.lipsync[0];
    check(Boolean(lip) && lip.status === 200 && Math.abs(lip.startAt - playing.at) < 400,
        'the audio went to our lipsync route as playback started, with start_at = the playback start',
        JSON.stringify({ lipsync: th.lipsync, playingAt: playing.at }));
    const ended = th.player.find(p => p.event === 'ended');
    const atlasAt = (t) => [...samples].reverse().find(s => s.t <= t)?.atlas ?? before.speech_atlas?.frames_from_atlas ?? 0;
    const duringStart = atlasAt(playing.at ?? speakAt);
    const duringEnd = atlasAt(ended?.at ?? watchEnd);
    const afterEnd = samples.at(-1)?.atlas ?? 0;
    check(duringEnd - duringStart >= 3, 'the mouth moves while the audio plays (speech frames shown)',
        `frames_from_atlas ${duringStart} → ${duringEnd} during playback, ${afterEnd} at the end; audio ${seconds.toFixed(2)} s; ended: ${Boolean(ended)}`);
    // How many different mouths the page showed during playback (the mouth area of the avatar's screenshots).
    const mouths = await page.evaluate(async (list) => {
        const seen = [];
        for (const b64 of list) {
            const img = new Image();
            img.src = `data:image/png;base64,${b64}`;
            await img.decode();
            const c = document.createElement('canvas');
            c.width = img.width; c.height = img.height;
            const g = c.getContext('2d');
            g.drawImage(img, 0, 0);
            // THA3's face sits at x 160–352, y 32–224 of the 512 frame; the mouth in its lower middle.
            const k = img.width / 512;
            const d = g.getImageData(Math.round(226 * k), Math.round(150 * k), Math.round(60 * k), Math.round(50 * k)).data;
            const sig = [];
            for (let i = 0; i < d.length; i += 4 * 7) sig.push(d[i] + d[i + 1] + d[i + 2]);
            if (!seen.some(s => s.reduce((a, v, i) => a + Math.abs(v - sig[i]), 0) / sig.length < 6)) seen.push(sig);
        }
        return seen.length;
    }, mouthShots);
    check(mouths >= 2, 'the page shows the mouth changing while the audio plays', `${mouths} different mouths in ${mouthShots.length} screenshots`);
    await sleep(1500);
    await avatar.screenshot({ path: path.join(shots, '5-after-speaking.png') });

    // Floating panel.
    await page.evaluate(() => {
        const select = document.getElementById('th_studio_placement');
        select.value = 'floating';
        select.dispatchEvent(new Event('change'));
    });
    const floating = await waitFor('the floating panel', () => page.evaluate(() => {
        const img = document.getElementById('th_studio_avatar');
        return img?.parentElement?.id === 'th_studio_panel' && img.naturalWidth > 0 && img.checkVisibility();
    }), 20000).catch(() => false);
    check(floating, 'placement "floating": the avatar moves into its own movable panel');
    await page.screenshot({ path: path.join(shots, '6-floating-panel.png') });

    // Visual Novel mode (a group chat): the avatar takes the place of the speaker's sprite there.
    await page.evaluate(() => {
        const select = document.getElementById('th_studio_placement');
        select.value = 'expression';
        select.dispatchEvent(new Event('change'));
    });
    await page.evaluate(async () => (await import('/scripts/group-chats.js')).openGroupById('4242'));
    const vn = await waitFor('the avatar in the Visual Novel holder', () => page.evaluate(() => {
        const img = document.getElementById('th_studio_avatar');
        // The speaker's holder, or the wrapper itself when Character Expressions made no holder (no sprites).
        const place = img?.closest('#visual-novel-wrapper .expression-holder') ?? img?.closest('#visual-novel-wrapper');
        const where = place?.dataset.avatar ?? place?.id;
        return place && img.naturalWidth > 0 && img.checkVisibility() && img.src.includes('result_feed') ? where : null;
    }), 60000, 500).catch(async (e) => ({ error: e.message, state: await page.evaluate(() => {
        const img = document.getElementById('th_studio_avatar');
        const w = document.getElementById('visual-novel-wrapper');
        return { parent: img?.parentElement?.id || img?.parentElement?.className, src: img?.src.slice(0, 50), width: img?.naturalWidth,
            visible: img?.checkVisibility(), wrapperVisible: w?.checkVisibility(), holders: w?.querySelectorAll('.expression-holder').length,
            groupId: window.SillyTavern.getContext().groupId, chat: window.SillyTavern.getContext().chat.length,
            count: document.querySelectorAll('img.th-studio-avatar').length,
            chain: (() => { const out = []; for (let e = img; e && e !== document.body; e = e.parentElement) { const c = getComputedStyle(e); const r = e.getBoundingClientRect();
                out.push(`${e.tagName}#${e.id}.${e.className}[${c.display},${c.visibility},${c.opacity},${Math.round(r.width)}x${Math.round(r.height)}@${Math.round(r.x)},${Math.round(r.y)}]`); } return out; })() };
    }) }));
    check(vn === 'Lambda.png' || vn === 'visual-novel-wrapper', 'Visual Novel mode: the stream shows in the Visual Novel stage', JSON.stringify(vn));
    await page.screenshot({ path: path.join(shots, '7-visual-novel-mode.png') });

    // --- 5. The OBS page. ---
    const obs = await browser.newPage({ viewport: { width: 600, height: 600 } });
    await obs.goto(`${ourUrl}/view?size=512`);
    await waitFor('/view to stream', () => obs.evaluate(() => document.getElementById('character').naturalWidth > 0), 30000);
    await sleep(1000);
    const obsShot = await obs.screenshot({ path: path.join(shots, '8-obs-view-transparent.png'), omitBackground: true });
    const obsPixels = await obs.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width; c.height = img.height;
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        return { corner: Array.from(g.getImageData(5, 5, 1, 1).data), face: Array.from(g.getImageData(300, 180, 1, 1).data) };
    }, obsShot.toString('base64'));
    check(obsPixels.corner[3] === 0 && obsPixels.face[3] === 255, 'the OBS page /view is transparent around the character', JSON.stringify(obsPixels));
    await obs.goto(`${ourUrl}/view?size=256&bg=00ff00`);
    await waitFor('/view to stream', () => obs.evaluate(() => document.getElementById('character').naturalWidth > 0), 30000);
    await sleep(1000);
    await obs.screenshot({ path: path.join(shots, '9-obs-view-chroma.png') });
    const bad = await obs.goto(`${ourUrl}/view?bg=green`);
    const badBody = await bad.json().catch(() => ({}));
    check(bad.status() === 400 && badBody.field === 'bg', '/view?bg=green is refused with a 400 naming bg', badBody.error);
    await obs.close();

    const errors = consoleLines.filter(l => /Talkinghead Studio|th_studio|talkinghead-studio/i.test(l) && /error|warn|fail/i.test(l));
    if (errors.length) console.log(`extension messages in the console:\n  ${errors.join('\n  ')}`);
    fs.writeFileSync(path.join(shots, 'console.log'), consoleLines.join('\n'));
}

let exitCode = 0;
try {
    await main();
} catch (error) {
    console.log(`FAIL: ${error.stack ?? error}`);
    ++failures;
} finally {
    for (const close of closers) await Promise.resolve().then(close).catch(() => {});
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    console.log(`${failures ? `${failures} FAILED` : "all passed"} (${checks} checks); SillyTavern ${stVersion}; screenshots in ${shots}`);
    exitCode = failures ? 1 : 0;
}
process.exit(exitCode);
