// SPDX-License-Identifier: GPL-3.0-or-later
// Talkinghead Studio for SillyTavern: the live avatar from one image, following SillyTavern's expressions, talking
// while replies stream, and lip-synced to SillyTavern's TTS. This file wires SillyTavern (its events, settings,
// DOM and slash commands) to the small modules in lib/, which hold the logic and are tested under Node.

import { extension_settings, getContext } from '../../../extensions.js';
import { applyLocale, translate } from '../../../i18n.js';
import { dragElement } from '../../../RossAscends-mods.js';
import { loadMovingUIState } from '../../../power-user.js';

import { TalkingheadClient, Problem, normaliseServerUrl } from './lib/server-client.js';
import { describeConnection, fill } from './lib/connection-status.js';
import { syncCharacter, SyncResult } from './lib/character-sync.js';
import { EmotionFollower, EMOTIONS } from './lib/emotion-follower.js';
import { SpeechSync } from './lib/speech-sync.js';
import { avatarSource, shouldStream, BLANK_IMAGE } from './lib/stream-gate.js';
import { DEFAULT_SETTINGS, Placement, SETTINGS_KEY, SIZE_MAX, SIZE_MIN, normaliseSettings } from './lib/settings.js';

const TICK_MS = 500;
const RECHECK_OK_MS = 30000;
const RECHECK_FAILED_MS = 5000;

let settings = { ...DEFAULT_SETTINGS };
let client = null;
let connection = { problem: Problem.noUrl, message: '' };
let lastCheck = 0;
let checking = null;
let syncedFolder = null;       // the sprite folder whose talkinghead.png the server shows
let syncing = null;
let hasImage = false;          // the synced character has a talkinghead.png
let expressionsModule = null;  // SillyTavern's Character Expressions module (its `lastExpression`)
const watchedPlayers = new WeakSet();

const follower = new EmotionFollower({ client: () => (connected() ? client : null), onError: report });
const speech = new SpeechSync({
    client: () => (connected() && settings.enabled ? client : null),
    avOffsetMs: () => settings.avOffsetMs,
    ttsEnabled: () => Boolean(extension_settings.tts?.enabled) && settings.lipSync,
    onError: report,
});

const tr = (text) => translate(text);

function connected() {
    return connection.problem === Problem.ok;
}

function report(message) {
    console.warn(`[Talkinghead Studio] ${message}`);
}

function save() {
    getContext().saveSettingsDebounced();
}

// --- Which character -----------------------------------------------------------------------------------------

/** The sprite folder of the character on screen, as Character Expressions finds it (overrides included). */
function currentFolder() {
    const context = getContext();
    let name = context.name2;
    let avatarFile = '';
    if (context.groupId) {
        const last = [...(context.chat ?? [])].reverse().find(m => !m.is_user && !m.is_system && m.name);
        if (!last) return null;
        name = last.name;
        avatarFile = last.original_avatar ?? '';
    } else if (context.characterId !== undefined && context.characters?.[context.characterId]) {
        avatarFile = context.characters[context.characterId].avatar ?? '';
    } else {
        return null;
    }
    const folderName = String(avatarFile).replace(/\.[^/.]+$/, '');
    const override = (extension_settings.expressionOverrides ?? []).find(e => e.name == folderName);
    return override?.path || name || null;
}

function currentExpression(folder) {
    const last = expressionsModule?.lastExpression;
    return folder && last ? last[folder.split('/')[0]] ?? '' : '';
}

// --- The avatar in the page ----------------------------------------------------------------------------------

/** @type {HTMLImageElement|null} */
let avatar = null;

/** The one avatar <img>: kept here, because SillyTavern may empty the element it sits in (a new chat, Visual Novel
 * mode) and a second <img> would open a second stream while the lost one keeps loading. */
function avatarImage() {
    if (!avatar) {
        const img = document.createElement('img');
        img.id = 'th_studio_avatar';
        img.className = 'th-studio-avatar';
        img.alt = '';
        img.src = BLANK_IMAGE;
        // The server went away: the connection check finds out and the stream reopens when it is back.
        img.addEventListener('error', () => {
            if (img.src !== BLANK_IMAGE) {
                lastCheck = 0;
                img.src = BLANK_IMAGE;
            }
        });
        avatar = img;
    }
    return avatar;
}

