// Tenant: the people (seed 004's users) with their profile pictures: search, create, enroll a face
// from the webcam (through FaceGate's browser client library, as an integrator's page would) or
// from uploaded photos, erase.
import { FaceAuthClient } from '../../js/facegate-client.js';
import { cameraProblem, startCamera, stopCamera } from '../camera.js';
import { announce, announceError, badge, field, fill, h, table, values } from '../dom.js';

const ROLES = [['student', 'Student'], ['faculty', 'Faculty (staff)'], ['admin', 'Admin']];
const TASK_POLL_MS = 1_000;
const TASK_TIMEOUT_MS = 120_000;

/** A file as a data URL (what `POST /api/v1/face/enroll/` takes). */
function dataUrl(file) {
    return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result);
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(file);
    });
}

/** A person's name, or their employee id when they have none. */
function nameOf(person) {
    return `${person.first_name ?? ''} ${person.last_name ?? ''}`.trim() || person.employee_id;
}

/** The profile picture enrollment kept (a presigned link to the object storage), or a placeholder. */
function picture(person) {
    return person.profile_image_url
        ? h('img', { class: 'profile-image', src: person.profile_image_url, alt: `Profile picture of ${nameOf(person)}`, width: 48, height: 48 })
        : h('span', { class: 'no-picture', text: 'none' });
}

