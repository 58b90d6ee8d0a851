// Staff accounts: officers and supervisors, who sign in to the lane console. Only the admin makes
// them (POST /api/v1/admin/accounts): the public registration refuses these roles. The account is
// ACTIVE at once; its password is what the officer signs in with.
import { ApiError, idempotencyKey } from '/shared/api.js';
import { $, el, focusOn } from '/shared/dom.js';
import { clearErrors, setFieldError, showErrors } from '/shared/forms.js';
import { t } from '/shared/i18n.js';
import { adminCall, refusal } from './token.js';

// The engine's RegistrationRequest rules (PasswordHasher.MIN_LENGTH/MAX_LENGTH, EMAIL, PHONE), so a
// slip is said beside its field in the admin's language before anything is sent; the engine checks
// them again and its answer is shown beside the fields too.
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 200;
const NAME_MAX = 200;
const EMAIL = /^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$/;
const PHONE = /^\+?[0-9][0-9 -]{6,19}$/;
const STAFF_ROLES = ['OFFICER', 'SUPERVISOR'];

/** A sentence with a link in it: the translation carries {console} where the link goes. */
function withConsoleLink(text) {
  const [before, after = ''] = text.split('{console}');
  return el('p', {}, before, el('a', { href: '/console/' }, '/console/'), after);
}

export class StaffAccounts {
  /** @param {() => void} created told of each account made here (the list of accounts shows it) */
  constructor(created = () => {}) {
    this.created = created;
    this.form = $('staff-form');
    this.result = $('staff-result');
    /** What the result box says, kept so that a change of language re-words it. */
    this.outcome = null;
    /** The account being sent: its Idempotency-Key lives until the engine answers. */
    this.pending = null;
    this.busy = false;
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.relabel();
  }

  value(id) {
    return $(id).value;
  }

  /** Every slip at once, each beside its field; returns the first field at fault. */
  check() {
    const faults = [];
    const fault = (id, key, params) => faults.push([$(id), t(key, params)]);
    if (!STAFF_ROLES.includes(this.value('staff-role'))) {
      fault('staff-role', 'admin.staff.rule.role');
    }
    const name = this.value('staff-name').trim();
    if (!name) {
      fault('staff-name', 'admin.staff.rule.name');
    } else if ([...name].length > NAME_MAX) {
      fault('staff-name', 'admin.staff.rule.tooLong', { max: NAME_MAX });
    }
    const email = this.value('staff-email').trim();
    if (!email) {
      fault('staff-email', 'admin.staff.rule.email');
    } else if (!EMAIL.test(email)) {
      fault('staff-email', 'admin.staff.rule.emailForm');
    }
    const phone = this.value('staff-phone').trim();
    if (phone && !PHONE.test(phone)) {
      fault('staff-phone', 'admin.staff.rule.phone');
    }
    const password = this.value('staff-password');
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
      fault('staff-password', 'admin.staff.rule.password', { min: PASSWORD_MIN, max: PASSWORD_MAX });
    } else if (this.value('staff-password2') !== password) {
      fault('staff-password2', 'admin.staff.rule.password2');
    }
    faults.forEach(([input, message]) => setFieldError(input, message));
    return faults.length ? faults[0][0] : null;
  }

  body() {
    const registration = {
      role: this.value('staff-role'),
      name: this.value('staff-name').trim(),
      email: this.value('staff-email').trim(),
      password: this.value('staff-password'),
    };
    if (this.value('staff-phone').trim()) {
      registration.phone = this.value('staff-phone').trim();
    }
    return registration;
  }

  /**
   * The key for this account: the same while the same form waits for its answer (a double press,
   * or a retry after the engine could not be reached), a fresh one for a changed form.
   */
  accountKey(body) {
    const fingerprint = JSON.stringify(body);
    if (!this.pending || this.pending.fingerprint !== fingerprint) {
      this.pending = { fingerprint, key: idempotencyKey() };
    }
    return this.pending.key;
  }

  async submit() {
    if (this.busy) {
      return;
    }
    clearErrors(this.form);
    const first = this.check();
    if (first) {
      first.focus();
      return;
    }
    const body = this.body();
    const button = this.form.querySelector('button[type="submit"]');
    this.busy = true;
    button.disabled = true;
    try {
      try {
        await adminCall('POST', '/api/v1/admin/accounts', body, undefined, this.accountKey(body));
      } catch (e) {
        // The same key answered before (the first answer was lost on the way): the account was
        // made then. Its API token was shown once and is not kept; staff sign in with the password.
        if (!(e instanceof ApiError && e.status === 409 && e.fieldErrors.has('Idempotency-Key'))) {
          if (e.status !== 0) {
            this.pending = null; // the engine answered: a press after this is a new account
          }
          this.refused(e);
          return;
        }
      }
      this.pending = null;
      // The form is done with: the password is not kept on the page a moment longer than needed.
      this.form.reset();
      this.show({ ok: true, name: body.name, email: body.email, role: body.role });
      this.created();
    } finally {
      this.busy = false;
      button.disabled = false;
    }
  }

  /** The engine's refusal, beside the fields it names. */
  refused(e) {
    // Only the engine knows which addresses are taken; it says so naming the e-mail field, in
    // English: the desk says it in the admin's language.
    if (e instanceof ApiError && e.status === 409 && e.fieldErrors.has('email')) {
      const email = $('staff-email');
      setFieldError(email, t('admin.staff.rule.emailTaken'));
      email.focus();
      return;
    }
    if (!refusal(e)) {
      showErrors(this.form, e);
    }
  }

  show(outcome) {
    this.outcome = outcome;
    this.render();
    this.result.hidden = false;
    focusOn(this.result);
  }

  render() {
    const o = this.outcome;
    if (!o) {
      return;
    }
    const role = t(`role.${o.role}`);
    this.result.className = 'notice staff-result';
    this.result.setAttribute('role', 'status');
    this.result.replaceChildren(
      el('h3', {}, t('admin.staff.done', { name: o.name, role })),
      withConsoleLink(t('admin.staff.signin', { name: o.name })),
      el('p', {}, t('admin.staff.email.done', { email: o.email })),
      el('p', { className: 'hint' }, t('admin.staff.password.done')),
    );
  }

  /** The desk was locked: nothing of this panel is left for the next person at the screen. */
  clear() {
    this.outcome = null;
    this.result.hidden = true;
    this.result.replaceChildren();
    this.form.reset();
    clearErrors(this.form);
  }

  relabel() {
    $('staff-password-hint').textContent = t('admin.staff.password.hint', { min: PASSWORD_MIN });
    this.render();
  }
}
