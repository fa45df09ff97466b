// Debian's Chromium, headless, driven by playwright-core (which never downloads a browser of its own).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network it cannot reach here, and quiet. */
const OFFLINE_FLAGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * @param {object} [options]
 * @param {string} [options.fakeVideo] a .y4m file the fake webcam plays (in a loop); camera permission is granted without asking
 * @param {boolean} [options.localNetwork] pages may load from other loopback ports (the test's object storage) without the
 *        permission Chromium's Local Network Access asks the user for, which headless Chromium refuses
 */
export async function launchChromium({ fakeVideo, localNetwork = false } = {}) {
    const args = [...OFFLINE_FLAGS];
    if (localNetwork) {
        args.push('--disable-features=LocalNetworkAccessChecks');
    }
    if (process.getuid?.() === 0) {
        args.push('--no-sandbox'); // Chromium refuses to sandbox as root
    }
    if (fakeVideo) {
        args.push('--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${fakeVideo}`);
    }
    return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/**
 * Converts a clip to the raw YUV4MPEG2 file Chromium's fake camera reads, once: a converted file
 * newer than its clip is reused.
 *
 * @param {string} clip an mp4 (any format ffmpeg reads)
 * @param {string} directory where the .y4m goes
 * @param {number} fps the fake camera's frame rate
 */
export function y4mOf(clip, directory, fps = 15) {
    mkdirSync(directory, { recursive: true });
    const target = path.join(directory, `${path.basename(clip, path.extname(clip))}-${fps}fps.y4m`);
    if (!existsSync(target) || statSync(target).mtimeMs < statSync(clip).mtimeMs) {
        execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-i', clip, '-an', '-r', String(fps), '-pix_fmt', 'yuv420p',
            '-f', 'yuv4mpegpipe', `${target}.part`]);
        renameSync(`${target}.part`, target);
    }
    return target;
}
