// The console's shell: sign-in state, navigation, language, and a small hash router.
import { h, fill } from './dom.js';
import { t, language, setLanguage } from './i18n.js';
import { loadConfig, completeSignIn, session, signIn, signOut, signInConfigured, can } from './auth.js';
import { whenUnauthorized } from './api.js';
import { tickClocks, problem } from './ui.js';
import { board } from './pages/board.js';
import { incident } from './pages/incident.js';
import { bia, processPage, assetPage } from './pages/bia.js';
import { plans, planPage } from './pages/plans.js';
import { lessons } from './pages/lessons.js';

const ANY = ['bcm-manager', 'process-owner', 'plan-owner', 'incident-commander', 'recovery-team', 'soc-intake', 'management', 'auditor'];
const INCIDENT_READERS = ['incident-commander', 'recovery-team', 'management', 'auditor', 'bcm-manager', 'soc-intake'];
const BIA_READERS = ANY.filter((r) => r !== 'soc-intake');
const LESSON_READERS = ['management', 'bcm-manager', 'incident-commander', 'auditor', 'process-owner'];

const NAV = [
  { path: '#/', key: 'nav.board', roles: INCIDENT_READERS },
  { path: '#/bia', key: 'nav.bia', roles: BIA_READERS },
  { path: '#/plans', key: 'nav.plans', roles: ANY },
  { path: '#/lessons', key: 'nav.lessons', roles: LESSON_READERS },
];

const ROUTES = [
  [/^#?\/?$/, board],
  [/^#\/incidents\/([^/]+)$/, incident],
  [/^#\/bia$/, bia],
  [/^#\/bia\/processes\/([^/]+)$/, processPage],
  [/^#\/bia\/assets\/([^/]+)$/, assetPage],
  [/^#\/plans$/, plans],
  [/^#\/plans\/([^/]+)$/, planPage],
  [/^#\/lessons$/, lessons],
];

let cleanup = () => {};
let signInError = null;

function renderShell() {
  document.documentElement.lang = language();
  document.getElementById('skip-link').textContent = t('skipToContent');
  const s = session();
  const current = location.hash || '#/';
  fill(
    document.getElementById('nav'),
    s
      ? h(
          'ul',
          {},
          NAV.filter((item) => can(...item.roles)).map((item) => {
            const active = item.path === '#/' ? current === '#/' || current.startsWith('#/incidents') : current.startsWith(item.path);
            return h('li', {}, h('a', { href: item.path, 'aria-current': active ? 'page' : null }, t(item.key)));
          }),
        )
      : null,
  );
  document.getElementById('nav').setAttribute('aria-label', t('nav.label'));
  const other = language() === 'nl' ? 'en' : 'nl';
  fill(
    document.getElementById('session'),
    h(
      'button',
      { type: 'button', class: 'link', id: 'language', lang: other, onclick: () => { setLanguage(other); route(); } },
      other === 'nl' ? 'Nederlands' : 'English',
    ),
    s
      ? [
          h('span', { class: 'who', id: 'who' }, t('signedInAs', { name: s.name }), ' ', h('span', { class: 'roles' }, `(${s.roles.join(', ')})`)),
          h('button', { type: 'button', id: 'sign-out', onclick: () => { signOut(); route(); } }, t('signOut')),
        ]
      : null,
  );
}

function welcome(main) {
  fill(
    main,
    h('h1', { tabindex: '-1', id: 'page-title' }, t('welcome.title')),
    h('p', {}, t('welcome.text')),
    signInError ? problem({ title: t('signInFailed'), detail: signInError }) : null,
    signInConfigured()
      ? h('button', { type: 'button', class: 'primary', id: 'sign-in', onclick: () => signIn() }, t('signIn'))
      : h('p', { class: 'problem', role: 'alert' }, t('signInNotConfigured')),
    h('p', {}, h('a', { href: '/api/docs' }, t('apiDocs'))),
  );
  document.title = `${t('welcome.title')} — Herstel`;
}

async function route() {
  cleanup();
  cleanup = () => {};
  renderShell();
  const main = document.getElementById('main');
  if (!session()) {
    welcome(main);
    return;
  }
  const hash = location.hash || '#/';
  for (const [pattern, page] of ROUTES) {
    const m = pattern.exec(hash);
    if (m) {
      fill(main);
      try {
        const done = await page(main, ...m.slice(1).map(decodeURIComponent));
        if (typeof done === 'function') cleanup = done;
      } catch (e) {
        main.append(problem(e));
      }
      const title = document.getElementById('page-title');
      document.title = `${title ? title.textContent : ''} — Herstel`;
      if (focusOnRoute && title) title.focus();
      focusOnRoute = true;
      return;
    }
  }
  fill(main, h('h1', { tabindex: '-1', id: 'page-title' }, t('notFound')), h('p', {}, h('a', { href: '#/' }, t('nav.board'))));
}

let focusOnRoute = false;

async function start() {
  await loadConfig();
  signInError = await completeSignIn();
  whenUnauthorized(() => {
    sessionStorage.removeItem('herstel.token');
    route();
  });
  window.addEventListener('hashchange', route);
  setInterval(tickClocks, 1000);
  await route();
}

start();
