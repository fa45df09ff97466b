// The demo page: one session at a time, from the form to the result, on FaceAuthClient.
import { FaceAuthClient } from '../js/facegate-client.js';

const MAX_ACTIVITY_ENTRIES = 60;

const $ = (id) => document.getElementById(id);
const form = $('setup');
const video = $('video');
const startButton = $('start');
const stopButton = $('stop');

let client = null;
let camera = null;
/** Set by Stop, which may be pressed while start() still awaits the camera or the server. */
let stopRequested = false;

readQueryParameters();
showModeFields();
form.addEventListener('change', showModeFields);
form.addEventListener('submit', (event) => {
    event.preventDefault();
    start().catch(fail);
});
stopButton.addEventListener('click', () => {
    stopRequested = true;
    client?.close();
    stopCamera();
    setState('idle', 'Stopped. The session was left unfinished.');
});

/** ?api_key=&mode=&user_id= prefill the form (for links and tests); the key is then removed from the address bar. */
function readQueryParameters() {
    const query = new URLSearchParams(location.search);
    if (query.has('api_key')) {
        $('api-key').value = query.get('api_key');
        query.delete('api_key');
        const rest = query.toString();
        history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
    }
    const mode = form.elements.mode;
    if (['enroll', 'verify', 'identify'].includes(query.get('mode'))) {
        mode.value = query.get('mode');
    }
    if (query.has('user_id')) {
        $('user-id').value = query.get('user_id');
    }
}

function selectedMode() {
    return form.elements.mode.value;
}

function showModeFields() {
    const mode = selectedMode();
    $('user-id-field').hidden = mode === 'identify';
    $('user-id').required = mode !== 'identify';
    $('liveness-field').hidden = mode === 'enroll';
}

async function start() {
    const apiKey = $('api-key').value.trim();
    const userId = $('user-id').value.trim();
    const mode = selectedMode();
    if (!apiKey) {
        return formError('Enter the API key.', $('api-key'));
    }
    if (mode !== 'identify' && !userId) {
        return formError('Enter the user id.', $('user-id'));
    }
    formError(null);
    resetResult();
    video.removeAttribute('poster');
    setBusy(true);
    stopRequested = false;

    setState('camera', 'Opening the camera…');
    camera = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
        audio: false,
    });
    if (stopRequested) {
        return stopCamera();
    }
    video.srcObject = camera;
    await video.play();

    client = new FaceAuthClient({ apiKey });
    client.onStateChange = onStateChange;
    client.onProgress = onProgress;
    client.onComplete = onComplete;
    client.onError = onError;

    setState('connecting', 'Creating the session…');
    const requireLiveness = $('require-liveness').checked;
    const session = mode === 'enroll'
        ? await client.createEnrollmentSession(userId, { metadata: { device_info: navigator.userAgent } })
        : await client.createAuthenticationSession(mode === 'verify' ? userId : null,
            { requireLiveness, metadata: { device_info: navigator.userAgent } });
    if (stopRequested) {
        return;
    }
    log(`Session opened (${session.session_type ?? mode}), expires ${new Date(session.expires_at).toLocaleTimeString()}`);
    const established = await client.connectWebSocket(session.websocket_url);
    log(established.message ?? 'Connected');
    setState('streaming', mode === 'enroll' ? 'Look at the camera.' : 'Look at the camera and blink naturally.');
    client.startStreaming(video);
}

function onStateChange(state) {
    if (state === 'reconnecting') {
        setState('reconnecting', 'Connection lost, reconnecting…');
    }
}

function onProgress(data) {
    const target = data.target_samples ?? data.min_frames_required;
    const good = data.frames_accepted ?? data.frames_processed;
    const livenessPending = data.liveness_verified === false;
    if (target) {
        // Good frames, and while liveness is still to be shown, half the bar is its score.
        const frames = Math.min(1, good / target);
        const share = livenessPending ? (frames + (data.liveness_score ?? 0)) / 2 : frames;
        showProgress(Math.min(livenessPending ? 99 : 100, Math.round(100 * share)));
        $('metric-frames').textContent = `${Math.min(good, target)} of ${target} good, ${data.frames_processed} processed`;
    } else {
        $('metric-frames').textContent = `${data.frames_processed} processed`;
    }
    if (typeof data.quality_score === 'number') {
        $('metric-quality').textContent = data.quality_score.toFixed(2);
    }
    if (data.liveness_verified !== undefined && data.liveness_verified !== null) {
        showLiveness(data.liveness_verified, data.liveness_score, 'not yet');
    }
    const instruction = data.instruction ?? data.prompt ?? (data.success === false ? data.message : null);
    showPrompt(instruction);
    if (instruction) {
        log(`Prompt: ${instruction}`);
    }
}

