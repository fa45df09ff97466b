// Tenant: the people (seed 004's users): search, create, enroll a face from uploaded photos, erase.
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

        fill(root, search, list, create, enroll);
        load().catch(announceError);
    },
};
