// Tenant: enrollment and authentication sessions, with filters and spoof suspicions.
import { announceError, badge, field, fill, h, number, table, values, when } from '../dom.js';

export default {
    id: 'sessions',
    title: 'Sessions',
    kinds: ['tenant'],
    render(root, { session }) {
        const list = h('div');
        const filters = h('form', { class: 'panel filters', on: { submit: (e) => { e.preventDefault(); load().catch(announceError); } } },
            field('Type', { tag: 'select', name: 'session_type' },
                [['', 'Any'], ['enrollment', 'Enrollment'], ['verification', 'Verification'], ['identification', 'Identification']]),
            field('Status', { tag: 'select', name: 'status' },
                [['', 'Any'], ['pending', 'Pending'], ['active', 'Active'], ['processing', 'Processing'], ['completed', 'Completed'], ['failed', 'Failed'], ['expired', 'Expired']]),
            field('Spoof suspected', { tag: 'select', name: 'spoof_suspected' }, [['', 'Either'], ['true', 'Yes'], ['false', 'No']]),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Filter' })));

        async function load() {
            const page = await session.json(`/api/auth/sessions/?${new URLSearchParams({ limit: '50', ...values(filters) })}`);
            fill(list, table(`Sessions (${page.count}), newest first`, [
                { label: 'Created', value: (s) => when(s.created_at) },
                { label: 'Type', value: (s) => s.session_type },
                { label: 'Status', value: (s) => badge(s.status) },
                { label: 'Person', value: (s) => s.client_user_info?.external_user_id },
                { label: 'Confidence', value: (s) => number(s.confidence_score, 3) },
                { label: 'Liveness', value: (s) => (s.liveness_verified === null ? null : s.liveness_verified ? 'verified' : 'not verified') },
                { label: 'Spoof suspected', value: (s) => (s.spoof_suspected ? badge('suspected') : 'no') },
                { label: 'Frames accepted', value: (s) => `${s.frames_accepted}/${s.frames_processed}` },
            ], page.results));
        }

        fill(root, filters, list);
        load().catch(announceError);
    },
};
