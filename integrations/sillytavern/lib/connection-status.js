// SPDX-License-Identifier: GPL-3.0-or-later
// The settings drawer's status line: one sentence that names exactly what is wrong and what to do.
// Texts are keys for SillyTavern's translate() (the i18n/*.json files), with ${0}, ${1} for the values.

import { Problem } from './server-client.js';

/** Replaces ${0}, ${1}… in `template` by `values`. */
export function fill(template, values) {
    return String(template).replace(/\$\{(\d+)\}/g, (match, i) => (values[i] !== undefined ? String(values[i]) : match));
}

/**
 * @param {{problem: string, status?: number, message?: string, version?: string}} result TalkingheadClient.check()'s
 * @param {object} context
 * @param {string} context.url the server URL in the settings
 * @param {string} [context.origin] this page's origin (for the --cors-origin hint)
 * @param {(key: string) => string} [context.translate]
 * @returns {{ok: boolean, text: string}}
 */
export function describeConnection(result, { url, origin = '', translate = (key) => key }) {
    const say = (key, ...values) => fill(translate(key), values);
    switch (result.problem) {
    case Problem.ok:
        return { ok: true, text: say('Connected to Talkinghead Studio ${0} at ${1}.', result.version ?? '', url) };
    case Problem.noUrl:
        return { ok: false, text: say('Enter the server URL, e.g. http://127.0.0.1:5100.') };
    case Problem.badUrl:
        return { ok: false, text: say('"${0}" is not a server URL (http://host:port).', url) };
    case Problem.unreachable:
        return { ok: false, text: say('Unreachable: nothing answers at ${0}. Is "talkinghead-studio serve" (or the studio\'s Server panel) running there?', url) };
    case Problem.unauthorized:
        return { ok: false, text: say('401: the server needs an API key and the one set here is missing or wrong.') };
    case Problem.forbidden:
        if (/module/i.test(result.message ?? '')) {
            return { ok: false, text: say('403: the server runs without its talkinghead module (start it with --modules classify,talkinghead).') };
        }
        return { ok: false, text: say('403: the server refuses pages from ${0}; start it with --cors-origin ${0}.', origin || '?') };
    case Problem.notOurs:
        return { ok: false, text: say('${0} answers, but it is not Talkinghead Studio (perhaps the old SillyTavern-Extras).', url) };
    case Problem.version:
        return { ok: false, text: say('Version: the server is Talkinghead Studio ${0}; this extension needs ${1} or newer.', result.version || '?', result.minimum ?? '') };
    default:
        return { ok: false, text: say('The server answered with an error: ${0}', result.message ?? '') };
    }
}
