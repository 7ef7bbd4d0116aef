// The shell: signs people in, offers tenant and language, builds the navigation from the fragment registry
// (GET /api/v1/ui-fragments) and loads each fragment as an ES module at run time. A fragment exports
// `messages` ({en, 'zh-CN'}, with at least `title`) and `render(container, context)`; see README "Screens from
// your bundle". A fragment that fails to load or to render shows its error in its place; the rest goes on.

import { createApi, idempotencyKey, readJson } from './api.js';
import { charts } from './charts.js';
import * as decimal from './decimal.js';
import { field, h, table } from './dom.js';
import { LANGUAGES, formats, preferredLanguage, translator } from './i18n.js';
import { messages as shellMessages } from './messages.js';
import { qrImage } from './qr.js';

const LANGUAGE_KEY = 'receivables.language';
const TENANTS_KEY = 'receivables.tenants';
const REGISTRY_POLL_MILLIS = 30000;
const LANDING = 'core.dashboard';
const RETRY_MILLIS = 5000;
const app = document.getElementById('app');

const state = {
  language: preferredLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages),
  session: null,
  fragments: [],
  modules: new Map(),
  attempts: new Map(),
  view: null,
  events: null,
  listeners: new Set(),
};

const api = createApi({
  csrfToken: () => state.session && state.session.csrfToken,
  onUnauthenticated: () => {
    if (state.session) signedOut();
  },
});

const t = (key, values) => translator(shellMessages, state.language, 'shell')(key, values);
const format = () => formats(state.language, state.session && state.session.timeZone);

function recentTenants() {
  try {
    const stored = JSON.parse(localStorage.getItem(TENANTS_KEY) || '[]');
    return Array.isArray(stored) ? stored.filter((tenant) => typeof tenant === 'string') : [];
  } catch (unreadable) {
    return [];
  }
}

function remember(tenant) {
  localStorage.setItem(TENANTS_KEY, JSON.stringify([tenant, ...recentTenants().filter((t2) => t2 !== tenant)].slice(0, 8)));
}

function setLanguage(code) {
  state.language = code;
  localStorage.setItem(LANGUAGE_KEY, code);
  document.documentElement.lang = code;
  if (state.session) renderApp(); else renderSignIn();
}

function languageSelect() {
  const select = h('select', { onchange: () => setLanguage(select.value) },
    LANGUAGES.map((language) => h('option', { value: language.code, textContent: language.name,
      selected: language.code === state.language, lang: language.code })));
  return field(t('language'), select);
}

// ---- sign-in ---------------------------------------------------------------------------------------------------

function renderSignIn(tenantHint, notice) {
  stopEvents();
  document.title = `${t('signInTitle')} · ${t('product')}`;
  const tenant = h('input', { name: 'tenant', required: true, autocomplete: 'organization',
    value: tenantHint || recentTenants()[0] || '' });
  const username = h('input', { name: 'username', required: true, autocomplete: 'username' });
  const password = h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const totp = h('input', { name: 'totp', inputMode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}' });
  const totpField = field(t('totp'), totp);
  totpField.hidden = true;
  const newPassword = h('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password', minLength: 12 });
  const newPasswordField = field(t('newPassword'), newPassword);
  newPasswordField.hidden = true;
  const message = h('p', { className: 'problem', role: 'alert' });
  const submit = h('button', { type: 'submit', className: 'primary', textContent: t('signIn') });
  const form = h('form', { className: 'sign-in card', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title', textContent: t('signInTitle') }),
    field(t('tenant'), tenant), field(t('username'), username), field(t('password'), password), newPasswordField, totpField,
    message, submit);
  if (notice) message.textContent = notice;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    submit.textContent = t('signingIn');
    message.textContent = '';
    const body = { tenant: tenant.value.trim(), username: username.value.trim(), password: password.value };
    if (!totpField.hidden && totp.value) body.totp = totp.value.trim();
    if (!newPasswordField.hidden && newPassword.value) body.newPassword = newPassword.value;
    try {
      const session = await api.json('/api/v1/session', { method: 'POST', body });
      remember(session.tenant || body.tenant);
      signedIn(session);
    } catch (problem) {
      if (problem.problem && problem.problem.passwordChangeRequired) {
        newPasswordField.hidden = false;
        newPassword.required = true;
        message.textContent = newPassword.value ? problem.message : t('newPasswordNeeded');
        newPassword.focus();
      } else if (problem.problem && problem.problem.totpRequired) {
        totpField.hidden = false;
        message.textContent = totp.value ? problem.message : t('totpNeeded');
        totp.focus();
      } else {
        message.textContent = problem.status ? problem.message : t('networkError', { reason: problem.message });
      }
      submit.disabled = false;
      submit.textContent = t('signIn');
    }
  });
  app.replaceChildren(h('main', { className: 'sign-in-page', id: 'content' },
    h('p', { className: 'brand', textContent: t('product') }), form, h('div', { className: 'sign-in-language' }, languageSelect())));
  (tenant.value ? username : tenant).focus();
}