/** A hidden place for the avatar while it is not shown. */
function parking() {
    let box = document.getElementById('th_studio_parking');
    if (!box) {
        box = document.createElement('div');
        box.id = 'th_studio_parking';
        box.hidden = true;
        document.body.append(box);
    }
    return box;
}

function floatingPanel() {
    let panel = document.getElementById('th_studio_panel');
    if (!panel) {
        panel = document.createElement('div');
        panel.id = 'th_studio_panel';
        panel.className = 'th-studio-panel';
        const grip = document.createElement('div');
        grip.id = 'th_studio_panelheader';
        grip.className = 'fa-solid fa-grip drag-grabber';
        panel.append(grip);
        document.body.append(panel);
        dragElement($(panel));
        loadMovingUIState();
    }
    return panel;
}

/** Where the avatar goes now: a Visual Novel holder, the expression holder, or the floating panel. */
function avatarHost() {
    if (settings.placement === Placement.floating) return floatingPanel();
    const vn = document.getElementById('visual-novel-wrapper');
    if (vn && (vn.checkVisibility ? vn.checkVisibility() : vn.offsetParent !== null)) {
        // Visual Novel mode (group chats): the speaker's sprite holder; the wrapper itself when the speaker has no
        // sprite of Character Expressions' own (then it made no holder for them).
        const context = getContext();
        const speaker = [...(context.chat ?? [])].reverse().find(m => !m.is_user && !m.is_system && m.original_avatar);
        const holders = [...vn.querySelectorAll('.expression-holder')];
        return holders.find(h => speaker && h.dataset.avatar === speaker.original_avatar) ?? vn;
    }
    // Without Character Expressions there is no sprite to stand in for: the floating panel it is.
    return document.getElementById('expression-holder') ?? floatingPanel();
}

function placeAvatar(active) {
    const img = avatarImage();
    // Character Expressions builds Visual Novel holders by cloning its sprite holder, ours included: drop the copies
    // (each would hold a stream of its own).
    for (const copy of document.querySelectorAll('img.th-studio-avatar')) {
        if (copy !== img) {
            copy.src = BLANK_IMAGE;
            copy.remove();
        }
    }
    document.querySelectorAll('.th-studio-host').forEach(el => el.classList.remove('th-studio-host'));
    document.getElementById('th_studio_panel')?.classList.toggle('th-studio-hidden', !active || settings.placement !== Placement.floating);
    if (!active) {
        // Parked, not removed: Chromium keeps a detached <img>'s stream open even after its src changes.
        img.src = BLANK_IMAGE;
        parking().append(img);
        return false;
    }
    const host = avatarHost();
    host.classList.add('th-studio-host');
    if (img.parentElement !== host) host.append(img);
    img.style.width = `${settings.size}px`;
    return img.checkVisibility ? img.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : img.offsetParent !== null;
}

// --- The loop: connection, character, expression, stream -------------------------------------------------------

async function checkConnection(force = false) {
    const now = Date.now();
    const due = force || now - lastCheck > (connected() ? RECHECK_OK_MS : RECHECK_FAILED_MS);
    if (!due || checking) return checking;
    lastCheck = now;
    checking = (async () => {
        const url = normaliseServerUrl(settings.serverUrl);
        const wasConnected = connected();
        if (!settings.serverUrl) connection = { problem: Problem.noUrl };
        else if (!url) connection = { problem: Problem.badUrl };
        else {
            if (!client || client.baseUrl !== url || client.apiKey !== settings.apiKey) {
                client = new TalkingheadClient({ url, apiKey: settings.apiKey });
            }
            connection = await client.check();
        }
        if (connected() && !wasConnected) {
            // A (re)started server shows nothing of ours yet.
            syncedFolder = null;
            follower.reset();
        }
        showStatus();
    })().finally(() => { checking = null; });
    return checking;
}

function showStatus() {
    const line = document.getElementById('th_studio_status');
    if (!line) return;
    const { ok, text } = describeConnection(connection, {
        url: settings.serverUrl, origin: location.origin, translate: tr,
    });
    line.textContent = text;
    line.classList.toggle('th-studio-ok', ok);
    line.classList.toggle('th-studio-error', !ok);
}

function showCharacter(text) {
    const line = document.getElementById('th_studio_character');
    if (line) line.textContent = text;
}

