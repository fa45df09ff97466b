// A person signed in with their attendance login: their profile and their own attendance.
import { announceError, badge, fill, h, number, table, when } from '../dom.js';

export default {
    id: 'me',
    title: 'My attendance',
    kinds: ['person'],
    render(root, { session }) {
        (async () => {
            const [profile, logs] = await Promise.all([session.json('/api/v1/mobile/profile/'), session.json('/api/v1/attendance/logs/?page_size=50')]);
            fill(root,
                h('section', { class: 'panel', 'aria-labelledby': 'profile-heading' },
                    h('h3', { id: 'profile-heading', text: profile.name ?? profile.employee_id }),
                    h('dl', { class: 'pairs profile' },
                        h('dt', { text: 'Employee id' }), h('dd', { text: profile.employee_id }),
                        h('dt', { text: 'Department' }), h('dd', { text: profile.department ?? '–' }),
                        h('dt', { text: 'Face' }), h('dd', {}, badge(profile.face_enrolled ? 'enrolled' : 'not enrolled')),
                        h('dt', { text: 'Today' }), h('dd', { class: 'today-attendance', text: profile.today_attendance ?? 'not yet' }),
                        h('dt', { text: 'Days this week' }), h('dd', { text: String(profile.this_week_days ?? 0) }),
                        h('dt', { text: 'Attendance rate this month' }), h('dd', { text: `${number((profile.attendance_rate ?? 0) * 100, 1)} %` }))),
                table(`My attendance logs (${logs.count})`, [
                    { label: 'Time', value: (l) => when(l.timestamp) },
                    { label: 'Name', value: (l) => l.employee?.name },
                    { label: 'Source', value: (l) => l.source },
                    { label: 'Camera', value: (l) => l.camera?.name ?? l.camera?.id },
                ], logs.results, 'No attendance yet.'));
        })().catch(announceError);
    },
};