async function signedIn(session) {
  // Times are shown in the tenant's time zone, wherever the browser is.
  const profile = await api.json('/api/v1/tenant').catch(() => null);
  state.session = { ...session, timeZone: profile && profile.timeZone, tenantName: profile && profile.name };
  state.fragments = [];
  renderApp();
  startEvents();
}

function signedOut(notice) {
  const tenant = state.session && state.session.tenant;
  state.session = null;
  state.view = null;
  renderSignIn(tenant, notice);
}

async function signOut() {
  await api.fetch('/api/v1/session', { method: 'DELETE' }).catch(() => null);
  signedOut();
}

// ---- the frame: header, navigation, content ---------------------------------------------------------------------

function renderApp() {
  closeView();
  document.documentElement.lang = state.language;
  const session = state.session;
  const tenants = recentTenants();
  const tenantSelect = h('select', {
    onchange: async () => {
      const chosen = tenantSelect.value;
      await api.fetch('/api/v1/session', { method: 'DELETE' }).catch(() => null);
      state.session = null;
      renderSignIn(chosen === '' ? '' : chosen);
    },
  }, [...new Set([session.tenant, ...tenants])].map((tenant) => h('option', { value: tenant, textContent: tenant,
    selected: tenant === session.tenant })), h('option', { value: '', textContent: t('otherTenant') }));
  const live = h('span', { className: 'live', id: 'live', role: 'status', textContent: state.events && state.events.readyState === 1 ? t('live') : '' });
  const user = session.user || {};
  const header = h('header', { className: 'top' },
    h('a', { className: 'skip', href: '#content', textContent: t('skipToContent') }),
    h('span', { className: 'brand', textContent: session.tenantName ? `${t('product')} · ${session.tenantName}` : t('product') }),
    h('div', { className: 'switches' }, field(t('switchTenant'), tenantSelect), languageSelect()),
    live,
    h('span', { className: 'user', textContent: t('signedInAs', { name: user.displayName || user.username || '' }) }),
    h('button', { type: 'button', onclick: signOut, textContent: t('signOut') }));
  const nav = h('nav', { className: 'side', 'aria-label': t('navigation'), id: 'navigation' });
  const content = h('main', { id: 'content', tabIndex: -1 });
  const alerts = h('div', { className: 'alerts', id: 'alerts', 'aria-live': 'polite' });
  app.replaceChildren(header, h('div', { className: 'frame' }, nav, content), alerts);
  refreshRegistry();
}

/** Fragments the person sees in the navigation: slots without a dot; dotted slots are places inside screens. */
const navigable = (fragment) => !fragment.slot.includes('.');

function allowed(fragment) {
  const roles = Array.isArray(fragment.roles) ? fragment.roles : [];
  const mine = (state.session && state.session.roles) || [];
  return roles.length === 0 || roles.some((role) => mine.includes(role));
}

/** The dashboard is where people land and the first entry of its group; the rest keep the registry's order. */
const landingFirst = (fragments) => [...fragments].sort((a, b) => (b.id === LANDING) - (a.id === LANDING));

async function refreshRegistry() {
  if (!state.session) return;
  let listed;
  try {
    listed = await api.json('/api/v1/ui-fragments');
  } catch (problem) {
    return;
  }
  const fragments = (listed || []).filter(allowed);
  await Promise.all(fragments.map(load));
  const changed = JSON.stringify(fragments.map((f) => [f.id, f.resourcePath]))
    !== JSON.stringify(state.fragments.map((f) => [f.id, f.resourcePath]));
  state.fragments = fragments;
  renderNav();
  // A bundle came or went: the screen shown is built again, so that what it placed from that bundle follows.
  if (changed) closeView();
  if (!state.view) route();
}

