// Tenant: cameras with their status as it changes (live events), FaceGate's preview relay, the test
// button, and a health history charted while its panel is open.
import { announce, announceError, badge, field, fill, h, number, table, values, when } from '../dom.js';
import { chart } from '../charts.js';
import { MjpegPreview } from '../live.js';

const HEALTH_SAMPLE_MS = 5_000;
const HEALTH_SAMPLES = 60;

export default {
    id: 'cameras',
    title: 'Cameras',
    kinds: ['tenant'],
    render(root, { session, feed }) {
        const list = h('div');
        const detail = h('section', { class: 'panel', hidden: true, tabindex: '-1', 'aria-labelledby': 'camera-detail-heading' });
        const form = h('form', { class: 'panel', on: { submit: register } },
            h('h3', { text: 'Add a camera' }),
            h('div', { class: 'grid' },
                field('Camera id', { name: 'id', required: true, autocomplete: 'off', hint: 'Your own id, e.g. CAM001' }),
                field('Name', { name: 'name', required: true, autocomplete: 'off' }),
                field('Location', { name: 'location', autocomplete: 'off' }),
                field('ESP32-CAM address', { name: 'ip_address', autocomplete: 'off', hint: 'An ESP32-CAM: its IP address alone' }),
                field('Stream URL', { name: 'stream_url', type: 'url', autocomplete: 'off', hint: 'Any other MJPEG camera (http://...)' }),
                field('RTSP URL', { name: 'rtsp_url', autocomplete: 'off', hint: 'rtsp://...' })),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Add camera' })));
        let stopDetail = () => {};

        async function register(event) {
            event.preventDefault();
            try {
                const camera = await session.json('/api/v1/cameras/', { method: 'POST', body: values(form) });
                form.reset();
                announce(`Camera ${camera.id} added; FaceGate connects to it now.`);
                await load();
            } catch (error) {
                announceError(error);
            }
        }

        function open(title, ...content) {
            stopDetail();
            stopDetail = () => {};
            fill(detail, h('h3', { id: 'camera-detail-heading', text: title }), ...content,
                h('div', { class: 'actions' }, h('button', {
                    type: 'button', class: 'secondary', text: 'Close', on: { click: () => { stopDetail(); detail.hidden = true; } },
                })));
            detail.hidden = false;
            detail.focus();
        }

        function preview(camera) {
            const image = h('img', { class: 'preview', alt: `Live preview of camera ${camera.id} (${camera.name})`, width: 640, height: 480 });
            const state = h('p', { class: 'preview-state', role: 'status', text: 'Connecting to FaceGate\'s preview…' });
            open(`Preview of ${camera.id}`, image, state);
            const relay = new MjpegPreview(session, camera.id, image);
            image.addEventListener('load', () => {
                state.textContent = `Live: ${relay.frames} frames received.`;
                image.dataset.frames = String(relay.frames);
            });
            relay.onEnd = (error) => { state.textContent = error ? `Preview unavailable: ${error.message}` : 'The preview ended.'; };
            stopDetail = () => relay.stop();
        }

        async function test(camera) {
            open(`Test of ${camera.id}`, h('p', { role: 'status', text: 'Testing the connection…' }));
            try {
                const result = await session.json(`/api/v1/cameras/${encodeURIComponent(camera.id)}/test/`, { method: 'POST' });
                open(`Test of ${camera.id}`, h('dl', { class: 'pairs test-result' },
                    Object.entries(result).flatMap(([name, value]) => [h('dt', { text: name.replaceAll('_', ' ') }),
                        h('dd', { text: value === null ? '–' : String(value) })])));
            } catch (error) {
                announceError(error);
            }
        }

        function health(camera) {
            const facts = h('div');
            const history = h('div', { class: 'charts' });
            const samples = [];
            let current = null;
            open(`Health of ${camera.id}`, facts, history);
            async function sample() {
                const state = await session.json(`/api/v1/cameras/${encodeURIComponent(camera.id)}/health/`);
                fill(facts, h('dl', { class: 'pairs' },
                    h('dt', { text: 'Status' }), h('dd', {}, badge(state.status)),
                    h('dt', { text: 'Uptime' }), h('dd', { text: state.uptime ?? '–' }),
                    h('dt', { text: 'Resolution' }), h('dd', { text: state.resolution ?? '–' }),
                    h('dt', { text: 'Frames/s received, analysed' }), h('dd', { text: `${number(state.fps_received, 1)}, ${number(state.fps_analysed, 1)}` }),
                    h('dt', { text: 'Errors' }), h('dd', { text: String(state.error_count) }),
                    h('dt', { text: 'Last error' }), h('dd', { text: state.last_error ? `${state.last_error} (${when(state.last_error_at)})` : '–' })));
                samples.push({ at: new Date().toLocaleTimeString(), received: state.fps_received ?? 0, analysed: state.fps_analysed ?? 0 });
                samples.splice(0, Math.max(0, samples.length - HEALTH_SAMPLES));
                current?.destroy();
                current = chart({
                    title: `Frames per second of ${camera.id}, since this panel opened`, type: 'line',
                    labels: samples.map((s) => s.at),
                    series: [{ label: 'received', data: samples.map((s) => s.received) }, { label: 'analysed', data: samples.map((s) => s.analysed) }],
                });
                fill(history, current.figure);
            }
            sample().catch(announceError);
            const timer = setInterval(() => sample().catch(announceError), HEALTH_SAMPLE_MS);
            stopDetail = () => { clearInterval(timer); current?.destroy(); };
        }

        async function remove(camera) {
            try {
                await session.json(`/api/v1/cameras/${encodeURIComponent(camera.id)}/`, { method: 'DELETE' });
                announce(`Camera ${camera.id} deleted, with its detections.`);
                await load();
            } catch (error) {
                announceError(error);
            }
        }

        async function load() {
            const page = await session.json('/api/v1/cameras/?limit=100');
            const action = (camera, text, run, extra = {}) => h('button', {
                type: 'button', class: extra.class ?? 'secondary', text, 'aria-label': `${text}: ${camera.id}`, on: { click: () => run(camera) },
            });
            fill(list, table(`Cameras (${page.count})`, [
                { label: 'Id', value: (c) => c.id },
                { label: 'Name', value: (c) => c.name },
                { label: 'Location', value: (c) => c.location },
                { label: 'Status', value: (c) => h('span', { class: 'camera-status', dataset: { camera: c.id } }, badge(c.status)) },
                { label: 'Resolution', value: (c) => c.resolution },
                { label: 'Last seen', value: (c) => when(c.last_seen) },
                {
                    label: 'Actions', value: (c) => h('div', { class: 'actions' },
                        action(c, 'Preview', preview), action(c, 'Test', test), action(c, 'Health', health),
                        action(c, 'Delete', remove, { class: 'danger' })),
                },
            ], page.results.map((c) => ({ ...c, id: c.id }))));
        }

        const unsubscribe = [
            feed.on('camera', (change) => {
                announce(`Camera ${change.camera_id} is ${change.status}.`);
                load().catch(announceError);
            }),
            feed.on('resync', () => load().catch(announceError)),
        ];
        fill(root, list, detail, form);
        load().catch(announceError);
        return () => {
            stopDetail();
            unsubscribe.forEach((stop) => stop());
        };
    },
};
