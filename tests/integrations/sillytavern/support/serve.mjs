// SPDX-License-Identifier: GPL-3.0-or-later
// Starts the real `talkinghead-studio serve` on a free loopback port for the extension's tests.
// THS_CLI_PATH (set by CTest) names the executable; without it, or without the weights, the tests that need the
// server are skipped with the reason.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = path.resolve(here, '../../../..');
export const CLI = process.env.THS_CLI_PATH ?? '';
export const IMAGES_DIR = process.env.THS_IMAGES_DIR ?? path.join(SOURCE_DIR, 'images');
const MODELS_DIR = process.env.THS_MODELS_DIR ?? path.join(SOURCE_DIR, 'models');

/** Why the real server cannot run here, or '' when it can. */
export function serverUnavailable() {
    if (!CLI) return 'THS_CLI_PATH is not set (run through ctest)';
    if (!fs.existsSync(CLI)) return `${CLI} does not exist (build talkinghead-studio)`;
    if (!fs.existsSync(path.join(MODELS_DIR, 'separable_float', 'editor.pt'))) return 'the weights are not installed (scripts/test installs them)';
    if (!fs.existsSync(path.join(IMAGES_DIR, 'lambda_00.png'))) return 'the example characters are not installed';
    return '';
}

/**
 * @param {string[]} args extra `serve` arguments
 * @returns {Promise<{url: string, stop: () => Promise<void>, output: () => string}>}
 */
export function startServer(args = []) {
    return new Promise((resolve, reject) => {
        const child = spawn(CLI, ['serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        const timer = setTimeout(() => { child.kill(); reject(new Error(`the server did not start:\n${output}`)); }, 120000);
        const onData = (chunk) => {
            output += chunk;
            const m = /Listening on (http:\/\/\S+)/.exec(output);
            if (m) {
                clearTimeout(timer);
                resolve({
                    url: m[1].replace(/\/$/, ''),
                    output: () => output,
                    stop: () => new Promise((done) => {
                        if (child.exitCode !== null) return done();
                        child.once('exit', () => done());
                        child.kill('SIGTERM');
                    }),
                });
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the server exited (${code}):\n${output}`)); });
    });
}

/** Real speech from `talkinghead-studio say` as WAV bytes. */
export function say(text, outFile) {
    const result = spawnSync(CLI, ['say', '--text', text, '--output', outFile], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`say failed: ${result.stderr}`);
    return fs.readFileSync(outFile);
}
