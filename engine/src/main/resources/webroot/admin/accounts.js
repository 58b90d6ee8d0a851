// Every account, with what the admin may do to it: suspend an ACTIVE one, reinstate a SUSPENDED
// one, rotate its API token (the old one stops working; the new one is shown once). Each asks for a
// reason, which the engine keeps in the audit trail. The admin's own token is rotated here too.
import { $, el, focusOn, say } from '/shared/dom.js';
import { problemText } from '/shared/forms.js';
import { formatDateTime } from '/shared/format.js';
import { coded, t } from '/shared/i18n.js';
import { adminCall, keepToken, refusal } from './token.js';
import { showOnce } from './once.js';
import { reasonForm } from './reason.js';

const ADMIN_ID = 'admin';

function roleName(role) {
  return coded('role', role);
}

function statusName(status) {
  return coded('admin.acc.status', status);
}

export class Accounts {
  constructor() {
    this.list = [];
    /** {accountId, action} of the row asking for a reason, if any. */
    this.asking = null;
    $('accounts-refresh').addEventListener('click', () => this.load());
    $('accounts-role').addEventListener('change', () => this.load());
    $('accounts-status').addEventListener('change', () => this.load());
  }

  async load() {
    $('accounts-errors').replaceChildren();
    const query = new URLSearchParams();
    if ($('accounts-role').value) {
      query.set('role', $('accounts-role').value);
    }
    if ($('accounts-status').value) {
      query.set('status', $('accounts-status').value);
    }
    try {
      const answer = await adminCall('GET', `/api/v1/admin/accounts?${query}`);
      this.list = answer.accounts || [];
      this.asking = null;
      this.render();
    } catch (e) {
      this.failed(e);
    }
  }

  failed(e) {
    if (!refusal(e)) {
      $('accounts-errors').replaceChildren(el('p', {}, problemText(e)));
    }
  }

  render() {
    $('accounts-empty').hidden = this.list.length > 0;
    $('accounts-table').hidden = this.list.length === 0;
    $('account-rows').replaceChildren(...this.list.map((a) => this.row(a)));
  }

  row(a) {
    const status = el('td', {}, el('strong', {}, statusName(a.status)));
    if (a.statusReason) {
      status.append(el('br'), el('span', { className: 'hint' }, t('admin.acc.why', { reason: a.statusReason })));
    }
    return el('tr', { 'data-account': a.accountId },
      el('td', {}, formatDateTime(a.registeredAt)),
      el('td', {}, roleName(a.role)),
      el('td', {}, a.name || ''),
      el('td', { className: 'contact' }, a.email || ''),
      status,
      el('td', { className: 'decide' }, ...this.actions(a)));
  }

  actions(a) {
    if (this.asking && this.asking.accountId === a.accountId) {
      const { action } = this.asking;
      return [reasonForm({
        ask: t(`admin.acc.ask.${action}`, { name: a.name }),
        confirm: t(`admin.acc.${action}`),
        danger: action === 'suspend',
        onConfirm: (reason, button) => this.act(a, action, reason, button),
        onCancel: () => {
          this.asking = null;
          this.render();
        },
      })];
    }
    const buttons = [];
    const ask = (action) => () => {
      this.asking = { accountId: a.accountId, action };
      this.render();
    };
    const button = (action, className) => {
      const b = el('button', { type: 'button', className }, t(`admin.acc.${action}`));
      b.addEventListener('click', ask(action));
      return b;
    };
    if (a.status === 'ACTIVE' && a.role !== 'ADMIN') {
      buttons.push(button('suspend', 'secondary'));
    }
    if (a.status === 'SUSPENDED') {
      buttons.push(button('reinstate', 'secondary'));
    }
    if (a.status === 'ACTIVE' || a.status === 'SUSPENDED') {
      buttons.push(button('rotate', 'secondary'));
    }
    return [el('div', { className: 'actions' }, ...buttons)];
  }

  async act(a, action, reason, button) {
    button.disabled = true;
    const id = encodeURIComponent(a.accountId);
    const own = a.accountId === ADMIN_ID;
    const path = {
      suspend: `/api/v1/admin/accounts/${id}/suspend`,
      reinstate: `/api/v1/admin/accounts/${id}/reinstate`,
      rotate: own ? '/api/v1/admin/token/rotate' : `/api/v1/admin/accounts/${id}/tokens`,
    }[action];
    try {
      const answer = await adminCall('POST', path, { reason });
      this.asking = null;
      if (action === 'rotate') {
        say($('accounts-done'), null);
        if (own) {
          // The desk goes on with the new token; the one it opened with no longer works.
          keepToken(answer.token);
        }
        showOnce($('account-token'), () => ({
          title: t(own ? 'admin.acc.rotated.own' : 'admin.acc.rotated', { name: a.name }),
          label: t('admin.reg.token'),
          secret: answer.token,
          notes: [t(own ? 'admin.acc.rotated.ownUse' : 'admin.acc.rotated.use')],
        }));
      } else {
        say($('accounts-done'), { key: `admin.acc.done.${action}`, params: { name: a.name } });
        focusOn($('accounts-title'));
      }
      await this.load();
    } catch (e) {
      button.disabled = false;
      this.failed(e);
    }
  }

  /** The desk was locked: nothing of this panel is left for the next person at the screen. */
  clear() {
    this.list = [];
    this.asking = null;
    this.render();
    say($('accounts-done'), null);
    $('account-token').hidden = true;
    $('account-token').replaceChildren();
  }

  relabel() {
    this.render();
  }
}
