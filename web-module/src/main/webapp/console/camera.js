/**
 * This device's camera in a `<video>`, for the webcam enrollment (People) and a person's selfie
 * check-in (My attendance).
 *
 * @module console/camera
 */

/**
 * Opens the front camera (VGA, what FaceGate's face sessions expect) and plays it in `video`.
 *
 * @param {HTMLVideoElement} video
 * @returns {Promise<MediaStream>} the stream, for {@link stopCamera}
 */
export async function startCamera(video) {
    const stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false,
    });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    return stream;
}

/** Releases the camera (its light goes off) and hides the video. */
export function stopCamera(video, stream) {
    stream?.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
    video.hidden = true;
}

/** What to tell the user when the camera could not be opened. */
export function cameraProblem(error) {
    return error?.name === 'NotAllowedError' ? 'Camera access was refused.'
        : error?.name === 'NotFoundError' ? 'No camera was found.' : String(error?.message ?? error);
}
