// Operator: the health of FaceGate's dependencies (database, object storage, face engine), read again every 30 s.
import { announceError, badge, fill, h, number, table, when } from '../dom.js';
import { chart } from '../charts.js';

const REFRESH_MS = 30_000;

export default {
    id: 'system',
    title: 'System health',
    kinds: ['operator'],
    render(root, { session }) {
        const summary = h('p', { class: 'lead' });
        const services = h('div');
        const charts = h('div', { class: 'charts' });
        let current = null;
        const history = [];

        async function load() {
            // 503 still carries the report: a dependency is down.
            const report = await session.json('/api/system/health/').catch((error) => {
                if (error.status === 503 && error.body?.services) {
                    return error.body;
                }
                throw error;
            });
            const entries = Object.entries(report.services ?? {});
            fill(summary, 'FaceGate is ', badge(report.status), ` (checked ${when(report.timestamp)}).`);
            fill(services, table('Dependencies', [
                { label: 'Service', value: ([name]) => name },
                { label: 'Status', value: ([, s]) => badge(s.status) },
                { label: 'Response time (ms)', value: ([, s]) => number(s.response_time, 1) },
            ], entries));
            history.push({ at: new Date().toLocaleTimeString(), times: Object.fromEntries(entries.map(([n, s]) => [n, s.response_time])) });
            history.splice(0, Math.max(0, history.length - 40));
            current?.destroy();
            current = chart({
                title: 'Response time of each dependency (ms), since this page opened', type: 'line',
                labels: history.map((sample) => sample.at),
                series: entries.map(([name]) => ({ label: name, data: history.map((sample) => sample.times[name] ?? null) })),
            });
            fill(charts, current.figure);
        }

        fill(root, summary, services, charts,
            h('p', { class: 'hint', text: 'Frames, latencies and queues are in MicroProfile Metrics (/metrics) on the operations port.' }));
        load().catch(announceError);
        const timer = setInterval(() => load().catch(announceError), REFRESH_MS);
        return () => {
            clearInterval(timer);
            current?.destroy();
        };
    },
};
