// Registration: POST /api/v1/registrations answers 202 PENDING. Nobody signs in until a Customs
// administrator approves the application, and the page says so plainly.
import { post } from '/shared/api.js';
import { $, focusOn } from '/shared/dom.js';
import { t } from '/shared/i18n.js';
import { busy } from './dom.js';
import { clearProblems, fieldProblem, showApiError } from './errors.js';
import { liveChecks } from './live-check.js';
import { IntendedWrite } from './writes.js';

// The engine's RegistrationRequest rules, so that a mistake shows while the person is on the field.
const EMAIL = /^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$/;
const PHONE = /^\+?[0-9][0-9 -]{6,19}$/;
const BR_NO = /^[0-9]{8}(-[0-9]{3})?$/;
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 200;

const problem = (key, params = {}, now = true) => ({ key, params, now });

let form;
let checks;
const write = new IntendedWrite();

function value(id) {
  return $(id).value;
}

function check(input) {
  const text = input.value.trim();
  switch (input.id) {
    case 'register-role':
      return input.value ? null : problem('rule.choose', {}, false);
    case 'register-name':
      if (!text) {
        return problem('rule.required', {}, false);
      }
      return [...text].length > 200 ? problem('rule.tooLong', { max: 200 }) : null;
    case 'register-email':
      if (!text) {
        return problem('rule.required', {}, false);
      }
      // Half an address is not yet wrong: say so when the person leaves the field.
      return EMAIL.test(text) ? null : problem('register.rule.email', {}, false);
    case 'register-password':
      if (!input.value) {
        return problem('rule.required', {}, false);
      }
      return input.value.length < PASSWORD_MIN || input.value.length > PASSWORD_MAX
        ? problem('register.rule.password', { min: PASSWORD_MIN, max: PASSWORD_MAX }, input.value.length > PASSWORD_MAX) : null;
    case 'register-password2':
      if (!input.value) {
        return problem('rule.required', {}, false);
      }
      return input.value === value('register-password') ? null : problem('register.rule.password2', {}, false);
    case 'register-phone':
      return !text || PHONE.test(text) ? null : problem('register.rule.phone', {}, false);
    case 'register-brn':
      return !text || BR_NO.test(text) ? null : problem('register.rule.brn', {}, false);
    default:
      return null;
  }
}

function body() {
  const registration = {
    role: value('register-role'),
    name: value('register-name').trim(),
    email: value('register-email').trim(),
    password: value('register-password'),
  };
  // Optional fields are left out when blank, rather than sent empty.
  if (value('register-phone').trim()) {
    registration.phone = value('register-phone').trim();
  }
  if (value('register-brn').trim()) {
    registration.businessRegistrationNo = value('register-brn').trim();
  }
  return registration;
}

async function submit(event) {
  event.preventDefault();
  clearProblems(form);
  const first = checks.checkAll();
  if (first) {
    first.focus();
    return;
  }
  const registration = body();
  try {
    const answer = await busy(form.querySelector('button[type="submit"]'),
      () => write.send(registration, (key) => post('/api/v1/registrations', registration, key)));
    const done = $('register-done');
    done.dataset.reference = answer.registrationId;
    renderDone();
    done.hidden = false;
    form.hidden = true;
    form.reset();
    checks.forget();
    focusOn(done);
  } catch (e) {
    showApiError(form, e);
    // Only the engine knows which addresses are taken; it names the e-mail field, in English: the
    // page says it in the reader's language.
    if (e.status === 409 && e.fieldErrors && e.fieldErrors.has('email')) {
      const email = $('register-email');
      fieldProblem(email, { key: 'register.rule.taken' });
      email.focus();
    }
  }
}

function renderDone() {
  const done = $('register-done');
  if (done.dataset.reference) {
    $('register-done-text').textContent = t('register.done.text', { reference: done.dataset.reference });
  }
}

export function init() {
  form = $('register-form');
  checks = liveChecks(form, check);
  form.addEventListener('submit', submit);
  document.addEventListener('languagechange', renderDone);
}

/** Opening the page again after a registration offers a fresh form. */
export function show() {
  $('register-done').hidden = true;
  form.hidden = false;
}
