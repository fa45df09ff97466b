// Attendance: today's board (updated live for a tenant admin), the logs with filters, summary
// charts by day, hour and department, and the manual mark with its reason.
import { announce, announceError, field, fill, h, number, table, today, values, when } from '../dom.js';
import { chart } from '../charts.js';

const PERIODS = [['daily', 'Day'], ['weekly', 'Week'], ['monthly', 'Month'], ['yearly', 'Year']];

export default {
    id: 'attendance',
    title: 'Attendance',
    kinds: ['tenant', 'person-staff'],
    render(root, { session, feed }) {
        let timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        let charts = [];
        const board = h('div');
        const logs = h('div');
        const summary = h('div');
        const logFilters = h('form', { class: 'filters', on: { submit: (e) => { e.preventDefault(); loadLogs().catch(announceError); } } },
            field('Employee id', { name: 'employee_id', autocomplete: 'off' }),
            field('From', { name: 'date_from', type: 'date' }),
            field('To', { name: 'date_to', type: 'date' }),
            field('Department', { name: 'department', autocomplete: 'off' }),
            field('Camera id', { name: 'camera_id', autocomplete: 'off' }),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Show logs' })));
        const summaryFilters = h('form', { class: 'filters', on: { submit: (e) => { e.preventDefault(); loadSummary().catch(announceError); } } },
            field('Period', { tag: 'select', name: 'period' }, PERIODS),
            field('From', { name: 'date_from', type: 'date' }),
            field('To', { name: 'date_to', type: 'date' }),
            field('Department', { name: 'department', autocomplete: 'off' }),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Summarise' })));
        const mark = h('form', { class: 'panel', on: { submit: markPresent } },
            h('h3', { text: 'Mark present by hand' }),
            h('div', { class: 'grid' },
                field('Employee id', { name: 'employee_id', required: true, autocomplete: 'off' }),
                field('Reason', { name: 'reason', required: true, maxlength: 500, autocomplete: 'off', hint: 'Kept with the log, e.g. "camera down at the door"' }),
                field('Time (optional, not in the future)', { name: 'timestamp', type: 'datetime-local' })),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Mark present' })));

        // Logs this page marked by hand: their live echo reloads the tables but does not replace the
        // "was marked present" announcement (it can arrive a moment after the answer to the mark).
        const markedHere = new Set();

        async function markPresent(event) {
            event.preventDefault();
            const body = values(mark);
            if (body.timestamp) {
                body.timestamp = new Date(body.timestamp).toISOString();
            }
            try {
                const logged = await session.json('/api/v1/attendance/mark/', { method: 'POST', body });
                markedHere.add(logged.id);
                mark.reset();
                announce(`${body.employee_id} was marked present.`);
                await Promise.all([loadBoard(), loadLogs()]);
            } catch (error) {
                announceError(error);
            }
        }

        async function loadBoard() {
            const day = today(timeZone);
            const page = await session.json(`/api/v1/attendance/logs/?${new URLSearchParams({ date_from: day, date_to: day, page_size: '100' })}`);
            const people = new Map();
            for (const log of page.results) {
                const key = log.employee?.employee_id ?? log.employee?.id;
                const entry = people.get(key) ?? { id: key, employee: log.employee, first: log.timestamp, last: log.timestamp, count: 0, sources: new Set() };
                entry.first = log.timestamp < entry.first ? log.timestamp : entry.first;
                entry.last = log.timestamp > entry.last ? log.timestamp : entry.last;
                entry.count += 1;
                entry.sources.add(log.camera ? `camera ${log.camera.id}` : log.source);
                people.set(key, entry);
            }
            fill(board, table(`Present today, ${day} (${timeZone}): ${people.size}`, [
                { label: 'Employee id', value: (p) => p.employee?.employee_id },
                { label: 'Name', value: (p) => p.employee?.name },
                { label: 'Department', value: (p) => p.employee?.department },
                { label: 'First seen', value: (p) => when(p.first) },
                { label: 'Last seen', value: (p) => when(p.last) },
                { label: 'Logs', value: (p) => p.count },
                { label: 'Seen by', value: (p) => [...p.sources].join(', ') },
            ], [...people.values()], 'Nobody yet today.'));
        }

        async function loadLogs() {
            const page = await session.json(`/api/v1/attendance/logs/?${new URLSearchParams({ page_size: '50', ...values(logFilters) })}`);
            fill(logs, table(`Attendance logs (${page.count})`, [
                { label: 'Time', value: (l) => when(l.timestamp) },
                { label: 'Employee id', value: (l) => l.employee?.employee_id },
                { label: 'Name', value: (l) => l.employee?.name },
                { label: 'Department', value: (l) => l.employee?.department },
                { label: 'Source', value: (l) => l.source },
                { label: 'Camera', value: (l) => l.camera?.name ?? l.camera?.id },
                { label: 'Similarity', value: (l) => number(l.confidence, 3) },
                { label: 'Manual reason', value: (l) => l.manual?.reason },
            ], page.results));
        }

        async function loadSummary() {
            const s = await session.json(`/api/v1/attendance/summary/?${new URLSearchParams(values(summaryFilters))}`);
            charts.forEach((c) => c.destroy());
            const hours = Object.keys(s.hourly_distribution ?? {}).sort();
            const departments = Object.keys(s.departments ?? {}).sort();
            charts = [
                chart({
                    title: `Attendances and people per ${s.period === 'daily' ? 'day' : s.period.replace(/ly$/, '')}, ${s.date_from} to ${s.date_to}`,
                    labels: s.breakdown.map((p) => p.date),
                    series: [{ label: 'attendances', data: s.breakdown.map((p) => p.total_attendances) },
                        { label: 'people', data: s.breakdown.map((p) => p.unique_persons) }],
                }),
                chart({ title: 'Attendances by hour of arrival', labels: hours, series: [{ label: 'attendances', data: hours.map((k) => s.hourly_distribution[k]) }] }),
                chart({ title: 'Attendances by department', labels: departments, series: [{ label: 'attendances', data: departments.map((k) => s.departments[k]) }] }),
            ];
            fill(summary, h('p', { class: 'lead', text: `${s.total_attendances} attendances by ${s.unique_persons} people (${s.time_zone}).` }),
                h('div', { class: 'charts' }, charts.map((c) => c.figure)));
        }

        const reload = () => Promise.all([loadBoard(), loadLogs(), loadSummary()]).catch(announceError);
        const unsubscribe = feed ? [
            feed.on('attendance', (log) => {
                if (!markedHere.has(log.id)) {
                    announce(`${log.name ?? log.employee_id} is present.`);
                }
                reload();
            }),
            feed.on('resync', () => reload()),
        ] : [];
        const isAdmin = session.kind === 'tenant' || session.user?.role === 'admin';
        fill(root,
            h('section', { class: 'panel', 'aria-labelledby': 'board-heading' }, h('h3', { id: 'board-heading', text: 'Today' }), board),
            h('section', { class: 'panel', 'aria-labelledby': 'summary-heading' }, h('h3', { id: 'summary-heading', text: 'Summary' }), summaryFilters, summary),
            h('section', { class: 'panel', 'aria-labelledby': 'logs-heading' }, h('h3', { id: 'logs-heading', text: 'Logs' }), logFilters, logs),
            isAdmin ? mark : null);
        (async () => {
            if (isAdmin) {
                timeZone = (await session.json('/api/v1/attendance/settings/')).time_zone;
            }
            await reload();
        })().catch(announceError);
        return () => {
            unsubscribe.forEach((stop) => stop());
            charts.forEach((c) => c.destroy());
        };
    },
};
