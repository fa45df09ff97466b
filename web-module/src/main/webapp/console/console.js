/**
 * FaceGate's console: sign-in, the views each kind of user may open, and the tenant's live feed.
 * Views are plain modules (`views/*.js`) with `id`, `title`, `kinds` and `render(root, context)`,
 * which may return a function that stops what the view started. The address names the view
 * (`#/cameras`), never a credential.
 *
 * @module console/console
 */
import { announce, announceError, fill, h } from './dom.js';
import { LiveFeed } from './live.js';
import { Session } from './session.js';
import clients from './views/clients.js';
import system from './views/system.js';
import people from './views/people.js';
import sessions from './views/sessions.js';
import cameras from './views/cameras.js';
import detections from './views/detections.js';
import attendance from './views/attendance.js';
import webhooks from './views/webhooks.js';
import usage from './views/usage.js';
import reports from './views/reports.js';
import me from './views/me.js';
import audit from './views/audit.js';

const VIEWS = [clients, system, detections, cameras, attendance, reports, people, sessions, webhooks, usage, audit, me];

const signInSection = document.getElementById('sign-in');
const signInForm = document.getElementById('sign-in-form');
const signInError = document.getElementById('sign-in-error');
const viewSection = document.getElementById('view');
const nav = document.getElementById('nav');
const navList = document.getElementById('nav-list');
const account = document.getElementById('account');
const liveState = document.getElementById('live-state');

/** @type {Session|null} */
let session = null;
/** @type {LiveFeed|null} */
let feed = null;
let stopView = () => {};

/** What this session may open: its kind, and for a person what their role allows. */
function kindsOf(current) {
    if (current.kind !== 'person') {
        return [current.kind];
    }
    const kinds = ['person'];
    if (current.user?.role === 'admin') {
        kinds.push('person-admin');
    }
    if (current.isStaff) {
        kinds.push('person-staff');
    }
    return kinds;
}

function allowedViews() {
    const kinds = kindsOf(session);
    return VIEWS.filter((view) => view.kinds.some((kind) => kinds.includes(kind)));
}

function showSignIn() {
    stopView();
    stopView = () => {};
    feed?.stop();
    feed = null;
    session = null;
    document.body.dataset.signedIn = 'false';
    fill(navList);
    fill(viewSection);
    nav.hidden = true;
    account.hidden = true;
    viewSection.hidden = true;
    signInSection.hidden = false;
    if (location.hash) {
        history.replaceState(null, '', location.pathname);
    }
}

function chooseKind() {
    const kind = signInForm.elements.kind.value;
    for (const element of signInForm.querySelectorAll('[data-kinds]')) {
        const shown = element.dataset.kinds.split(' ').includes(kind);
        element.hidden = !shown;
        element.querySelectorAll('input').forEach((input) => { input.disabled = !shown; });
    }
}

async function signIn(event) {
    event.preventDefault();
    signInError.hidden = true;
    const form = signInForm.elements;
    const kind = form.kind.value;
    const button = signInForm.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
        session = await Session.signIn(kind, {
            adminToken: form.admin_token.value.trim(), apiKey: form.api_key.value.trim(), apiSecret: form.api_secret.value.trim(),
            email: form.email.value.trim(), password: form.password.value,
        });
        // The credentials leave the page as soon as they were exchanged.
        signInForm.reset();
        chooseKind();
        session.onEnded = () => {
            showSignIn();
            announce('Your session ended; sign in again.', { error: true });
        };
        if (kind === 'tenant') {
            feed = new LiveFeed(session);
            feed.onState = (state) => {
                liveState.textContent = state === 'live' ? 'Live updates on' : state === 'connecting' ? 'Live updates reconnecting…' : '';
                document.body.dataset.live = state;
            };
            feed.start();
        }
        document.body.dataset.signedIn = 'true';
        document.getElementById('signed-in-as').textContent = session.label;
        account.hidden = false;
        signInSection.hidden = true;
        nav.hidden = false;
        fill(navList, allowedViews().map((view) => h('li', {}, h('a', { href: `#/${view.id}`, text: view.title, dataset: { view: view.id } }))));
        announce(`Signed in as ${session.label}.`);
        route();
    } catch (error) {
        session = null;
        signInError.textContent = error.status === 401 || error.status === 400
            ? 'Those credentials were refused.' : `Sign-in failed: ${error.message}`;
        signInError.hidden = false;
    } finally {
        button.disabled = false;
    }
}

function route() {
    if (!session) {
        return;
    }
    const views = allowedViews();
    const id = location.hash.replace(/^#\//, '');
    const view = views.find((v) => v.id === id) ?? views[0];
    if (`#/${view.id}` !== location.hash) {
        history.replaceState(null, '', `#/${view.id}`);
    }
    stopView();
    for (const link of navList.querySelectorAll('a')) {
        if (link.dataset.view === view.id) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
    const content = h('div', { class: 'view-content' });
    fill(viewSection, h('h2', { id: 'view-heading', tabindex: '-1', text: view.title }), content);
    viewSection.hidden = false;
    viewSection.dataset.view = view.id;
    document.title = `${view.title} · FaceGate console`;
    stopView = view.render(content, { session, feed }) ?? (() => {});
    document.getElementById('view-heading').focus();
}

async function signOut() {
    const ending = session;
    showSignIn();
    await ending?.signOut();
    announce('Signed out.');
    signInForm.elements.kind[0].focus();
}

signInForm.addEventListener('submit', (event) => signIn(event).catch(announceError));
signInForm.addEventListener('change', (event) => {
    if (event.target.name === 'kind') {
        chooseKind();
    }
});
document.getElementById('sign-out').addEventListener('click', () => signOut().catch(announceError));
window.addEventListener('hashchange', route);
chooseKind();
showSignIn();