export default {
    id: 'people',
    title: 'People',
    kinds: ['tenant', 'person-admin'],
    render(root, { session }) {
        const list = h('div');
        const search = h('form', { class: 'panel filters', role: 'search', on: { submit: (e) => { e.preventDefault(); load().catch(announceError); } } },
            field('Search (name, email or employee id)', { name: 'search', type: 'search', autocomplete: 'off' }),
            field('Role', { tag: 'select', name: 'role' }, [['', 'Any'], ...ROLES]),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Search' })));
        const create = h('form', { class: 'panel', on: { submit: createPerson } },
            h('h3', { text: 'New person' }),
            h('div', { class: 'grid' },
                field('Employee id', { name: 'employee_id', required: true, autocomplete: 'off', hint: 'Your own id for the person' }),
                field('First name', { name: 'first_name', required: true, autocomplete: 'off' }),
                field('Last name', { name: 'last_name', required: true, autocomplete: 'off' }),
                field('Email', { name: 'email', type: 'email', required: true, autocomplete: 'off' }),
                field('Role', { tag: 'select', name: 'role' }, ROLES),
                field('Department', { name: 'department', autocomplete: 'off' }),
                field('Password (optional)', { name: 'password', type: 'password', autocomplete: 'new-password', minlength: 8,
                    hint: 'Lets the person sign in to see their own attendance' })),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Create person' })));
        const enrollStatus = h('p', { class: 'task-status', role: 'status' });
        const enroll = h('form', { class: 'panel', on: { submit: enrollFace } },
            h('h3', { text: 'Enroll a face from photos' }),
            h('div', { class: 'grid' },
                field('Employee id', { name: 'employee_id', required: true, autocomplete: 'off' }),
                field('Photos (3 to 5, one face each)', { name: 'photos', type: 'file', accept: 'image/jpeg,image/png', multiple: true, required: true })),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Enroll face' })),
            enrollStatus);
        const video = h('video', { class: 'webcam', muted: true, playsinline: true, 'aria-label': 'Webcam picture', hidden: true });
        const webcamProgress = h('progress', { max: 3, value: 0, 'aria-label': 'Good frames collected', hidden: true });
        const webcamStatus = h('p', { class: 'webcam-status', role: 'status' });
        const stopButton = h('button', { type: 'button', class: 'secondary', text: 'Stop the webcam', disabled: true });
        const webcam = h('form', { class: 'panel', on: { submit: (e) => { e.preventDefault(); enrollFromWebcam().catch(webcamFailed); } } },
            h('h3', { text: 'Enroll a face from the webcam' }),
            h('div', { class: 'grid' },
                field('Employee id', { name: 'employee_id', required: true, autocomplete: 'off',
                    hint: 'The person looks at the camera until enough good frames were taken' })),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Start the webcam' }), stopButton),
            h('div', { class: 'webcam-area' }, video, webcamProgress),
            webcamStatus);
        /** The running webcam enrollment: its camera stream and library client. */
        let capture = null;
        stopButton.addEventListener('click', () => {
            stopWebcam();
            webcamStatus.textContent = 'Webcam enrollment stopped.';
        });

        async function createPerson(event) {
            event.preventDefault();
            try {
                const person = await session.json('/api/v1/users/', { method: 'POST', body: values(create) });
                create.reset();
                announce(`${person.first_name} ${person.last_name} (${person.employee_id}) was created.`);
                await load();
            } catch (error) {
                announceError(error);
            }
        }

        async function enrollFace(event) {
            event.preventDefault();
            const files = [...enroll.elements.photos.files];
            if (files.length < 3 || files.length > 5) {
                announce('Choose 3 to 5 photos.', { error: true });
                return;
            }
            try {
                const employeeId = values(enroll).employee_id;
                const images = await Promise.all(files.map(dataUrl));
                const task = await session.json('/api/v1/face/enroll/', { method: 'POST', body: { employee_id: employeeId, images } });
                enrollStatus.textContent = `Enrollment of ${employeeId} queued.`;
                const deadline = Date.now() + TASK_TIMEOUT_MS;
                let status = task;
                while (!['completed', 'failed'].includes(status.status) && Date.now() < deadline) {
                    await new Promise((resolve) => setTimeout(resolve, TASK_POLL_MS));
                    status = await session.json(`/api/v1/face/enroll/status/${encodeURIComponent(task.task_id)}/`);
                    enrollStatus.textContent = `Enrollment of ${employeeId}: ${status.status}.`;
                }
                if (status.status === 'completed') {
                    enrollStatus.textContent = `The face of ${employeeId} is enrolled.`;
                    enroll.reset();
                } else {
                    enrollStatus.textContent = `Enrollment of ${employeeId} ${status.status}: ${status.error?.message ?? status.error?.code ?? 'still running'}.`;
                }
                await load();
            } catch (error) {
                enrollStatus.textContent = '';
                announceError(error);
            }
        }

        /** One of this client's people by their exact employee id, or null. */
        async function personWith(employeeId) {
            const page = await session.json(`/api/v1/users/?${new URLSearchParams({ search: employeeId, page_size: '50' })}`);
            return page.results.find((person) => person.employee_id === employeeId) ?? null;
        }

        async function enrollFromWebcam() {
            stopWebcam();
            const employeeId = values(webcam).employee_id;
            if (!employeeId) {
                announce('Enter the employee id of the person to enroll.', { error: true });
                return;
            }
            // An enrollment session would create an unknown id as a new face user, outside the people list.
            const person = await personWith(employeeId);
            if (!person) {
                announce(`There is no person with employee id ${employeeId}; create them first.`, { error: true });
                return;
            }
            const client = new FaceAuthClient({ apiKey: session.apiKey });
            capture = { camera: null, client };
            stopButton.disabled = false;
            capture.camera = await startCamera(video);
            const completed = new Promise((resolve, reject) => {
                client.onProgress = (data) => {
                    webcamProgress.hidden = false;
                    webcamProgress.max = data.target_samples ?? webcamProgress.max;
                    webcamProgress.value = data.frames_accepted ?? data.frames_processed;
                    const instruction = data.instruction ?? (data.success === false ? data.message : null);
                    webcamStatus.textContent = `${employeeId}: ${webcamProgress.value} of ${webcamProgress.max} good frames`
                        + `${instruction ? ` (${instruction})` : ''}.`;
                };
                client.onComplete = resolve;
                client.onError = (error) => error.fatal && reject(error);
                // Unless the webcam was stopped here, a close before the result is a failure.
                client.onClose = (event) => capture?.client === client
                    && reject(new Error(`the connection closed (${event.code}) before the enrollment completed`));
            });
            // Awaited once streaming started: until then a rejection must not count as an unhandled one.
            completed.catch(() => {});
            webcamStatus.textContent = `Opening an enrollment session for ${employeeId}…`;
            const opened = await client.createEnrollmentSession(employeeId, { displayName: nameOf(person) });
            await client.connectWebSocket(opened.websocket_url);
            webcamStatus.textContent = `${nameOf(person)}, look at the camera.`;
            client.startStreaming(video);
            const result = await completed;
            stopWebcam();
            if (result.success) {
                webcamStatus.textContent = `The face of ${employeeId} is enrolled from the webcam.`;
                webcam.reset();
            } else {
                webcamStatus.textContent = `Enrollment of ${employeeId} failed: ${result.message ?? 'no reason given'}.`;
            }
            await load();
        }

        function webcamFailed(error) {
            stopWebcam();
            webcamStatus.textContent = '';
            if (error instanceof DOMException) {
                announce(cameraProblem(error), { error: true });
            } else {
                announceError(error);
            }
        }

        function stopWebcam() {
            if (!capture) {
                return;
            }
            capture.client.close();
            stopCamera(video, capture.camera);
            capture = null;
            webcamProgress.hidden = true;
            stopButton.disabled = true;
        }

        function eraseButton(person) {
            const button = h('button', { type: 'button', class: 'danger', text: 'Erase', 'aria-label': `Erase ${person.employee_id}` });
            button.addEventListener('click', async () => {
                if (button.dataset.confirm !== 'yes') {
                    button.dataset.confirm = 'yes';
                    button.textContent = 'Confirm erasure';
                    button.setAttribute('aria-label', `Confirm: erase ${person.employee_id}, their face and their attendance`);
                    return;
                }
                try {
                    await session.json(`/api/clients/users/${person.id}/`, { method: 'DELETE' });
                    announce(`${person.employee_id} and their face data were erased.`);
                    await load();
                } catch (error) {
                    announceError(error);
                }
            });
            return button;
        }

        async function load() {
            const filters = new URLSearchParams({ page_size: '50', ...values(search) });
            const page = await session.json(`/api/v1/users/?${filters}`);
            fill(list, table(`People (${page.count})`, [
                { label: 'Picture', value: picture },
                { label: 'Employee id', value: (p) => p.employee_id },
                { label: 'Name', value: (p) => `${p.first_name ?? ''} ${p.last_name ?? ''}`.trim() },
                { label: 'Email', value: (p) => p.email },
                { label: 'Role', value: (p) => p.role },
                { label: 'Department', value: (p) => p.department },
                { label: 'Face', value: (p) => badge(p.face_enrolled ? 'enrolled' : 'not enrolled') },
                { label: 'Account', value: (p) => badge(p.is_active ? 'active' : 'inactive') },
                { label: 'Actions', value: (p) => (session.kind === 'tenant' ? eraseButton(p) : null) },
            ], page.results));
        }

        fill(root, search, list, create, webcam, enroll);
        load().catch(announceError);
        return stopWebcam;
    },
};
