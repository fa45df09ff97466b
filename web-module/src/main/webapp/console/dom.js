/**
 * Small DOM helpers for the console. Every text the server sends is set as text (never parsed as
 * HTML), so a person's name or a webhook's response cannot inject markup.
 *
 * @module console/dom
 */

/**
 * Creates an element.
 *
 * @param {string} tag
 * @param {object} [props] `class`, `text`, `on` ({event: handler}), `dataset`, `hidden`, `disabled`,
 *        `value`, `checked`; anything else is set as an attribute (null/undefined/false are skipped)
 * @param {...(Node|string|null|undefined|Array)} children
 */
export function h(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(props ?? {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name === 'class') {
            element.className = value;
        } else if (name === 'text') {
            element.textContent = value;
        } else if (name === 'on') {
            for (const [event, handler] of Object.entries(value)) {
                element.addEventListener(event, handler);
            }
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (['hidden', 'disabled', 'value', 'checked', 'selected', 'multiple', 'required'].includes(name)) {
            element[name] = value;
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
    element.replaceChildren();
    append(element, children);
    return element;
}

let nextId = 0;

/** A unique id for label/input pairs. */
export function uid(prefix) {
    nextId += 1;
    return `${prefix}-${nextId}`;
}

/**
 * A labelled form control.
 *
 * @param {string} label
 * @param {object} props the control's attributes (`name`, `type`, `required`...); `tag` picks input (default), select or textarea
 * @param {Array<[string,string]>} [options] a select's values and labels
 */
export function field(label, props, options) {
    const { tag = 'input', hint, ...attributes } = props;
    const id = attributes.id ?? uid(attributes.name ?? 'field');
    const hintId = hint ? `${id}-hint` : null;
    const control = h(tag, { ...attributes, id, 'aria-describedby': hintId },
        (options ?? []).map(([value, text]) => h('option', { value, text })));
    return h('div', { class: 'field' }, h('label', { for: id, text: label }), control,
        hint ? h('p', { id: hintId, class: 'hint', text: hint }) : null);
}

/** A form's named values, text trimmed; empty ones left out. */
export function values(form) {
    const result = {};
    for (const [name, value] of new FormData(form)) {
        if (typeof value === 'string' && value.trim() !== '') {
            result[name] = value.trim();
        }
    }
    return result;
}

/**
 * A table with a caption and a header row.
 *
 * @param {string} caption
 * @param {Array<{label: string, value: (row: object) => (Node|string|number|null)}>} columns
 * @param {Array<object>} rows
 * @param {string} [empty] what the table says when it has no rows
 */
export function table(caption, columns, rows, empty = 'Nothing yet.') {
    // Focusable, so a keyboard can scroll a table wider than the screen.
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
        h('table', {},
            h('caption', { text: caption }),
            h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', text: column.label })))),
            h('tbody', {}, rows.length === 0
                ? h('tr', {}, h('td', { colspan: columns.length, class: 'empty', text: empty }))
                : rows.map((row) => h('tr', { dataset: row.id ? { id: String(row.id) } : {} },
                    columns.map((column) => h('td', {}, cell(column.value(row)))))))));
}

function cell(value) {
    if (value === null || value === undefined || value === '') {
        return '–';
    }
    return value instanceof Node ? value : String(value);
}

/** A local date and time, or a dash. */
export function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '–';
}

/** A number with at most `digits` decimals, or a dash. */
export function number(value, digits = 2) {
    // Only a fraction's trailing zeros go: 1020 stays 1020.
    return value === null || value === undefined ? '–' : Number(value).toFixed(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** A status word as a badge (styled by its value). */
export function badge(status) {
    return h('span', { class: `badge badge-${String(status).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, text: status });
}

/** A message for assistive technology and sighted users alike, in the page's status region. */
export function announce(message, { error = false } = {}) {
    const region = document.getElementById('status');
    region.textContent = message;
    region.classList.toggle('status-error', error);
}

/** Announces an error as the server gave it (its message and code). */
export function announceError(error) {
    announce(error.code ? `${error.message} (${error.code})` : String(error.message ?? error), { error: true });
}

/** The date today in an IANA time zone, as YYYY-MM-DD. */
export function today(timeZone) {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
