// Tenant admins: the audit log (`GET /api/v1/security/audit-logs/`) with its filters, and the
// security incidents (`GET /api/v1/security/incidents/`), both a page at a time.
import { announceError, badge, field, fill, h, table, values, when } from '../dom.js';

const PAGE_SIZE = 20;
const ACTIONS = ['login', 'logout', 'enrollment', 'verification', 'identification', 'manual_mark', 'user_erasure', 'spoof_suspected',
    'export', 'configuration_change', 'key_rotation'];
const INCIDENT_TYPES = ['spoofing_attempt', 'liveness_failures', 'unauthorized_access', 'tailgating', 'camera_tampering', 'other'];

const choices = (names) => [['', 'Any'], ...names.map((name) => [name, name.replace(/_/g, ' ')])];

/** Details as short `key: value` text (they are the server's JSON object, shown as text, never markup). */
function details(entry) {
    return Object.entries(entry.details ?? {}).map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`)
        .join(', ');
}

/** Who raised an incident: FaceGate itself, or who reported it (`client:<id>` or `person:<id>`). */
function raisedBy(incident) {
    if (incident.origin !== 'reported') {
        return 'FaceGate';
    }
    return incident.reported_by?.startsWith('person:') ? 'an admin person' : 'the tenant admin';
}

/**
 * A filtered listing of seed 004's pages (`page`, `page_size`; answered `{count, next, previous, results}`)
 * with Previous and Next buttons.
 *
 * @param {object} options
 * @param {import('../session.js').Session} options.session
 * @param {string} options.heading the section's heading
 * @param {string} options.path the listing's address
 * @param {Node[]} options.filters the filter form's fields
 * @param {Array} options.columns the table's columns
 * @param {string} options.empty what an empty page says
 */
function pagedListing({ session, heading, path, filters, columns, empty }) {
    let page = 1;
    const headingId = `${path.replace(/[^a-z]+/g, '-')}heading`;
    const list = h('div');
    const position = h('span', { class: 'page-position', 'aria-live': 'polite' });
    const previous = h('button', { type: 'button', class: 'secondary', text: 'Previous page', disabled: true });
    const next = h('button', { type: 'button', class: 'secondary', text: 'Next page', disabled: true });
    const form = h('form', { class: 'filters', on: { submit: (e) => { e.preventDefault(); page = 1; load().catch(announceError); } } },
        filters, h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Filter' })));
    previous.addEventListener('click', () => { page -= 1; load().catch(announceError); });
    next.addEventListener('click', () => { page += 1; load().catch(announceError); });

    async function load() {
        const wanted = values(form);
        if (wanted.date_from) {
            // The day the admin picked, from its start in their own time zone.
            wanted.date_from = new Date(`${wanted.date_from}T00:00`).toISOString();
        }
        const answer = await session.json(`${path}?${new URLSearchParams({ page: String(page), page_size: String(PAGE_SIZE), ...wanted })}`);
        const pages = Math.max(1, Math.ceil(answer.count / PAGE_SIZE));
        fill(list, table(`${heading} (${answer.count}), newest first`, columns, answer.results, empty));
        position.textContent = `Page ${page} of ${pages}`;
        previous.disabled = !answer.previous;
        next.disabled = !answer.next;
    }

    const section = h('section', { class: 'panel', 'aria-labelledby': headingId },
        h('h3', { id: headingId, text: heading }), form, list, h('div', { class: 'pager actions' }, previous, position, next));
    return { section, load };
}

export default {
    id: 'audit',
    title: 'Audit log',
    kinds: ['tenant', 'person-admin'],
    render(root, { session }) {
        const audit = pagedListing({
            session,
            heading: 'Audit entries',
            path: '/api/v1/security/audit-logs/',
            filters: [
                field('Action', { tag: 'select', name: 'action' }, choices(ACTIONS)),
                field('Person (employee id)', { name: 'user_id', autocomplete: 'off' }),
                field('From', { name: 'date_from', type: 'date' }),
                field('Severity', { tag: 'select', name: 'severity' }, choices(['info', 'warning', 'error'])),
            ],
            columns: [
                { label: 'Time', value: (e) => when(e.timestamp) },
                { label: 'Action', value: (e) => e.action },
                { label: 'Person', value: (e) => e.user_id },
                { label: 'Severity', value: (e) => badge(e.severity) },
                { label: 'Outcome', value: (e) => (e.success ? 'succeeded' : badge('failed')) },
                { label: 'Details', value: details },
            ],
            empty: 'No audit entries match.',
        });
        const incidents = pagedListing({
            session,
            heading: 'Security incidents',
            path: '/api/v1/security/incidents/',
            filters: [
                field('Type', { tag: 'select', name: 'type' }, choices(INCIDENT_TYPES)),
                field('Severity', { tag: 'select', name: 'severity' }, choices(['low', 'medium', 'high', 'critical'])),
                field('From', { name: 'date_from', type: 'date' }),
            ],
            columns: [
                { label: 'Time', value: (i) => when(i.timestamp) },
                { label: 'Type', value: (i) => i.type.replace(/_/g, ' ') },
                { label: 'Severity', value: (i) => badge(i.severity) },
                { label: 'Camera', value: (i) => i.camera_id },
                { label: 'Description', value: (i) => i.description },
                { label: 'Raised by', value: raisedBy },
            ],
            empty: 'No incidents match.',
        });
        fill(root, audit.section, incidents.section);
        Promise.all([audit.load(), incidents.load()]).catch(announceError);
    },
};