function onComplete(data) {
    stopCamera();
    const succeeded = data.success === true && data.authenticated !== false;
    const enrollment = data.type === 'enrollment_complete';
    showPrompt(null);
    if (succeeded) {
        showProgress(100);
    }
    if (data.liveness_verified !== undefined && data.liveness_verified !== null) {
        showLiveness(data.liveness_verified, data.liveness_score, 'not verified');
    }
    showResult(succeeded ? 'success' : 'failure', data.message
        ?? (enrollment ? 'Enrollment completed.' : succeeded ? 'Authenticated.' : 'Not authenticated.'), data,
    enrollment ? $('user-id').value.trim() : null);
    setState(succeeded ? 'completed' : 'failed', succeeded ? 'Done.' : 'The session ended without success.');
}

function onError(error) {
    if (!error.fatal) {
        // A refused frame: the session goes on; tell the person what to change.
        showPrompt(error.message);
        log(`Frame refused: ${error.message}`);
        return;
    }
    fail(error);
}

function fail(error) {
    stopCamera();
    client?.close();
    const message = error?.name === 'NotAllowedError' ? 'Camera access was refused.'
        : error?.name === 'NotFoundError' ? 'No camera was found.'
            : error?.message ?? String(error);
    showPrompt(null);
    showResult(error?.code === 4403 ? 'failure' : 'error', message, error?.data ?? null);
    setState('failed', message);
    log(`Error${error?.code ? ` ${error.code}` : ''}: ${message}`);
}

function stopCamera() {
    keepLastPicture();
    camera?.getTracks().forEach((track) => track.stop());
    camera = null;
    video.srcObject = null;
    setBusy(false);
}

/** Leaves the camera's last picture on screen, so the result shows whom it is about. */
function keepLastPicture() {
    if (!camera || !video.videoWidth) {
        return;
    }
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    video.poster = canvas.toDataURL('image/jpeg', 0.85);
}

function setBusy(busy) {
    startButton.disabled = busy;
    stopButton.disabled = !busy;
    for (const element of form.elements) {
        if (element !== startButton && element !== stopButton) {
            element.disabled = busy;
        }
    }
}

function setState(state, message) {
    document.body.dataset.state = state;
    $('status').textContent = message;
}

function showProgress(percent) {
    $('progress').value = percent;
    $('progress').textContent = `${percent} %`;
    $('progress').setAttribute('aria-valuetext', `${percent} percent`);
}

function showLiveness(verified, score, notVerified) {
    $('metric-liveness').textContent = verified ? 'verified'
        : `${notVerified}${typeof score === 'number' ? ` (score ${score.toFixed(2)})` : ''}`;
}

function showPrompt(text) {
    const prompt = $('prompt');
    prompt.hidden = !text;
    prompt.textContent = text ?? '';
}

function showResult(outcome, message, data, enrolledUser = null) {
    const result = $('result');
    result.hidden = false;
    result.dataset.outcome = outcome;
    $('result-message').textContent = `${outcome === 'success' ? '✔' : '✖'} ${message}`;
    $('result-user').textContent = data?.user_id ?? data?.matched_user?.user_id ?? enrolledUser ?? '–';
    $('result-confidence').textContent = typeof data?.confidence === 'number' ? data.confidence.toFixed(3) : '–';
    $('result-liveness').textContent = data?.liveness_verified === true ? 'yes' : data?.liveness_verified === false ? 'no' : '–';
    const encrypted = data?.encrypted_data;
    $('encrypted-details').hidden = !encrypted;
    if (encrypted) {
        $('result-encrypted').textContent = `received, ${encrypted.encryption_method}`
            + ` (${atob(encrypted.encrypted_payload).length} bytes)`;
        $('encrypted-payload').textContent = JSON.stringify(encrypted, null, 2);
    }
    result.focus();
}

function resetResult() {
    $('result').hidden = true;
    delete $('result').dataset.outcome;
    $('result-encrypted').textContent = 'none';
    $('encrypted-details').hidden = true;
    $('encrypted-payload').textContent = '';
    showProgress(0);
    $('progress').setAttribute('aria-valuetext', 'not started');
    for (const id of ['metric-quality', 'metric-liveness']) {
        $(id).textContent = '–';
    }
    $('metric-frames').textContent = '0';
    $('activity').replaceChildren();
}

function formError(message, field) {
    const error = $('form-error');
    error.hidden = !message;
    error.textContent = message ?? '';
    field?.focus();
}

/** The latest messages, newest last, repeated ones counted rather than repeated. */
function log(text) {
    const list = $('activity');
    const last = list.lastElementChild;
    if (last?.dataset.text === text) {
        last.dataset.count = String(Number(last.dataset.count) + 1);
        last.textContent = `${text} (×${last.dataset.count})`;
        return;
    }
    const item = document.createElement('li');
    item.dataset.text = text;
    item.dataset.count = '1';
    item.textContent = text;
    list.append(item);
    while (list.children.length > MAX_ACTIVITY_ENTRIES) {
        list.firstElementChild.remove();
    }
}
