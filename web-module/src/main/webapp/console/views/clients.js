// Operator: the clients (tenants): create one (its API secret shown once), rotate a secret, disable or enable.
import { announce, announceError, badge, field, fill, h, table, values, when } from '../dom.js';

export default {
    id: 'clients',
    title: 'Clients',
    kinds: ['operator'],
    render(root, { session }) {
        const credentials = h('section', { class: 'panel secret', hidden: true, tabindex: '-1', 'aria-labelledby': 'credentials-heading' });
        const list = h('div');
        const form = h('form', { class: 'panel', on: { submit: create } },
            h('h3', { text: 'New client' }),
            field('Client name', { name: 'name', required: true, maxlength: 255, autocomplete: 'off' }),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Create client' })));

        function showCredentials(client, what) {
            fill(credentials,
                h('h3', { id: 'credentials-heading', text: `${what}: ${client.name}` }),
                h('p', { text: 'The API secret is shown this once. Give it to the client\'s backend now; a lost secret can only be rotated.' }),
                h('dl', { class: 'pairs' },
                    h('dt', { text: 'API key' }), h('dd', {}, h('code', { class: 'api-key', text: client.api_key })),
                    h('dt', { text: 'API secret' }), h('dd', {}, h('code', { class: 'api-secret', text: client.api_secret }))),
                h('div', { class: 'actions' }, h('button', {
                    type: 'button', class: 'secondary', text: 'Hide the credentials',
                    on: { click: () => { fill(credentials); credentials.hidden = true; } },
                })));
            credentials.hidden = false;
            credentials.focus();
        }

        async function create(event) {
            event.preventDefault();
            try {
                const client = await session.json('/api/core/clients/', { method: 'POST', body: { name: values(form).name } });
                form.reset();
                showCredentials(client, 'Client created');
                announce(`Client ${client.name} created.`);
                await load();
            } catch (error) {
                announceError(error);
            }
        }

        async function act(client, path, body, message) {
            try {
                const changed = await session.json(`/api/core/clients/${client.id}/${path}`, { method: path ? 'POST' : 'PATCH', body });
                if (changed.api_secret) {
                    showCredentials(changed, 'New secret');
                }
                announce(message);
                await load();
            } catch (error) {
                announceError(error);
            }
        }

        async function load() {
            const page = await session.json('/api/core/clients/?limit=100');
            fill(list, table(`Clients (${page.count})`, [
                { label: 'Name', value: (c) => c.name },
                { label: 'API key', value: (c) => h('code', { text: c.api_key }) },
                { label: 'Status', value: (c) => badge(c.status) },
                { label: 'Created', value: (c) => when(c.created_at) },
                {
                    label: 'Actions', value: (c) => h('div', { class: 'actions' },
                        h('button', {
                            type: 'button', class: 'secondary', text: 'Rotate secret', 'aria-label': `Rotate the API secret of ${c.name}`,
                            on: { click: () => act(c, 'rotate-secret/', null, `The secret of ${c.name} was rotated.`) },
                        }),
                        String(c.status).toLowerCase() === 'active'
                            ? h('button', {
                                type: 'button', class: 'danger', text: 'Disable', 'aria-label': `Disable ${c.name}`,
                                on: { click: () => act(c, 'disable/', null, `${c.name} is disabled.`) },
                            })
                            : h('button', {
                                type: 'button', class: 'secondary', text: 'Enable', 'aria-label': `Enable ${c.name}`,
                                on: { click: () => act(c, '', { is_active: true }, `${c.name} is enabled.`) },
                            })),
                },
            ], page.results));
        }

        fill(root, form, credentials, list);
        load().catch(announceError);
    },
};
