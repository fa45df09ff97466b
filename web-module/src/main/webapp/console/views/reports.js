// Reports: an attendance report as figures (JSON) or a PDF/Excel file made by the batch job (its
// progress followed until the presigned download link is there), the reports made, and schedules.
import { announce, announceError, badge, field, fill, h, number, table, values, when } from '../dom.js';

const PERIODS = [['monthly', 'Month'], ['weekly', 'Week'], ['daily', 'Day'], ['yearly', 'Year']];
const FORMATS = [['json', 'Figures on this page'], ['pdf', 'PDF file'], ['excel', 'Excel file']];
// A file takes seconds to minutes (the batch job writes it in chunks); one look a second is enough.
const PROGRESS_POLL_MS = 1_000;
const PROGRESS_TIMEOUT_MS = 600_000;

const percent = (rate) => (rate === null || rate === undefined ? null : `${number(rate * 100, 1)} %`);

export default {
    id: 'reports',
    title: 'Reports',
    kinds: ['tenant', 'person-staff'],
    render(root, { session }) {
        let stopped = false;
        const result = h('div', { class: 'report-result' });
        const progress = h('div', { class: 'report-progress', role: 'status' });
        const history = h('div');
        const schedules = h('div');
        const isAdmin = session.kind === 'tenant' || session.user?.role === 'admin';
        const request = h('form', { class: 'panel', on: { submit: (e) => { e.preventDefault(); ask().catch(announceError); } } },
            h('h3', { text: 'Attendance report' }),
            h('div', { class: 'grid' },
                field('Format', { tag: 'select', name: 'format' }, FORMATS),
                field('Period', { tag: 'select', name: 'period', hint: 'Without dates: the period holding today' }, PERIODS),
                field('From', { name: 'date_from', type: 'date' }),
                field('To', { name: 'date_to', type: 'date' }),
                field('Department', { name: 'department', autocomplete: 'off' })),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Make the report' })),
            progress, result);
        const schedule = h('form', { class: 'panel', on: { submit: (e) => { e.preventDefault(); createSchedule().catch(announceError); } } },
            h('h3', { text: 'New schedule' }),
            h('div', { class: 'grid' },
                field('Frequency', { tag: 'select', name: 'frequency' }, [['weekly', 'Weekly'], ['daily', 'Daily'], ['monthly', 'Monthly']]),
                field('File', { tag: 'select', name: 'format' }, FORMATS.slice(1)),
                field('Department', { name: 'department', autocomplete: 'off' })),
            h('div', { class: 'actions' }, h('button', { type: 'submit', text: 'Create schedule' })));

        async function ask() {
            const body = values(request);
            fill(result);
            if (body.format === 'json') {
                const report = await session.json(`/api/v1/reports/attendance/?${new URLSearchParams(body)}`);
                showFigures(report);
                announce(`Report ${report.report_id} is ready.`);
                return;
            }
            const queued = await session.json('/api/v1/reports/', { method: 'POST', body });
            announce(`Report ${queued.report_id} is being made.`);
            await loadHistory();
            await follow(queued);
        }

        function showFigures(report) {
            fill(result,
                h('p', { class: 'lead', text: `${report.report_id}: ${report.date_range} (${report.time_zone}), ${report.working_days} working days, `
                    + `${report.total_employees} people, attendance rate ${percent(report.attendance_rate)}.` }),
                table(`Departments of ${report.report_id}`, [
                    { label: 'Department', value: ([name]) => name },
                    { label: 'People', value: ([, d]) => d.total_employees },
                    { label: 'Attendance rate', value: ([, d]) => percent(d.attendance_rate) },
                    { label: 'Present on an average working day', value: ([, d]) => number(d.avg_daily_attendance) },
                ], Object.entries(report.department_stats ?? {})));
        }

        /** Follows a file's report until it is completed or failed, showing its progress. */
        async function follow(report) {
            const bar = h('progress', { max: '1', value: String(report.progress ?? 0), 'aria-label': `Progress of ${report.report_id}` });
            const text = h('span');
            fill(progress, bar, ' ', text);
            const deadline = Date.now() + PROGRESS_TIMEOUT_MS;
            let current = report;
            while (!stopped && !['completed', 'failed'].includes(current.status) && Date.now() < deadline) {
                text.textContent = `${current.report_id}: ${current.status}, ${Math.round((current.progress ?? 0) * 100)} %`;
                await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
                current = await session.json(`/api/v1/reports/${encodeURIComponent(report.id)}/`);
                bar.value = current.progress ?? 0;
            }
            if (stopped) {
                return;
            }
            text.textContent = `${current.report_id}: ${current.status}${current.error ? ` (${current.error})` : ''}`;
            if (current.status === 'completed') {
                fill(result, h('p', {}, downloadLink(current), ` (${number(current.byte_size / 1024, 1)} KB)`));
                announce(`Report ${current.report_id} is ready to download.`);
            }
            await loadHistory();
        }

        function downloadLink(report) {
            // A presigned address of the object storage, valid for a while: the history gives a fresh one.
            return h('a', { href: report.download_url, class: 'download', download: '', text: `Download ${report.report_id} (${report.format})` });
        }

        async function loadHistory() {
            const page = await session.json('/api/v1/reports/?page_size=20');
            fill(history, table(`Reports made (${page.count})`, [
                { label: 'Report', value: (r) => r.report_id },
                { label: 'Format', value: (r) => r.format },
                { label: 'Status', value: (r) => badge(r.status) },
                { label: 'Progress', value: (r) => `${Math.round(r.progress * 100)} %` },
                { label: 'Requested', value: (r) => when(r.created_at) },
                { label: 'Size (KB)', value: (r) => (r.byte_size ? number(r.byte_size / 1024, 1) : null) },
                { label: 'File', value: (r) => (r.download_url ? downloadLink(r) : r.error) },
            ], page.results));
        }

        async function createSchedule() {
            const created = await session.json('/api/v1/reports/schedules/', { method: 'POST', body: values(schedule) });
            announce(`A ${created.frequency} ${created.format} report is scheduled; the next runs ${when(created.next_run_at)}.`);
            await loadSchedules();
        }

        async function loadSchedules() {
            const answer = await session.json('/api/v1/reports/schedules/');
            const rows = answer.results ?? answer;
            fill(schedules, table(`Schedules (${rows.length})`, [
                { label: 'Frequency', value: (s) => s.frequency },
                { label: 'File', value: (s) => s.format },
                { label: 'Department', value: (s) => s.department ?? 'all' },
                { label: 'Next run', value: (s) => when(s.next_run_at) },
                { label: 'Last run', value: (s) => when(s.last_run_at) },
                {
                    label: 'Actions', value: (s) => h('button', {
                        type: 'button', class: 'danger', text: 'Delete', 'aria-label': `Delete the ${s.frequency} ${s.format} schedule`,
                        on: {
                            click: () => session.json(`/api/v1/reports/schedules/${encodeURIComponent(s.id)}/`, { method: 'DELETE' })
                                .then(() => { announce('The schedule was deleted; its reports stay.'); return loadSchedules(); })
                                .catch(announceError),
                        },
                    }),
                },
            ], rows, 'No schedule.'));
        }

        fill(root, request,
            h('section', { class: 'panel', 'aria-labelledby': 'history-heading' }, h('h3', { id: 'history-heading', text: 'Reports made' }), history),
            isAdmin ? h('section', { class: 'panel', 'aria-labelledby': 'schedules-heading' },
                h('h3', { id: 'schedules-heading', text: 'Schedules' }),
                h('p', { class: 'hint', text: 'Each period\'s file is made at midnight of the client\'s time zone and announced by the report.ready webhook.' }),
                schedules) : null,
            isAdmin ? schedule : null);
        Promise.all([loadHistory(), isAdmin ? loadSchedules() : null]).catch(announceError);
        return () => { stopped = true; };
    },
};