/** The fragment's module, imported once per path; a failure is kept and shown where the fragment would be. */
function load(fragment) {
  if (!state.modules.has(fragment.resourcePath)) {
    const attempt = (state.attempts.get(fragment.resourcePath) || 0) + 1;
    state.attempts.set(fragment.resourcePath, attempt);
    // The browser remembers a failed module by its address: a later attempt asks under another one.
    const loading = import(attempt === 1 ? fragment.resourcePath : `${fragment.resourcePath}?attempt=${attempt}`)
      .then((module) => {
        if (typeof module.render !== 'function') throw new Error('the module exports no render function');
        return { module };
      })
      .catch((error) => {
        // Tried again after a while: the navigation loads it anew, and shows it healthy once it loads.
        setTimeout(() => {
          state.modules.delete(fragment.resourcePath);
          renderNav();
        }, RETRY_MILLIS);
        return { error };
      });
    state.modules.set(fragment.resourcePath, loading);
  }
  return state.modules.get(fragment.resourcePath);
}

async function titleOf(fragment) {
  const loaded = await load(fragment);
  const bundle = loaded.module && loaded.module.messages;
  return bundle ? translator(bundle, state.language, fragment.id)('title') : fragment.title;
}

async function renderNav() {
  const nav = document.getElementById('navigation');
  if (!nav) return;
  const slots = [...new Set(state.fragments.filter(navigable).map((fragment) => fragment.slot))]
    .sort((a, b) => (a === 'main' ? -1 : b === 'main' ? 1 : a.localeCompare(b)));
  const current = currentRoute().id;
  const groups = await Promise.all(slots.map(async (slot) => {
    const items = await Promise.all(landingFirst(state.fragments.filter((f) => f.slot === slot)).map(async (fragment) => {
      const loaded = await load(fragment);
      return h('li', {}, h('a', {
        href: `#/${encodeURIComponent(fragment.id)}`,
        textContent: await titleOf(fragment),
        className: loaded.error ? 'broken' : '',
        'aria-current': fragment.id === current ? 'page' : null,
        'data-fragment': fragment.id,
      }));
    }));
    const heading = shellMessages[state.language][`slot.${slot}`] ? t(`slot.${slot}`) : null;
    return h('section', {}, heading ? h('h2', { textContent: heading }) : null, h('ul', {}, items));
  }));
  nav.replaceChildren(...groups);
}

// ---- routing and fragments ---------------------------------------------------------------------------------------

function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  return { id: decodeURIComponent(path || ''), params: Object.fromEntries(new URLSearchParams(query || '')) };
}

function navigate(id, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const target = `#/${encodeURIComponent(id)}${query.toString() ? `?${query}` : ''}`;
  if (location.hash === target) route(); else location.hash = target;
}

