// Tenant: the client's API calls per UTC day and category, with errors and response times.
import { announceError, fill, h, number, table } from '../dom.js';
import { chart } from '../charts.js';

export default {
    id: 'usage',
    title: 'API usage',
    kinds: ['tenant'],
    render(root, { session }) {
        let charts = [];
        (async () => {
            const summary = await session.json('/api/clients/usage/summary/');
            const days = [...new Set(summary.results.map((r) => r.date))].sort();
            const categories = [...new Set(summary.results.map((r) => r.endpoint))].sort();
            const cell = (day, category, key) => summary.results.find((r) => r.date === day && r.endpoint === category)?.[key] ?? 0;
            charts = [
                chart({
                    title: 'Calls per day and category (UTC)', labels: days, stacked: true,
                    series: categories.map((category) => ({ label: category, data: days.map((day) => cell(day, category, 'calls')) })),
                }),
                chart({
                    title: 'Errors per day and category (UTC)', labels: days, stacked: true,
                    series: categories.map((category) => ({ label: category, data: days.map((day) => cell(day, category, 'errors')) })),
                }),
            ];
            fill(root, h('p', { class: 'lead', text: `${summary.calls} calls, ${summary.errors} errors from ${summary.from?.slice(0, 10)} to ${summary.to?.slice(0, 10)}.` }),
                h('div', { class: 'charts' }, charts.map((c) => c.figure)),
                table('Response times per day and category', [
                    { label: 'Day', value: (r) => r.date },
                    { label: 'Category', value: (r) => r.endpoint },
                    { label: 'Calls', value: (r) => r.calls },
                    { label: 'Errors', value: (r) => r.errors },
                    { label: 'Average (ms)', value: (r) => number(r.avg_response_time_ms, 1) },
                    { label: '95th percentile (ms)', value: (r) => number(r.p95_response_time_ms, 1) },
                ], summary.results));
        })().catch(announceError);
        return () => charts.forEach((c) => c.destroy());
    },
};
