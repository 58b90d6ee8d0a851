// Sign-in with e-mail and password: POST /api/v1/sessions sets the HttpOnly session cookie that
// every later call rides on. The page never holds a token.
import { ApiError } from '/shared/api.js';
import { $, say } from '/shared/dom.js';
import { showErrors } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { signIn } from '/shared/session.js';
import { busy } from './dom.js';
import { clearProblems, fieldProblem, showApiError } from './errors.js';
import { liveChecks } from './live-check.js';

let form;
let checks;
let whenSignedIn = () => {};

export function onSignedIn(callback) {
  whenSignedIn = callback;
}

/** Told when a call found the session gone (it expired, or was closed elsewhere). */
export function sessionEnded() {
  say($('signin-ended'), { key: 'signin.ended' });
}

/** A refusal that belongs to no field, in the form's summary. */
function summary(text) {
  showErrors(form, { message: text, fieldErrors: new Map() });
}

async function submit(event) {
  event.preventDefault();
  clearProblems(form);
  const first = checks.checkAll();
  if (first) {
    first.focus();
    return;
  }
  const email = $('signin-email').value.trim();
  const password = $('signin-password').value;
  try {
    const account = await busy(form.querySelector('button[type="submit"]'), () => signIn(email, password));
    form.reset();
    say($('signin-ended'), null);
    whenSignedIn(account);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      summary(t('signin.failed'));
      fieldProblem($('signin-password'), { key: 'signin.failed.field' });
      $('signin-password').focus();
    } else if (e instanceof ApiError && e.status === 403) {
      // "the account is PENDING": say what that means for this person.
      const status = (/the account is (\w+)/.exec(e.message) || [])[1];
      summary(t('signin.inactive', { status: t(`account.status.${status || 'UNKNOWN'}`) }));
    } else {
      showApiError(form, e);
    }
  }
}

export function init() {
  form = $('signin-form');
  checks = liveChecks(form, (input) => (input.value.trim() ? null : { key: 'rule.required', params: {}, now: false }));
  form.addEventListener('submit', submit);
}

export function show() {
  const email = $('signin-email');
  if (!email.value) {
    email.focus();
  }
}