function route() {
  const content = document.getElementById('content');
  if (!content || !state.session) return;
  const { id, params } = currentRoute();
  const pages = landingFirst(state.fragments.filter(navigable));
  if (pages.length === 0) {
    content.replaceChildren(h('p', { textContent: t('nothingInstalled') }));
    return;
  }
  const fragment = pages.find((f) => f.id === id);
  if (!fragment) {
    if (id && state.view && state.view.id === id) {
      closeView();
      content.replaceChildren(h('p', { className: 'problem', textContent: t('fragmentGone') }));
      return;
    }
    navigate(pages[0].id);
    return;
  }
  const key = `${id}?${new URLSearchParams(params)}`;
  if (state.view && state.view.key === key) return;
  closeView();
  const container = h('section', { className: 'fragment', 'data-fragment': fragment.id, 'aria-busy': 'true' });
  content.replaceChildren(container);
  const controller = new AbortController();
  state.view = { id, key, controller };
  mount(fragment, container, { params, signal: controller.signal }).then(() => {
    document.querySelectorAll('#navigation a').forEach((a) =>
      (a.dataset.fragment === id ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current')));
  });
}

function closeView() {
  if (state.view) state.view.controller.abort();
  state.view = null;
}

/** Renders a fragment into container; its load or render failure shows there and goes no further. */
async function mount(fragment, container, { params = {}, signal, data } = {}) {
  container.replaceChildren(h('p', { className: 'muted', textContent: t('loading') }));
  const loaded = await load(fragment);
  const failed = (error) => {
    console.warn(`fragment ${fragment.id} failed`, error);
    container.replaceChildren(h('div', { className: 'fragment-error', role: 'alert' },
      h('strong', { textContent: fragment.title }), ' ',
      t('fragmentFailed', { reason: (error && error.message) || String(error) })));
  };
  container.removeAttribute('aria-busy');
  if (loaded.error) {
    failed(loaded.error);
    return;
  }
  const context = contextFor(fragment, loaded.module, { params, signal, data });
  container.replaceChildren();
  try {
    await loaded.module.render(container, context);
  } catch (error) {
    failed(error);
  }
}

function contextFor(fragment, module, { params, signal, data }) {
  const fragmentT = translator(module.messages || {}, state.language, fragment.id);
  return {
    fetch: api.fetch,
    json: api.json,
    problemOf: api.problemOf,
    upload: api.upload,
    readJson,
    idempotencyKey,
    t: fragmentT,
    language: state.language,
    format: format(),
    decimal,
    h,
    field,
    table,
    qrImage,
    charts,
    session: state.session,
    params,
    signal,
    data,
    navigate,
    /** Renders every fragment of a dotted slot (e.g. payment.instructions) that matches, into container. */
    async slot(name, container, slotData, matches = () => true) {
      const chosen = state.fragments.filter((f) => f.slot === name && matches(f));
      container.replaceChildren(...chosen.map((f) => h('div', { className: 'slot', 'data-fragment': f.id })));
      await Promise.all(chosen.map((f, i) => mount(f, container.children[i], { signal, data: slotData })));
      return chosen.length;
    },
    /** Calls handler with each live event whose topic starts with prefix, until the screen is left. */
    on(prefix, handler) {
      const listener = { prefix, handler };
      state.listeners.add(listener);
      if (signal) signal.addEventListener('abort', () => state.listeners.delete(listener));
    },
  };
}

// ---- live events ------------------------------------------------------------------------------------------------

function startEvents() {
  stopEvents();
  const source = new EventSource('/api/v1/events');
  state.events = source;
  const live = () => document.getElementById('live');
  source.addEventListener('open', () => { if (live()) live().textContent = t('live'); });
  source.addEventListener('error', () => {
    if (live()) live().textContent = t('offline');
  });
  source.addEventListener('fragments', () => refreshRegistry());
  source.addEventListener('business', (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (unreadable) {
      return;
    }
    alert(event);
    for (const listener of [...state.listeners]) {
      if (event.topic.startsWith(listener.prefix)) {
        try {
          listener.handler(event);
        } catch (error) {
          console.warn('a live-event handler failed', error);
        }
      }
    }
  });
}

function stopEvents() {
  if (state.events) state.events.close();
  state.events = null;
}

function alert(event) {
  const alerts = document.getElementById('alerts');
  if (!alerts) return;
  const f = format();
  const amount = event.amount && event.currency ? f.money({ amount: event.amount, currency: event.currency }) : '';
  const [, subject, what] = event.topic.split('/');
  // Alerts name what happened too: a large payment is told apart from any payment received.
  const alertTopics = ['installment/OVERDUE', 'promise/BROKEN', 'credit/LIMIT_EXCEEDED', 'payment/LARGE'];
  const kind = alertTopics.includes(`${subject}/${what}`) ? `${subject}.${what}` : subject;
  const known = ['invoice', 'payment', 'creditnote', 'writeoff', 'intent'].includes(kind) || alertTopics.includes(`${subject}/${what}`);
  const limit = event.limit && event.currency ? f.money({ amount: event.limit, currency: event.currency }) : '';
  const text = t(known ? `event.${kind}` : 'event.other', { number: event.invoiceNumber || event.creditNoteNumber || '',
    invoice: event.invoiceNumber || '', amount, status: event.status || '', topic: event.topic,
    days: event.daysOverdue || '', promisedFor: event.promisedFor ? f.day(event.promisedFor) : '', limit });
  const item = h('div', { className: 'alert', role: 'status' }, h('span', { textContent: text }),
    h('button', { type: 'button', className: 'link', textContent: t('dismiss'), onclick: () => item.remove() }));
  alerts.prepend(item);
  while (alerts.children.length > 4) alerts.lastChild.remove();
  setTimeout(() => item.remove(), 15000);
}

// ---- start ----------------------------------------------------------------------------------------------------

window.addEventListener('hashchange', route);
window.addEventListener('focus', () => refreshRegistry());
setInterval(() => refreshRegistry(), REGISTRY_POLL_MILLIS);
document.documentElement.lang = state.language;

(async () => {
  try {
    const response = await api.fetch('/api/v1/session');
    if (response.ok) {
      signedIn(await response.json());
      return;
    }
  } catch (unreachable) {
    renderSignIn(undefined, t('networkError', { reason: unreachable.message }));
    return;
  }
  renderSignIn();
})();
