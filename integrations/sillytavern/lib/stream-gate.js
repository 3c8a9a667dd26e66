// SPDX-License-Identifier: GPL-3.0-or-later
// When the avatar's <img> holds the stream. The server renders only for open streams, so the stream is dropped
// whenever nobody can see it: the extension off, the server unusable, the tab hidden, or the avatar not shown.

/** A transparent 1×1 GIF: setting it as src ends the stream's request. */
export const BLANK_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/**
 * @param {{enabled: boolean, connected: boolean, tabVisible: boolean, avatarShown: boolean, hasCharacter: boolean}} state
 * @returns {boolean}
 */
export function shouldStream({ enabled, connected, tabVisible, avatarShown, hasCharacter }) {
    return Boolean(enabled && connected && tabVisible && avatarShown && hasCharacter);
}

/**
 * The src the avatar's <img> should have.
 * @param {object} state as for shouldStream
 * @param {string} feedUrl the stream's URL
 */
export function avatarSource(state, feedUrl) {
    return shouldStream(state) ? feedUrl : BLANK_IMAGE;
}
