// The admin desk's boot: language, masthead, the admin token (asked for, checked, kept for this
// tab), then the registration queue (registrations.js), the accounts with suspension, reinstatement
// and token rotation (accounts.js), staff accounts (staff.js) and lane devices (devices.js).
// Not every engine serves every panel: a lane engine has no registration queue (no public
// registration there), the registry no lane devices. A panel whose route answers 404 hides itself.

import { $, say } from '/shared/dom.js';
import { clearErrors, failure, setFieldError, showErrors } from '/shared/forms.js';
import { initI18n, t } from '/shared/i18n.js';
import { masthead } from '/shared/masthead.js';
import { Accounts } from './accounts.js';
import { Devices } from './devices.js';
import { Registrations } from './registrations.js';
import { StaffAccounts } from './staff.js';
import {
  adminCall, forgetToken, keepToken, refusal, storedToken, whenRefused,
} from './token.js';

/** Asked with the token to check it: served by the engine in every role, to the admin only. */
const TOKEN_CHECK = '/api/v1/admin/accounts?role=ADMIN';

let head;
let registrations;
let accounts;
let staff;
let devices;
let open = false;

/** The masthead says how the desk was opened: by token, not by a person's account. */
function showHolder() {
  head.showAccount(open ? { name: t('admin.who'), role: 'ADMIN' } : null);
}

/** The token form, with a notice above it ({key, params}) when there is one. */
function showTokenForm(notice) {
  open = false;
  $('loading').hidden = true;
  $('desk').hidden = true;
  $('token-view').hidden = false;
  say($('token-notice'), notice);
  showHolder();
  $('admin-token').focus();
}

async function openDesk() {
  open = true;
  $('loading').hidden = true;
  $('token-view').hidden = true;
  $('desk').hidden = false;
  showHolder();
  await Promise.all([registrations.load(), accounts.load(), devices.load()]);
  ($('registrations').hidden ? $('accounts-title') : $('registrations-title')).focus({ preventScroll: true });
}

/** The token is checked by asking for the admin's accounts with it: the engine alone says whether it is right. */
async function onToken(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  say($('token-notice'), null);
  const input = $('admin-token');
  const token = input.value.trim();
  if (!token) {
    setFieldError(input, t('admin.token.required'));
    input.focus();
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    await adminCall('GET', TOKEN_CHECK, undefined, token);
    keepToken(token);
    input.value = '';
    await openDesk();
  } catch (e) {
    if (refusal(e)) {
      setFieldError(input, t('admin.token.refused'));
    } else {
      showErrors(form, { status: e.status, message: e.message, fieldErrors: new Map() });
    }
    input.focus();
  } finally {
    button.disabled = false;
  }
}

function lock() {
  forgetToken();
  $('approval').hidden = true;
  $('approval').replaceChildren();
  $('device-result').hidden = true;
  $('device-result').replaceChildren();
  registrations.clear();
  accounts.clear();
  staff.clear();
  devices.clear();
  showTokenForm(null);
}

async function boot() {
  await initI18n('admin');
  document.title = t('admin.pageTitle');
  head = masthead(document.querySelector('.masthead'), 'admin.title', lock);
  accounts = new Accounts();
  // A decision in the queue, or a new staff account, changes the list of accounts.
  registrations = new Registrations(() => accounts.load());
  staff = new StaffAccounts(() => accounts.load());
  devices = new Devices();
  $('token-form').addEventListener('submit', onToken);
  whenRefused(() => {
    forgetToken();
    showTokenForm({ key: 'admin.token.lost' });
  });
  document.addEventListener('languagechange', () => {
    document.title = t('admin.pageTitle');
    showHolder();
    registrations.relabel();
    accounts.relabel();
    staff.relabel();
    devices.relabel();
  });
  if (!storedToken()) {
    showTokenForm(null);
    return;
  }
  try {
    await adminCall('GET', TOKEN_CHECK);
    await openDesk();
  } catch (e) {
    if (!refusal(e)) {
      showTokenForm(failure(e));
    }
  }
}

boot();
