// Tenant: the detections the cameras make, arriving live (server-sent events) with the face crop
// and the matched person; filters by status and camera.
import { announce, announceError, badge, field, fill, h, number, values, when } from '../dom.js';

const STATUSES = [['', 'Any'], ['MATCHED', 'Matched'], ['MULTIPLE_MATCHES', 'Multiple matches'], ['NEW_FACE', 'New face'], ['UNKNOWN', 'Unknown']];
const SHOWN = 30;

export default {
    id: 'detections',
    title: 'Detections',
    kinds: ['tenant'],
    render(root, { session, feed }) {
        const filters = h('form', { class: 'panel filters', on: { submit: (e) => { e.preventDefault(); load().catch(announceError); } } },
            field('Status', { tag: 'select', name: 'status' }, STATUSES),
            field('Camera id', { name: 'camera_id', autocomplete: 'off' }),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Filter' })));
        const count = h('p', { class: 'lead', 'aria-live': 'polite' });
        const cards = h('ol', { class: 'detections', 'aria-label': 'Detections, newest first' });

        function card(detection) {
            const who = detection.name ?? detection.external_user_id;
            return h('li', { class: 'detection', dataset: { id: detection.id, status: detection.status } },
                detection.face_image_url
                    ? h('img', { src: detection.face_image_url, alt: `Face seen by ${detection.camera_id}`, width: 96, height: 96, loading: 'lazy' })
                    : h('div', { class: 'no-face', text: 'no picture' }),
                h('div', { class: 'detection-facts' },
                    h('p', { class: 'detection-who' }, badge(detection.status), ' ', h('strong', { text: who ?? 'Not recognised' })),
                    h('p', { text: `Camera ${detection.camera_id} · ${when(detection.detected_at)}` }),
                    h('p', { text: `Similarity ${number(detection.confidence, 3)}` })));
        }

        function matches(detection) {
            const wanted = values(filters);
            return (!wanted.status || wanted.status === detection.status) && (!wanted.camera_id || wanted.camera_id === detection.camera_id);
        }

        async function load() {
            const page = await session.json(`/api/v1/detections/?${new URLSearchParams({ limit: String(SHOWN), ...values(filters) })}`);
            count.textContent = `${page.count} detections.`;
            fill(cards, page.results.map(card));
        }

        async function arrived(fact) {
            const detection = await session.json(`/api/v1/detections/${fact.id}/`);
            if (!matches(detection)) {
                return;
            }
            const shown = cards.querySelector(`[data-id="${CSS.escape(detection.id)}"]`);
            if (shown) {
                shown.replaceWith(card(detection));
            } else {
                cards.prepend(card(detection));
                cards.querySelectorAll(`li:nth-child(n+${SHOWN + 1})`).forEach((old) => old.remove());
            }
            announce(`${detection.status === 'MATCHED' ? detection.name ?? detection.external_user_id : detection.status} on camera ${detection.camera_id}.`);
        }

        const unsubscribe = [
            feed.on('detection', (fact) => arrived(fact).catch(announceError)),
            feed.on('resync', () => load().catch(announceError)),
        ];
        fill(root, filters, count, cards);
        load().catch(announceError);
        return () => unsubscribe.forEach((stop) => stop());
    },
};