async function syncIfNeeded(folder) {
    if (!folder || folder === syncedFolder || syncing) return;
    syncing = (async () => {
        const result = await syncCharacter({
            folder,
            client,
            fetchAsset: (path) => fetch(path, { cache: 'no-cache' }),
        });
        syncedFolder = folder;
        hasImage = result.result === SyncResult.loaded;
        follower.reset();
        for (const warning of result.warnings) report(warning);
        if (result.result === SyncResult.loaded) {
            const hint = await expressionsHint(folder);
            showCharacter(fill(tr('Showing ${0}.'), [folder]) + (hint ? ` ${hint}` : ''));
            if (hint) report(hint);
        }
        else if (result.result === SyncResult.noImage) {
            const text = fill(tr('"${0}" has no talkinghead.png. Add a 512×512 PNG with a transparent background named talkinghead.png to its sprites (Character Expressions: add a custom expression named talkinghead and upload the image to it, or copy the file into data/<user>/characters/${0}/); until then the server keeps showing its current character.'), [folder]);
            showCharacter(text);
            toastr.info(text, tr('Talkinghead Studio'), { preventDuplicates: true, escapeHtml: true });
        } else {
            showCharacter(result.message);
            toastr.error(result.message, tr('Talkinghead Studio'), { preventDuplicates: true, escapeHtml: true });
        }
    })().catch(error => report(`character sync: ${error.message}`)).finally(() => { syncing = null; });
}

/**
 * Character Expressions classifies only characters that have sprites, or whose fallback is "[ Default emojis ]":
 * a character with just talkinghead.png would never change its emotion. Says so, or returns ''.
 */
async function expressionsHint(folder) {
    if (!settings.followExpressions || !expressionsModule || extension_settings.expressions?.showDefault) return '';
    try {
        const response = await fetch(`/api/sprites/get?name=${encodeURIComponent(folder)}`);
        const sprites = response.ok ? await response.json() : [];
        if (Array.isArray(sprites) && sprites.some(s => s?.label && s.label !== 'talkinghead')) return '';
    } catch {
        return '';
    }
    return fill(tr('Character Expressions classifies only characters with sprites: set its fallback expression to "[ Default emojis ]" (the avatar covers them) so that ${0} follows the conversation.'), [folder]);
}

function watchTtsPlayer() {
    const player = document.getElementById('tts_audio');
    if (!(player instanceof HTMLAudioElement) || watchedPlayers.has(player)) return;
    watchedPlayers.add(player);
    player.addEventListener('playing', () => {
        if (settings.enabled && settings.lipSync) speech.playbackStarted({ src: player.currentSrc || player.src, currentTime: player.currentTime, playbackRate: player.playbackRate });
    });
    player.addEventListener('pause', () => speech.playbackStopped({ ended: player.ended }));
    player.addEventListener('ended', () => speech.playbackStopped({ ended: true }));
    player.addEventListener('emptied', () => speech.playbackStopped());
}

async function tick() {
    watchTtsPlayer();
    if (!settings.enabled) {
        placeAvatar(false);
        return;
    }
    await checkConnection();
    const folder = currentFolder();
    if (connected() && folder) await syncIfNeeded(folder);
    const state = {
        enabled: settings.enabled,
        connected: connected(),
        tabVisible: document.visibilityState === 'visible',
        hasCharacter: Boolean(folder) && hasImage && folder === syncedFolder,
        avatarShown: false,
    };
    state.avatarShown = placeAvatar(state.enabled && state.connected && state.hasCharacter);
    const img = avatarImage();
    const wanted = avatarSource(state, client?.feedUrl() ?? BLANK_IMAGE);
    if (img.src !== wanted) img.src = wanted;
    document.body.dataset.thStudioStreaming = String(shouldStream(state));
    if (settings.followExpressions && state.hasCharacter) await follower.update(currentExpression(folder));
}

let ticking = false;
async function safeTick() {
    if (ticking) return;
    ticking = true;
    try {
        await tick();
    } catch (error) {
        report(`update: ${error.message}`);
    } finally {
        ticking = false;
    }
}

// --- Settings drawer ---------------------------------------------------------------------------------------------

