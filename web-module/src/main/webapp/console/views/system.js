// Operator: FaceGate's health (dependencies probed, work waiting, recent API traffic), the
// machine's metrics and the latest batch job executions, read again every 30 s and charted over the samples taken while the page is open.
import { announceError, badge, fill, h, number, table, when } from '../dom.js';
import { chart } from '../charts.js';

// The figures move on a scale of minutes (5-minute traffic window); a sample every 30 s is plenty.
const REFRESH_MS = 30_000;
const SAMPLES_KEPT = 40;

export default {
    id: 'system',
    title: 'System health',
    kinds: ['operator'],
    render(root, { session }) {
        const summary = h('p', { class: 'lead' });
        const services = h('div');
        const figures = h('div');
        const charts = h('div', { class: 'charts' });
        const executions = h('div');
        let current = [];
        const samples = [];

        async function load() {
            // 503 still carries the report: a dependency is down.
            const [report, metrics, jobs] = await Promise.all([
                session.json('/api/v1/system/health/').catch((error) => {
                    if (error.status === 503 && error.body?.services) {
                        return error.body;
                    }
                    throw error;
                }),
                session.json('/api/v1/system/metrics/'),
                session.json('/api/core/jobs/executions/?limit=10'),
            ]);
            fill(executions, table('Batch job executions (the latest 10)', [
                { label: 'Execution', value: (j) => j.execution_id },
                { label: 'Job', value: (j) => j.job_name },
                { label: 'Status', value: (j) => badge(j.batch_status) },
                { label: 'Exit status', value: (j) => j.exit_status },
                { label: 'Started', value: (j) => when(j.started_at) },
                { label: 'Ended', value: (j) => when(j.ended_at) },
            ], jobs, 'No job has run since FaceGate was deployed.'));
            const entries = Object.entries(report.services ?? {});
            const probed = entries.filter(([, s]) => s.details?.queue_size === undefined);
            const queues = entries.filter(([, s]) => s.details?.queue_size !== undefined);
            fill(summary, 'FaceGate is ', badge(report.status), ` (checked ${when(report.timestamp)}).`);
            fill(services, table('Dependencies', [
                { label: 'Service', value: ([name]) => name },
                { label: 'Status', value: ([, s]) => badge(s.status) },
                { label: 'Response time (ms)', value: ([, s]) => (s.details?.queue_size === undefined ? number(s.response_time, 1) : null) },
                { label: 'Waiting', value: ([, s]) => s.details?.queue_size },
            ], entries));
            const performance = report.performance ?? {};
            const faces = metrics.face_processing ?? {};
            const cameras = report.cameras ?? {};
            fill(figures, h('dl', { class: 'pairs' },
                h('dt', { text: 'Cameras of every tenant' }), h('dd', { class: 'camera-counts', text: `${cameras.online ?? '–'} online, ${cameras.offline ?? '–'} offline` }),
                h('dt', { text: `API calls per minute (last ${performance.window_minutes ?? 5} min)` }), h('dd', { text: number(performance.requests_per_minute, 1) }),
                h('dt', { text: 'Share of API calls answered 5xx' }), h('dd', { text: number(performance.error_rate, 4) }),
                h('dt', { text: 'Machine CPU, memory, disk in use' }),
                h('dd', { text: [metrics.cpu_usage, metrics.memory_usage, metrics.disk_usage].map((v) => (v === null ? '–' : `${number(v * 100, 1)} %`)).join(', ') }),
                h('dt', { text: 'Heap used' }), h('dd', { text: `${number(metrics.heap_used_bytes / 2 ** 20, 0)} of ${number(metrics.heap_max_bytes / 2 ** 20, 0)} MiB` }),
                h('dt', { text: 'Face tasks ended (24 h): count, mean seconds, success' }),
                h('dd', { text: `${faces.total_processed}, ${number(faces.avg_processing_time, 3)}, ${faces.success_rate === null ? '–' : `${number(faces.success_rate * 100, 1)} %`}` }),
                h('dt', { text: 'Frames analysed since the server started' }), h('dd', { text: String(faces.frames_analysed) })));

            const now = Date.now();
            const previous = samples.at(-1);
            samples.push({
                at: new Date(now).toLocaleTimeString(),
                // frames_analysed counts since the server started: the rate is between two samples (none for the first).
                fps: previous && faces.frames_analysed >= previous.frames ? (faces.frames_analysed - previous.frames) / ((now - previous.time) / 1000) : null,
                frames: faces.frames_analysed,
                online: cameras.online ?? null,
                offline: cameras.offline ?? null,
                time: now,
                times: Object.fromEntries(probed.map(([n, s]) => [n, s.response_time])),
                api: performance.avg_api_response_time === undefined ? null : performance.avg_api_response_time * 1000,
                queues: Object.fromEntries(queues.map(([n, s]) => [n, s.details.queue_size])),
                cpu: metrics.cpu_usage === null ? null : metrics.cpu_usage * 100,
                memory: metrics.memory_usage * 100,
            });
            samples.splice(0, Math.max(0, samples.length - SAMPLES_KEPT));
            const labels = samples.map((sample) => sample.at);
            const since = 'since this page opened, every 30 s';
            current.forEach((c) => c.destroy());
            current = [
                chart({ title: `Frames analysed per second, ${since}`, type: 'line', labels, series: [{ label: 'frames/s', data: samples.map((s) => s.fps) }] }),
                chart({
                    title: `Cameras online and offline, ${since}`, type: 'line', labels,
                    series: [{ label: 'online', data: samples.map((s) => s.online) }, { label: 'offline', data: samples.map((s) => s.offline) }],
                }),
                chart({
                    title: `Work waiting (face tasks, webhook deliveries), ${since}`, type: 'line', labels,
                    series: queues.map(([name]) => ({ label: name, data: samples.map((s) => s.queues[name] ?? null) })),
                }),
                chart({
                    title: `Latency (ms): dependencies probed and mean API response over 5 min, ${since}`, type: 'line', labels,
                    series: [...probed.map(([name]) => ({ label: name, data: samples.map((s) => s.times[name] ?? null) })),
                        { label: 'API response', data: samples.map((s) => s.api) }],
                }),
                chart({
                    title: `Machine CPU and memory in use (%), ${since}`, type: 'line', labels,
                    series: [{ label: 'CPU', data: samples.map((s) => s.cpu) }, { label: 'memory', data: samples.map((s) => s.memory) }],
                }),
            ];
            fill(charts, current.map((c) => c.figure));
        }

        fill(root, summary, services, figures, charts, executions,
            h('p', { class: 'hint', text: 'More figures are in MicroProfile Metrics (/metrics) on the operations port.' }));
        load().catch(announceError);
        const timer = setInterval(() => load().catch(announceError), REFRESH_MS);
        return () => {
            clearInterval(timer);
            current.forEach((c) => c.destroy());
        };
    },
};
