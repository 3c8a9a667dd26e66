// SPDX-License-Identifier: GPL-3.0-or-later
// The extension's settings as stored in SillyTavern's extension settings (extension_settings.talkinghead_studio):
// defaults, and repair of whatever an older version or a hand edit left there.

export const SETTINGS_KEY = 'talkinghead_studio';

export const Placement = Object.freeze({
    expression: 'expression', // in place of the Character Expressions sprite (Visual Novel mode included)
    floating: 'floating',     // a movable panel of its own
});

export const SIZE_MIN = 64;
export const SIZE_MAX = 1024;
export const AV_OFFSET_LIMIT_MS = 1000;

export const DEFAULT_SETTINGS = Object.freeze({
    enabled: true,
    serverUrl: 'http://127.0.0.1:5100',
    apiKey: '',
    placement: Placement.expression,
    size: 400,            // the avatar's width in CSS pixels
    followExpressions: true,
    lipSync: true,        // with SillyTavern's TTS: the mouth follows its audio
    talkWhileStreaming: true,
    avOffsetMs: 0,        // positive: the mouth later than the sound
});

const clamp = (value, lo, hi, fallback) => {
    const n = Number(value);
    return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.round(n))) : fallback;
};

/** `stored` completed with defaults and repaired in place (SillyTavern keeps the object it gave us). */
export function normaliseSettings(stored) {
    const s = stored && typeof stored === 'object' ? stored : {};
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
        if (typeof s[key] !== typeof value) s[key] = value;
    }
    if (!Object.values(Placement).includes(s.placement)) s.placement = DEFAULT_SETTINGS.placement;
    s.size = clamp(s.size, SIZE_MIN, SIZE_MAX, DEFAULT_SETTINGS.size);
    s.avOffsetMs = clamp(s.avOffsetMs, -AV_OFFSET_LIMIT_MS, AV_OFFSET_LIMIT_MS, 0);
    s.serverUrl = s.serverUrl.trim();
    s.apiKey = s.apiKey.trim();
    return s;
}
