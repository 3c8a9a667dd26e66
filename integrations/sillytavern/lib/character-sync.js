// SPDX-License-Identifier: GPL-3.0-or-later
// Character sync: the character's talkinghead.png and, when present, its _emotions.json and _animator.json (in
// SillyTavern's sprite folder, /characters/<folder>/) go to the server's load routes. A character without them
// gets {} (the server's own templates and settings), as SillyTavern's old built-in client did.

export const SyncResult = Object.freeze({
    loaded: 'loaded',           // talkinghead.png sent and accepted
    noImage: 'no-image',        // the character has no talkinghead.png: the server keeps what it shows
    refused: 'refused',         // the server refused the image (its message says why)
});

/** The URL path of a file in a character's sprite folder ("Seraphina", "Seraphina/alt" → /characters/…). */
export function spriteFileUrl(folder, file) {
    const parts = String(folder).split('/').filter(Boolean).map(encodeURIComponent);
    return `/characters/${parts.join('/')}/${encodeURIComponent(file)}`;
}

/**
 * @param {object} options
 * @param {string} options.folder the sprite folder (the character's name, or its sprite folder override)
 * @param {(path: string) => Promise<Response>} options.fetchAsset fetches a path from SillyTavern
 * @param {import('./server-client.js').TalkingheadClient} options.client
 * @returns {Promise<{result: string, message: string, warnings: string[]}>}
 */
export async function syncCharacter({ folder, fetchAsset, client }) {
    const warnings = [];
    const getOptional = async (file, kind) => {
        const response = await fetchAsset(spriteFileUrl(folder, file));
        if (!response.ok) return null;
        if (kind === 'json') {
            try {
                const value = await response.json();
                if (value && typeof value === 'object' && !Array.isArray(value)) return value;
                warnings.push(`${file}: expected a JSON object; the server's defaults are used`);
            } catch (error) {
                warnings.push(`${file}: not valid JSON (${error.message}); the server's defaults are used`);
            }
            return null;
        }
        const blob = await response.blob();
        // SillyTavern answers a missing file under /characters/ with its HTML error page on some setups.
        return blob.type && !blob.type.startsWith('image/') ? null : blob;
    };

    const image = await getOptional('talkinghead.png', 'image');
    if (!image) {
        return {
            result: SyncResult.noImage, warnings,
            message: `"${folder}" has no talkinghead.png: put a 512×512 PNG with a transparent background named talkinghead.png in its sprite folder (Character Expressions → Upload, or data/<user>/characters/${folder}/).`,
        };
    }
    const [emotions, animator] = await Promise.all([getOptional('_emotions.json', 'json'), getOptional('_animator.json', 'json')]);
    try {
        await client.loadImage(image, 'talkinghead.png');
    } catch (error) {
        return { result: SyncResult.refused, warnings, message: `talkinghead.png of "${folder}": ${error.message}` };
    }
    // Templates and settings: the character's, or {} to reset what the previous character sent.
    for (const [send, value, file] of [[client.loadEmotionTemplates.bind(client), emotions, '_emotions.json'],
        [client.loadAnimatorSettings.bind(client), animator, '_animator.json']]) {
        try {
            await send(value ?? {});
        } catch (error) {
            warnings.push(`${file}: ${error.message}`);
            if (value) await send({}).catch(() => {});
        }
    }
    return { result: SyncResult.loaded, warnings, message: '' };
}
