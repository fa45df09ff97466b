// Tenant: webhook endpoints (create, send a test), each one's delivery log, and replay.
import { announce, announceError, badge, field, fill, h, number, table, values, when } from '../dom.js';

const REPLAYABLE = ['succeeded', 'failed', 'cancelled'];

export default {
    id: 'webhooks',
    title: 'Webhooks',
    kinds: ['tenant'],
    render(root, { session }) {
        const list = h('div');
        const secret = h('section', { class: 'panel secret', hidden: true, tabindex: '-1', 'aria-labelledby': 'webhook-secret-heading' });
        const log = h('section', { class: 'panel', hidden: true, tabindex: '-1', 'aria-labelledby': 'delivery-log-heading' });
        const events = h('fieldset', { class: 'field' }, h('legend', { text: 'Events' }));
        const form = h('form', { class: 'panel', on: { submit: create } },
            h('h3', { text: 'New endpoint' }),
            field('URL', { name: 'url', type: 'url', required: true, autocomplete: 'off', hint: 'FaceGate POSTs signed JSON here (Standard Webhooks)' }),
            field('Description', { name: 'description', autocomplete: 'off' }),
            events,
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Create endpoint' })));
        let openLog = null;

        async function create(event) {
            event.preventDefault();
            const chosen = [...form.querySelectorAll('input[name="events"]:checked')].map((box) => box.value);
            const { url, description } = values(form);
            try {
                const endpoint = await session.json('/api/webhooks/', { method: 'POST', body: { url, description, events: chosen.length ? chosen : ['*'] } });
                form.reset();
                fill(secret, h('h3', { id: 'webhook-secret-heading', text: 'Signing secret (shown once)' }),
                    h('p', { text: `Verify the signatures of ${endpoint.url} with this secret; it is not shown again.` }),
                    h('code', { class: 'webhook-secret', text: endpoint.secret }));
                secret.hidden = false;
                secret.focus();
                await load();
            } catch (error) {
                announceError(error);
            }
        }

        async function test(endpoint) {
            try {
                const result = await session.json(`/api/webhooks/${endpoint.id}/test/`, { method: 'POST' });
                announce(result.success ? `Test ping delivered to ${endpoint.url} (HTTP ${result.status_code}, ${number(result.latency_ms, 0)} ms).`
                    : `Test ping to ${endpoint.url} failed: ${result.error ?? `HTTP ${result.status_code}`}.`, { error: !result.success });
                if (openLog === endpoint.id) {
                    await deliveries(endpoint);
                }
            } catch (error) {
                announceError(error);
            }
        }

        async function replay(endpoint, delivery) {
            try {
                await session.json(`/api/webhooks/${endpoint.id}/deliveries/${delivery.id}/replay/`, { method: 'POST' });
                announce(`Delivery ${delivery.event} replayed: sent again with the same webhook-id.`);
                await deliveries(endpoint);
            } catch (error) {
                announceError(error);
            }
        }

        async function deliveries(endpoint) {
            openLog = endpoint.id;
            const page = await session.json(`/api/webhooks/${endpoint.id}/deliveries/?limit=50`);
            fill(log, h('h3', { id: 'delivery-log-heading', text: `Delivery log of ${endpoint.url}` }),
                table(`Deliveries (${page.count}), newest first`, [
                    { label: 'Created', value: (d) => when(d.created_at) },
                    { label: 'Event', value: (d) => d.event },
                    { label: 'Status', value: (d) => badge(d.status) },
                    { label: 'Attempts', value: (d) => d.attempt_count },
                    { label: 'Last answer', value: (d) => d.last_status_code ?? d.last_error },
                    { label: 'Next attempt', value: (d) => when(d.next_attempt_at) },
                    {
                        label: 'Actions', value: (d) => (REPLAYABLE.includes(d.status) ? h('button', {
                            type: 'button', class: 'secondary', text: 'Replay', 'aria-label': `Replay the ${d.event} delivery of ${when(d.created_at)}`,
                            on: { click: () => replay(endpoint, d) },
                        }) : null),
                    },
                ], page.results),
                h('div', { class: 'actions' },
                    h('button', { type: 'button', class: 'secondary', text: 'Refresh the log', on: { click: () => deliveries(endpoint).catch(announceError) } })));
            log.hidden = false;
        }

        async function load() {
            const page = await session.json('/api/webhooks/?limit=50');
            const button = (endpoint, text, run) => h('button', {
                type: 'button', class: 'secondary', text, 'aria-label': `${text}: ${endpoint.url}`, on: { click: () => run(endpoint) },
            });
            fill(list, table(`Endpoints (${page.count})`, [
                { label: 'URL', value: (w) => w.url },
                { label: 'Events', value: (w) => w.events.join(', ') },
                { label: 'Status', value: (w) => badge(w.is_active ? 'active' : `disabled${w.disabled_reason ? ` (${w.disabled_reason})` : ''}`) },
                { label: 'Created', value: (w) => when(w.created_at) },
                {
                    label: 'Actions', value: (w) => h('div', { class: 'actions' }, button(w, 'Send test', test),
                        button(w, 'Delivery log', (e) => deliveries(e).then(() => log.focus()).catch(announceError))),
                },
            ], page.results));
        }

        (async () => {
            const types = await session.json('/api/webhooks/event-types/');
            types.forEach((type) => events.append(h('label', { class: 'choice' },
                h('input', { type: 'checkbox', name: 'events', value: type.name }), ` ${type.name}`)));
            events.append(h('p', { class: 'hint', text: 'None chosen: every event ("*"), including types added later.' }));
            await load();
        })().catch(announceError);
        fill(root, list, secret, log, form);
    },
};
