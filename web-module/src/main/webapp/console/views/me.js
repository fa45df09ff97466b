// A person signed in with their attendance login: their profile, a selfie check-in from this
// device's camera (seed 004's mobile check-in), and their own attendance.
import { cameraProblem, startCamera, stopCamera } from '../camera.js';
import { announce, announceError, badge, fill, h, number, table, when } from '../dom.js';

const SELFIE_JPEG_QUALITY = 0.9;

/** The camera's current picture as a JPEG data URL (what `POST /api/v1/mobile/check-in/` takes). */
function selfieOf(video) {
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    return canvas.toDataURL('image/jpeg', SELFIE_JPEG_QUALITY);
}

export default {
    id: 'me',
    title: 'My attendance',
    kinds: ['person'],
    render(root, { session }) {
        const mine = h('div');
        const video = h('video', { class: 'webcam', muted: true, playsinline: true, 'aria-label': 'Camera picture', hidden: true });
        const result = h('p', { class: 'check-in-result', role: 'status' });
        const openButton = h('button', { type: 'button', text: 'Open the camera' });
        const checkInButton = h('button', { type: 'button', text: 'Check in now', hidden: true });
        /** @type {MediaStream|null} */
        let camera = null;

        function closeCamera() {
            stopCamera(video, camera);
            camera = null;
            checkInButton.hidden = true;
            openButton.hidden = false;
        }

        async function openCamera() {
            result.textContent = '';
            camera = await startCamera(video);
            openButton.hidden = true;
            checkInButton.hidden = false;
            checkInButton.focus();
        }

        async function checkIn() {
            const image = selfieOf(video);
            closeCamera();
            openButton.focus();
            result.textContent = 'Checking…';
            try {
                const answer = await session.json('/api/v1/mobile/check-in/', { method: 'POST', body: { image } });
                result.textContent = `${answer.message} (similarity ${number(answer.similarity_score, 2)}).`;
                await load();
            } catch (error) {
                result.textContent = `Not checked in: ${error.message}`;
                announceError(error);
            }
        }

        function cameraFailed(error) {
            closeCamera();
            announce(cameraProblem(error), { error: true });
        }

        openButton.addEventListener('click', () => openCamera().catch(cameraFailed));
        checkInButton.addEventListener('click', () => checkIn().catch(announceError));

        async function load() {
            const [profile, logs] = await Promise.all([session.json('/api/v1/mobile/profile/'), session.json('/api/v1/attendance/logs/?page_size=50')]);
            fill(mine,
                h('section', { class: 'panel', 'aria-labelledby': 'profile-heading' },
                    h('h3', { id: 'profile-heading', text: profile.name ?? profile.employee_id }),
                    h('dl', { class: 'pairs profile' },
                        h('dt', { text: 'Employee id' }), h('dd', { text: profile.employee_id }),
                        h('dt', { text: 'Department' }), h('dd', { text: profile.department ?? '–' }),
                        h('dt', { text: 'Face' }), h('dd', {}, badge(profile.face_enrolled ? 'enrolled' : 'not enrolled')),
                        h('dt', { text: 'Today' }), h('dd', { class: 'today-attendance', text: profile.today_attendance ?? 'not yet' }),
                        h('dt', { text: 'Days this week' }), h('dd', { text: String(profile.this_week_days ?? 0) }),
                        h('dt', { text: 'Attendance rate this month' }), h('dd', { text: `${number((profile.attendance_rate ?? 0) * 100, 1)} %` }))),
                table(`My attendance logs (${logs.count})`, [
                    { label: 'Time', value: (l) => when(l.timestamp) },
                    { label: 'Name', value: (l) => l.employee?.name },
                    { label: 'Source', value: (l) => l.source },
                    { label: 'Camera', value: (l) => l.camera?.name ?? l.camera?.id },
                ], logs.results, 'No attendance yet.'));
        }

        fill(root, mine,
            h('section', { class: 'panel', 'aria-labelledby': 'check-in-heading' },
                h('h3', { id: 'check-in-heading', text: 'Check in' }),
                h('p', { class: 'hint', text: 'Look at the camera: a selfie of your enrolled face, live, logs you present.' }),
                h('div', { class: 'webcam-area' }, video),
                h('div', { class: 'actions' }, openButton, checkInButton),
                result));
        load().catch(announceError);
        return closeCamera;
    },
};
