// The lane console's boot: language, masthead, signing in and out, and wiring the live board
// (board.js, queue.js), the arrival dialog (arrival.js), the feed (feed.js) and, for
// supervisors, the risk settings (supervisor.js). It holds no rules of its own.
import { ApiError, get } from '/shared/api.js';
import { $, say } from '/shared/dom.js';
import { clearErrors, failure, setFieldError, showErrors } from '/shared/forms.js';
import { initI18n, t } from '/shared/i18n.js';
import { formatTime } from '/shared/format.js';
import { masthead } from '/shared/masthead.js';
import { currentAccount, signIn, signOut } from '/shared/session.js';
import { ArrivalDialog } from './arrival.js';
import { Board } from './board.js';
import { connectFeed } from './feed.js';
import { Queue } from './queue.js';
import { RiskSettings } from './supervisor.js';

const CONSOLE_ROLES = ['OFFICER', 'SUPERVISOR'];
/** Enough to fill every lane's rows after a (re)connect; the engine allows up to 500. */
const CATCH_UP = 300;

let head;
let dialog;
let risk;
/** The signed-in console: account, board, queue, feed, and the feed's last state. */
let current = null;

function announce(text) {
  const region = $('announcer');
  region.textContent = '';
  // A fresh text node after a tick, so the same words said twice are said twice.
  setTimeout(() => { region.textContent = text; }, 50);
}

function showOnly(sectionId) {
  ['loading', 'signin', 'board-view', 'risk-view'].forEach((id) => { $(id).hidden = id !== sectionId; });
}

/** The sign-in form, with a notice ({key, params}) when there is one. */
function showSignIn(notice) {
  showOnly('signin');
  $('views').hidden = true;
  head.showAccount(null);
  say($('signin-notice'), notice);
  $('signin-email').focus();
}

// ---- views ----

function showView(name) {
  const board = name === 'board';
  $('view-board').setAttribute('aria-current', board ? 'page' : 'false');
  $('view-risk').setAttribute('aria-current', board ? 'false' : 'page');
  showOnly(board ? 'board-view' : 'risk-view');
  if (!board) {
    risk.load().catch((e) => showErrors($('watchlist-form'), e));
  }
}

// ---- the feed's state, said in words and colour ----

function renderConnection() {
  if (!current) {
    return;
  }
  const { state, attempt, nextTryMs, dropped } = current.feedState;
  const pill = $('connection');
  let text;
  if (state === 'live') {
    text = t('console.feed.live');
  } else if (state === 'connecting') {
    text = dropped ? t('console.feed.reconnecting', { attempt }) : t('console.feed.connecting');
  } else {
    text = t('console.feed.down', { seconds: Math.max(1, Math.round((nextTryMs || 0) / 1000)) });
  }
  pill.className = `connection ${state === 'live' ? 'live' : (state === 'down' || dropped ? 'down' : 'connecting')}`;
  pill.textContent = text;
  const notLive = state !== 'live' && (state === 'down' || dropped);
  $('stale').hidden = !notLive;
  $('stale').textContent = notLive ? t('console.feed.stale') : '';
  $('reconnect-now').hidden = state !== 'down';
  $('board-view').classList.toggle('stale', notLive);
}

function onFeedState(feedState) {
  const wasLive = current.feedState.state === 'live';
  current.feedState = feedState;
  renderConnection();
  if (feedState.state === 'live') {
    catchUp();
    if (current.everLive) {
      announce(t('console.feed.back'));
    }
    current.everLive = true;
  } else if (wasLive) {
    announce(t('console.feed.lost'));
  }
}

/** After (re)connecting: what the engine remembers of recent arrivals, for what the feed missed. */
async function catchUp() {
  const session = current;
  const askedAt = session.board.seq;
  try {
    // The newest arrivals for the lanes, and every REFER still waiting however old: a truck
    // waits at a closed gate for each, so none may drop off the queue on a reload.
    const [recent, waiting] = await Promise.all([
      get(`/api/v1/arrivals?limit=${CATCH_UP}`),
      get('/api/v1/arrivals?awaiting=officer'),
    ]);
    if (current === session) {
      const newest = recent.arrivals || [];
      const shown = new Set(newest.map((a) => a.arrivalId));
      session.board.merge(newest.concat((waiting.arrivals || []).filter((a) => !shown.has(a.arrivalId))), askedAt);
    }
  } catch (e) {
    // The feed carries on; its next reconnect catches up again.
  }
}

function onFeedMessage(message) {
  const { board } = current;
  switch (message.kind) {
    case 'hello':
      board.hello(message);
      break;
    case 'decision':
    case 'arrival':
    case 'override':
      board.upsert(message, true);
      break;
    case 'gate':
      board.gate(message);
      break;
    case 'lane':
      board.laneState(message);
      break;
    case 'hold':
      board.hold(message);
      break;
    case 'feed':
      showRegistryFeed(message);
      break;
    case 'alert':
      showAlert(message);
      break;
    default:
      break; // a kind this page does not know yet
  }
}

/**
 * A lane engine cut off from the registry (role lane) says so every few seconds: it goes on
 * deciding from what it holds, and the officers must know that a bundle made since is not known here.
 */
