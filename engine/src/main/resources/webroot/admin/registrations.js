// The registration queue: everyone registers, and nobody acts until an admin approves (or
// rejects) them. Approving issues the account's API token, which the engine shows only once.
import { $, el, focusOn, say } from '/shared/dom.js';
import { problemText } from '/shared/forms.js';
import { formatDateTime } from '/shared/format.js';
import { coded, t } from '/shared/i18n.js';
import { adminCall, refusal } from './token.js';
import { showOnce } from './once.js';

function roleName(role) {
  return coded('role', role);
}

export class Registrations {
  /** @param {(registrationId: string) => void} decided told of each approval or rejection made here */
  constructor(decided = () => {}) {
    this.decided = decided;
    this.list = [];
    this.confirming = null;
    $('registrations-refresh').addEventListener('click', () => this.load());
  }

  async load() {
    $('registrations-errors').replaceChildren();
    try {
      const answer = await adminCall('GET', '/api/v1/admin/registrations?status=PENDING');
      this.list = answer.registrations || [];
      this.render();
    } catch (e) {
      if (e.status === 404) {
        // A lane engine takes no public registrations, so it has no queue: the panel is not shown.
        $('registrations').hidden = true;
      } else if (!refusal(e)) {
        $('registrations-errors').replaceChildren(el('p', {}, problemText(e)));
      }
    }
  }

  render() {
    $('registrations-empty').hidden = this.list.length > 0;
    $('registrations-table').hidden = this.list.length === 0;
    $('registration-rows').replaceChildren(...this.list.map((r) => this.row(r)));
  }

  row(r) {
    const contact = el('td', { className: 'contact' }, el('span', {}, r.email || ''));
    if (r.phone) {
      contact.append(el('br'), el('span', {}, r.phone));
    }
    if (r.businessRegistrationNo) {
      contact.append(el('br'), el('span', { className: 'hint' }, t('admin.reg.brn', { number: r.businessRegistrationNo })));
    }
    return el('tr', { 'data-registration': r.registrationId },
      el('td', {}, formatDateTime(r.registeredAt)),
      el('td', {}, roleName(r.role)),
      el('td', {}, r.name || ''),
      contact,
      el('td', { className: 'decide' }, ...this.actions(r)));
  }

  /** Approve at once; reject only after a second press, since a rejection cannot be undone here. */
  actions(r) {
    if (this.confirming === r.registrationId) {
      const yes = el('button', { type: 'button', className: 'danger' }, t('admin.reg.rejectYes'));
      const no = el('button', { type: 'button', className: 'secondary' }, t('admin.reg.rejectNo'));
      yes.addEventListener('click', () => this.reject(r, yes));
      no.addEventListener('click', () => {
        this.confirming = null;
        this.render();
      });
      queueMicrotask(() => yes.focus());
      return [el('p', { className: 'confirm' }, t('admin.reg.rejectAsk', { name: r.name })), el('div', { className: 'actions' }, yes, no)];
    }
    const approve = el('button', { type: 'button', className: 'release' }, t('admin.reg.approve'));
    const reject = el('button', { type: 'button', className: 'secondary' }, t('admin.reg.reject'));
    approve.addEventListener('click', () => this.approve(r, approve));
    reject.addEventListener('click', () => {
      this.confirming = r.registrationId;
      this.render();
    });
    return [el('div', { className: 'actions' }, approve, reject)];
  }

  async approve(r, button) {
    button.disabled = true;
    try {
      const answer = await adminCall('POST', `/api/v1/admin/registrations/${encodeURIComponent(r.registrationId)}/approve`);
      this.list = this.list.filter((x) => x.registrationId !== r.registrationId);
      this.render();
      this.clear();
      this.decided(r.registrationId);
      showOnce($('approval'), () => ({
        title: t('admin.reg.approved', { name: r.name, role: roleName(answer.role || r.role) }),
        label: t('admin.reg.token'),
        secret: answer.token,
        notes: [t('admin.reg.tokenUse'), t('admin.reg.password', { name: r.name, email: r.email || '' })],
      }));
    } catch (e) {
      button.disabled = false;
      if (!refusal(e)) {
        $('registrations-errors').replaceChildren(el('p', {}, problemText(e)));
      }
    }
  }

  async reject(r, button) {
    button.disabled = true;
    try {
      await adminCall('POST', `/api/v1/admin/registrations/${encodeURIComponent(r.registrationId)}/reject`);
      this.confirming = null;
      this.list = this.list.filter((x) => x.registrationId !== r.registrationId);
      this.render();
      $('approval').hidden = true;
      $('registrations-errors').replaceChildren();
      say($('registrations-done'), { key: 'admin.reg.rejected', params: { name: r.name } });
      this.decided(r.registrationId);
      focusOn($('registrations-title'));
    } catch (e) {
      button.disabled = false;
      if (!refusal(e)) {
        $('registrations-errors').replaceChildren(el('p', {}, problemText(e)));
      }
    }
  }

  /** Takes back the last rejection said (say() keeps it in the reader's language meanwhile). */
  clear() {
    say($('registrations-done'), null);
  }

  relabel() {
    this.render();
  }
}
