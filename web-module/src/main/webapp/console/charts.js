/**
 * Charts through the vendored Chart.js (`vendor/chart.js-4.5.1/`, MIT, loaded by index.html as a
 * classic script that defines `window.Chart`). Each chart sits in a `<figure>` with a caption and
 * its figures as a table, so the numbers are there for screen readers and keyboard users too.
 *
 * @module console/charts
 */
import { h, table } from './dom.js';

const COLORS = ['#1f5fbf', '#b3471b', '#2e7d4f', '#7a3fa0', '#8a6d00', '#0f7c8c', '#a23355', '#4d5a66'];

/**
 * A bar or line chart with its data table.
 *
 * @param {object} options
 * @param {string} options.title the caption
 * @param {string} [options.type] `bar` (default) or `line`
 * @param {Array<string>} options.labels the x axis
 * @param {Array<{label: string, data: Array<number>}>} options.series
 * @param {boolean} [options.stacked]
 * @returns {{figure: HTMLElement, destroy: () => void}}
 */
export function chart({ title, type = 'bar', labels, series, stacked = false }) {
    const canvas = h('canvas', { role: 'img', 'aria-label': `${title} (chart; the same figures follow as a table)` });
    const figure = h('figure', { class: 'chart' },
        h('figcaption', { text: title }),
        h('div', { class: 'chart-canvas' }, canvas),
        h('details', {}, h('summary', { text: 'Figures' }),
            table(title, [{ label: '', value: (row) => row.label },
                ...series.map((s, i) => ({ label: s.label, value: (row) => row.values[i] }))],
            labels.map((label, index) => ({ label, values: series.map((s) => s.data[index]) })))));
    const instance = new window.Chart(canvas, {
        type,
        data: {
            labels,
            datasets: series.map((s, i) => ({
                label: s.label, data: s.data, backgroundColor: COLORS[i % COLORS.length], borderColor: COLORS[i % COLORS.length],
                tension: 0.2, pointRadius: 2,
            })),
        },
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            scales: { x: { stacked }, y: { stacked, beginAtZero: true } },
            plugins: { legend: { display: series.length > 1 } },
        },
    });
    return { figure, destroy: () => instance.destroy() };
}