function showRegistryFeed(feed) {
  const banner = $('registry-feed');
  banner.hidden = !feed.behind;
  banner.textContent = feed.behind
    ? t('console.registryFeed.behind', { since: feed.behindSince ? formatTime(feed.behindSince) : '?' })
    : '';
}

/** A bundle released at two control points: the registry suspects a cloned plate. Kept until reload. */
function showAlert(alert) {
  if (alert.alert !== 'SUSPECTED_CLONE') {
    return;
  }
  const list = $('alerts');
  const item = document.createElement('li');
  item.textContent = t('console.alert.clone', { bundle: alert.bundleId, detail: alert.detail });
  list.prepend(item);
  list.hidden = false;
  announce(item.textContent);
}

// ---- signed in ----

async function start(account) {
  const settings = await get('/api/v1/settings');
  head.showAccount(account);
  // Officers have one view, so no tabs; supervisors switch between the board and risk settings.
  $('views').hidden = account.role !== 'SUPERVISOR';
  $('view-risk').hidden = account.role !== 'SUPERVISOR';
  const queue = new Queue({ list: $('queue-list'), empty: $('queue-empty'), title: $('queue-title') }, {
    onOpen: (id, opener) => dialog.open(id, opener),
    applied: (detail) => current && current.board.upsert(detail, true),
    announce,
  });
  const board = new Board({ controlPoints: $('control-points'), lanes: $('lanes') }, {
    onOpen: (id, opener) => dialog.open(id, opener),
    onChange: (arrival, previous, live) => {
      queue.change(arrival, previous, live);
      if (dialog.isOpen(arrival.arrivalId)) {
        dialog.refresh(arrival);
      }
    },
    onSelect: (code) => queue.select(code),
    isOpen: (id) => dialog.isOpen(id),
  });
  current = { account, board, queue, feed: null, feedState: { state: 'connecting', dropped: false }, everLive: false };
  board.setSettings(settings);
  showView('board');
  renderConnection();
  current.feed = connectFeed({
    onMessage: onFeedMessage,
    onState: onFeedState,
    onSignedOut: () => {
      stop();
      showSignIn({ key: 'console.signin.expired' });
    },
  });
  $('main').focus({ preventScroll: true });
}

/** Leaves nothing of the last session on the page: no rows, no cards, no open feed. */
function stop() {
  if (!current) {
    return;
  }
  current.feed?.stop();
  current = null;
  if (dialog.dialog.open) {
    dialog.dialog.close();
  }
  $('control-points').replaceChildren();
  $('lanes').replaceChildren();
  $('queue-list').replaceChildren();
}

async function onSignOut() {
  stop();
  try {
    await signOut();
  } catch (e) {
    // The session may already be gone with the engine; the page is signed out either way.
  }
  showSignIn(null);
}

async function onSignIn(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  say($('signin-notice'), null);
  const email = $('signin-email');
  const password = $('signin-password');
  if (!email.value.trim()) {
    setFieldError(email, t('console.signin.emailRequired'));
  }
  if (!password.value) {
    setFieldError(password, t('console.signin.passwordRequired'));
  }
  if (!email.value.trim() || !password.value) {
    form.querySelector('[aria-invalid="true"]').focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const account = await signIn(email.value.trim(), password.value);
    if (!CONSOLE_ROLES.includes(account.role)) {
      await signOut();
      showErrors(form, { status: 403, message: t('console.signin.wrongRole', { role: t(`role.${account.role}`) }), fieldErrors: new Map() });
      return;
    }
    password.value = '';
    await start(account);
  } catch (e) {
    let message = e.message;
    if (e instanceof ApiError && e.status === 401) {
      message = t('signin.failed');
    } else if (e instanceof ApiError && e.status === 403) {
      message = t('signin.inactive', { status: e.message });
    }
    showErrors(form, e instanceof ApiError && e.fieldErrors.size > 0 ? e : { status: e.status, message, fieldErrors: new Map() });
    password.focus();
  } finally {
    button.disabled = false;
  }
}

function relabel() {
  document.title = t('console.pageTitle');
  if (current) {
    current.board.relabel();
    current.queue.relabel();
    renderConnection();
  }
  dialog.relabel();
  risk.relabel();
}

async function boot() {
  await initI18n('console');
  document.title = t('console.pageTitle');
  head = masthead(document.querySelector('.masthead'), 'console.title', onSignOut);
  dialog = new ArrivalDialog($('arrival'), (detail) => current && current.board.upsert(detail, true),
    () => (current ? current.account : null));
  risk = new RiskSettings($('risk-view'));
  $('signin-form').addEventListener('submit', onSignIn);
  $('view-board').addEventListener('click', () => showView('board'));
  $('view-risk').addEventListener('click', () => showView('risk'));
  $('reconnect-now').addEventListener('click', () => current && current.feed.reconnectNow());
  document.addEventListener('languagechange', relabel);
  let account;
  try {
    account = await currentAccount();
  } catch (e) {
    showSignIn({ key: 'error.unreachable' });
    return;
  }
  if (account && CONSOLE_ROLES.includes(account.role)) {
    try {
      await start(account);
    } catch (e) {
      stop();
      showSignIn(failure(e));
    }
  } else {
    showSignIn(account ? { key: 'console.signin.wrongRole', params: { role: () => t(`role.${account.role}`) } } : null);
  }
}

boot();
