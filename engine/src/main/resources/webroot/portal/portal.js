// The trader portal: boots the page (languages, masthead, session), then routes between views by
// the URL's hash (#/lodge, #/consignments, ...). Each view lives in its own module; this one only
// decides which may show, to whom, and keeps the navigation honest about where the reader is.
import { $, focusOn } from '/shared/dom.js';
import { initI18n, t } from '/shared/i18n.js';
import { masthead } from '/shared/masthead.js';
import { currentAccount, signOut } from '/shared/session.js';
import * as batch from './batch.js';
import * as bundles from './bundles.js';
import * as consignments from './consignments.js';
import * as lodge from './lodge.js';
import * as register from './register.js';
import * as signin from './signin.js';
import * as templates from './templates.js';
import * as vehicles from './vehicles.js';

const TRADER = ['SHIPPER', 'AGENT'];
const TRUCKER = ['TRUCKER'];

/** Which roles may open each view; null: anyone, signed in or not. */
const VIEWS = {
  signin: { module: signin, roles: null },
  register: { module: register, roles: null },
  elsewhere: { module: null, roles: ['OFFICER', 'SUPERVISOR', 'ADMIN'] },
  lodge: { module: lodge, roles: TRADER },
  consignments: { module: consignments, roles: TRADER },
  batch: { module: batch, roles: TRADER },
  templates: { module: templates, roles: TRADER },
  bundles: { module: bundles, roles: TRUCKER },
  vehicles: { module: vehicles, roles: TRUCKER },
};

let account = null;
let header = null;
let firstView = true;
/** Where someone was going when they were asked to sign in first. */
let wanted = null;

function home() {
  if (!account) {
    return 'signin';
  }
  if (TRADER.includes(account.role)) {
    return 'lodge';
  }
  return TRUCKER.includes(account.role) ? 'bundles' : 'elsewhere';
}

/** "#/lodge/amend/2611..." -> ['lodge', 'amend', '2611...']; anything else (e.g. the skip link's #main) -> null. */
function parseHash() {
  const hash = location.hash;
  if (!hash.startsWith('#/')) {
    return null;
  }
  return hash.slice(2).split('/').map((part) => decodeURIComponent(part));
}

function allowed(name) {
  const view = VIEWS[name];
  if (!view) {
    return false;
  }
  if (view.roles === null) {
    // Sign-in and registration are for people who are not signed in.
    return !account;
  }
  return !!account && view.roles.includes(account.role);
}

function showNav() {
  const nav = $('portal-nav');
  nav.hidden = !account;
  nav.querySelectorAll('[data-roles]').forEach((link) => {
    link.hidden = !account || !link.dataset.roles.split(' ').includes(account.role);
  });
}

async function route() {
  const parts = parseHash();
  if (parts === null) {
    return;
  }
  const [name, ...args] = parts;
  if (!allowed(name)) {
    const target = home();
    if (name !== target) {
      if (!account && VIEWS[name] && VIEWS[name].roles !== null) {
        wanted = location.hash;
      }
      location.replace(`#/${target}`);
      return;
    }
  }
  document.querySelectorAll('[data-view]').forEach((section) => {
    section.hidden = section.dataset.view !== name;
  });
  document.querySelectorAll('#portal-nav [data-route]').forEach((link) => {
    if (link.dataset.route === name) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  const section = document.querySelector(`[data-view="${name}"]`);
  // Moving focus to the new view's heading tells keyboard and screen-reader users the page changed;
  // on the first load the browser's own start is better.
  if (!firstView) {
    focusOn(section.querySelector('h1'));
  }
  firstView = false;
  const view = VIEWS[name];
  if (view.module && view.module.show) {
    await view.module.show(args, account);
  }
}

/** Changes the hash (the hashchange event then routes), or routes at once if it is already there. */
function go(hash) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

function signedIn(who) {
  account = who;
  header.showAccount(account);
  showNav();
  const target = wanted && allowed(wanted.slice(2).split('/')[0]) ? wanted : `#/${home()}`;
  wanted = null;
  go(target);
}

/**
 * Signing out reloads the page: every form, list and cached answer of the last account is gone,
 * so the next person at a shared counter sees nothing of it.
 */
async function onSignOut() {
  try {
    await signOut();
  } finally {
    location.hash = '#/signin';
    location.reload();
  }
}

function sessionEnded() {
  if (!account) {
    return;
  }
  account = null;
  header.showAccount(null);
  showNav();
  signin.sessionEnded();
  go('#/signin');
}

async function boot() {
  const loading = $('portal-loading');
  const problem = $('portal-problem');
  try {
    await initI18n('portal');
  } catch (e) {
    loading.hidden = true;
    problem.textContent = `The portal could not load its texts: ${e.message}`;
    return;
  }
  header = masthead(document.querySelector('header.masthead'), 'portal.title', onSignOut);
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    // The hash is the router's; the skip link moves focus without changing it.
    event.preventDefault();
    focusOn($('main'));
  });
  Object.values(VIEWS).forEach((view) => view.module && view.module.init && view.module.init());
  signin.onSignedIn(signedIn);
  document.addEventListener('portal:session-ended', sessionEnded);
  try {
    account = await currentAccount();
  } catch (e) {
    problem.textContent = t('error.unreachable');
  }
  loading.hidden = true;
  header.showAccount(account);
  showNav();
  window.addEventListener('hashchange', route);
  if (parseHash() === null) {
    location.replace(`#/${home()}`);
  } else {
    route();
  }
}

boot();