function settingsHtml() {
    return `
    <div id="th_studio_settings" class="th-studio-settings">
      <div class="inline-drawer">
        <div class="inline-drawer-toggle inline-drawer-header">
          <b data-i18n="Talkinghead Studio">Talkinghead Studio</b>
          <div class="inline-drawer-icon fa-solid fa-circle-chevron-down down"></div>
        </div>
        <div class="inline-drawer-content">
          <label class="checkbox_label"><input type="checkbox" id="th_studio_enabled"><span data-i18n="Show the live avatar">Show the live avatar</span></label>
          <label for="th_studio_url" data-i18n="Server URL">Server URL</label>
          <div class="flex-container">
            <input id="th_studio_url" class="text_pole flex1" type="text" placeholder="http://127.0.0.1:5100" autocomplete="off">
            <div id="th_studio_connect" class="menu_button" data-i18n="Connect">Connect</div>
          </div>
          <label for="th_studio_key" data-i18n="API key (only if the server was started with --api-key or --secure)">API key (only if the server was started with --api-key or --secure)</label>
          <input id="th_studio_key" class="text_pole" type="password" autocomplete="off">
          <div id="th_studio_status" class="th-studio-status" role="status"></div>
          <label for="th_studio_placement" data-i18n="Where to show the avatar">Where to show the avatar</label>
          <select id="th_studio_placement" class="text_pole">
            <option value="expression" data-i18n="In place of the expression sprite (Visual Novel mode too)">In place of the expression sprite (Visual Novel mode too)</option>
            <option value="floating" data-i18n="In a movable floating panel">In a movable floating panel</option>
          </select>
          <label for="th_studio_size"><span data-i18n="Size (pixels)">Size (pixels)</span>: <span id="th_studio_size_value"></span></label>
          <input id="th_studio_size" type="range" min="${SIZE_MIN}" max="${SIZE_MAX}" step="8">
          <label class="checkbox_label"><input type="checkbox" id="th_studio_follow"><span data-i18n="Follow the character's expression">Follow the character's expression</span></label>
          <label class="checkbox_label"><input type="checkbox" id="th_studio_lipsync"><span data-i18n="Lip-sync to SillyTavern's TTS">Lip-sync to SillyTavern's TTS</span></label>
          <label class="checkbox_label"><input type="checkbox" id="th_studio_stream_talk"><span data-i18n="Talk while a reply streams in (without TTS)">Talk while a reply streams in (without TTS)</span></label>
          <label for="th_studio_av_offset" data-i18n="A/V offset in ms (positive: the mouth moves later)">A/V offset in ms (positive: the mouth moves later)</label>
          <input id="th_studio_av_offset" class="text_pole" type="number" min="-1000" max="1000" step="10">
          <div id="th_studio_character" class="th-studio-character"></div>
          <div id="th_studio_resync" class="menu_button" data-i18n="Send the character again">Send the character again</div>
        </div>
      </div>
    </div>`;
}

function bindSettings() {
    const root = document.getElementById('th_studio_settings');
    const $ = (id) => /** @type {HTMLInputElement} */ (root.querySelector(`#${id}`));
    const changed = (recheck = false) => {
        normaliseSettings(settings);
        save();
        if (recheck) {
            lastCheck = 0;
            syncedFolder = null;
        }
        safeTick();
    };
    $('th_studio_enabled').checked = settings.enabled;
    $('th_studio_url').value = settings.serverUrl;
    $('th_studio_key').value = settings.apiKey;
    $('th_studio_placement').value = settings.placement;
    $('th_studio_size').value = String(settings.size);
    $('th_studio_size_value').textContent = String(settings.size);
    $('th_studio_follow').checked = settings.followExpressions;
    $('th_studio_lipsync').checked = settings.lipSync;
    $('th_studio_stream_talk').checked = settings.talkWhileStreaming;
    $('th_studio_av_offset').value = String(settings.avOffsetMs);

    $('th_studio_enabled').addEventListener('change', (e) => { settings.enabled = e.target.checked; changed(); });
    $('th_studio_url').addEventListener('change', (e) => { settings.serverUrl = e.target.value; changed(true); });
    $('th_studio_key').addEventListener('change', (e) => { settings.apiKey = e.target.value; changed(true); });
    $('th_studio_connect').addEventListener('click', () => {
        settings.serverUrl = $('th_studio_url').value;
        settings.apiKey = $('th_studio_key').value;
        changed(true);
    });
    $('th_studio_placement').addEventListener('change', (e) => { settings.placement = e.target.value; changed(); });
    $('th_studio_size').addEventListener('input', (e) => {
        settings.size = Number(e.target.value);
        $('th_studio_size_value').textContent = e.target.value;
        changed();
    });
    $('th_studio_follow').addEventListener('change', (e) => { settings.followExpressions = e.target.checked; changed(); });
    $('th_studio_lipsync').addEventListener('change', (e) => { settings.lipSync = e.target.checked; changed(); });
    $('th_studio_stream_talk').addEventListener('change', (e) => { settings.talkWhileStreaming = e.target.checked; changed(); });
    $('th_studio_av_offset').addEventListener('change', (e) => {
        settings.avOffsetMs = Number(e.target.value);
        changed();
        e.target.value = String(settings.avOffsetMs);
    });
    $('th_studio_resync').addEventListener('click', () => { syncedFolder = null; safeTick(); });
}

