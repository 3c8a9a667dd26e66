// SPDX-License-Identifier: GPL-3.0-or-later
// Follows SillyTavern's own expression result (the Character Expressions extension's current expression for the
// character on screen, whichever classifier the user chose) and sends each change to the server's set_emotion.

/** The 28 emotions the server has templates for (a character's _emotions.json may add more). */
export const EMOTIONS = Object.freeze([
    'admiration', 'amusement', 'anger', 'annoyance', 'approval', 'caring', 'confusion', 'curiosity', 'desire',
    'disappointment', 'disapproval', 'disgust', 'embarrassment', 'excitement', 'fear', 'gratitude', 'grief', 'joy',
    'love', 'nervousness', 'optimism', 'pride', 'realization', 'relief', 'remorse', 'sadness', 'surprise', 'neutral',
]);

export class EmotionFollower {
    /**
     * @param {object} options
     * @param {() => any} options.client the current TalkingheadClient (or null while disconnected)
     * @param {(message: string) => void} [options.onError]
     */
    constructor({ client, onError = () => {} }) {
        this.clientOf = client;
        this.onError = onError;
        this.observed = null;    // the expression last seen in SillyTavern: only a change of it is sent
    }

    /** Forget what was seen (a new character, a reconnect): the next update() sends again. */
    reset() { this.observed = null; }

    /**
     * @param {string} expression the expression SillyTavern shows now ('' or null: none yet)
     * @returns {Promise<string|null>} the emotion the server applied, or null when nothing was sent
     */
    async update(expression) {
        const name = String(expression ?? '').trim();
        if (!name || name === this.observed) return null;
        this.observed = name;
        const applied = await this.send(name);
        if (applied === null) this.observed = null; // try again on the next update
        return applied;
    }

    /** Sends `name` now (also /th-emote, which holds until SillyTavern's expression changes). */
    async send(name) {
        const client = this.clientOf();
        if (!client) return null;
        try {
            return await client.setEmotion(name);
        } catch (error) {
            this.onError(`set_emotion ${name}: ${error.message}`);
            return null;
        }
    }
}