// --- Slash commands ------------------------------------------------------------------------------------------------

function registerSlashCommands() {
    const { SlashCommandParser, SlashCommand, SlashCommandArgument, ARGUMENT_TYPE } = getContext();
    SlashCommandParser.addCommandObject(SlashCommand.fromProps({
        name: 'th-emote',
        callback: async (_args, value) => {
            const name = String(value ?? '').trim();
            if (!name) {
                toastr.warning(tr('Usage: /th-emote <emotion>, e.g. /th-emote joy'), '', { escapeHtml: true });
                return '';
            }
            if (!connected()) {
                toastr.error(describeConnection(connection, { url: settings.serverUrl, origin: location.origin, translate: tr }).text);
                return '';
            }
            return (await follower.send(name)) ?? '';
        },
        unnamedArgumentList: [SlashCommandArgument.fromProps({
            description: 'emotion',
            typeList: [ARGUMENT_TYPE.STRING],
            isRequired: true,
            enumList: [...EMOTIONS],
        })],
        helpString: 'Sets the Talkinghead Studio avatar\'s emotion (one of the 28, or one of the character\'s own templates); returns the emotion applied.',
    }));
    SlashCommandParser.addCommandObject(SlashCommand.fromProps({
        name: 'th-toggle',
        callback: async () => {
            settings.enabled = !settings.enabled;
            const box = /** @type {HTMLInputElement} */ (document.getElementById('th_studio_enabled'));
            if (box) box.checked = settings.enabled;
            save();
            await safeTick();
            return String(settings.enabled);
        },
        helpString: 'Shows or hides the Talkinghead Studio avatar; returns true when it is now shown.',
    }));
}

// --- Start ---------------------------------------------------------------------------------------------------------

/** The manifest's "activate" hook. */
export async function init() {
    extension_settings[SETTINGS_KEY] = normaliseSettings(extension_settings[SETTINGS_KEY]);
    settings = extension_settings[SETTINGS_KEY];
    try {
        expressionsModule = await import('../../expressions/index.js');
    } catch (error) {
        report(`Character Expressions is not available (${error.message}); expressions are not followed`);
    }

    const container = document.getElementById('extensions_settings2') ?? document.getElementById('extensions_settings');
    container?.insertAdjacentHTML('beforeend', settingsHtml());
    const root = document.getElementById('th_studio_settings');
    if (root) {
        applyLocale(root);
        bindSettings();
    }

    const { eventSource, eventTypes } = getContext();
    eventSource.on(eventTypes.CHAT_CHANGED, () => { syncedFolder = null; safeTick(); });
    eventSource.on(eventTypes.MESSAGE_RECEIVED, () => safeTick());
    eventSource.on(eventTypes.TTS_JOB_STARTED, () => { if (speech.talking) speech.setTalking(false); });
    eventSource.on(eventTypes.TTS_AUDIO_READY, (data) => { if (settings.enabled && settings.lipSync) speech.ttsAudioReady(data ?? {}); });
    eventSource.on(eventTypes.GENERATION_STARTED, (type, _options, dryRun) => speech.generationStarted(type, dryRun));
    eventSource.on(eventTypes.STREAM_TOKEN_RECEIVED, () => { if (settings.enabled && settings.talkWhileStreaming) speech.tokenReceived(); });
    eventSource.on(eventTypes.GENERATION_ENDED, () => speech.generationEnded());
    eventSource.on(eventTypes.GENERATION_STOPPED, () => speech.generationEnded());
    document.addEventListener('visibilitychange', () => safeTick());

    registerSlashCommands();
    showStatus();
    setInterval(safeTick, TICK_MS);
    await safeTick();
}
