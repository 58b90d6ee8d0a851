// Lane devices: a camera, an RFID reader, an EMPTY button or a gate controller, each with a token
// bound to one lane and one kind. The lanes are the engine's own (GET /api/v1/settings). The list
// below the form rotates a device's token (the old one stops working) or revokes the device, each
// with a reason for the audit trail.
import { $, el, focusOn, say } from '/shared/dom.js';
import { showErrors, clearErrors, problemText } from '/shared/forms.js';
import { formatDateTime } from '/shared/format.js';
import { coded, t } from '/shared/i18n.js';
import { adminCall, refusal } from './token.js';
import { showOnce } from './once.js';
import { reasonForm } from './reason.js';

function controlPointName(cp) {
  return coded('cp', cp.code, cp.name);
}

function kindName(kind) {
  return coded('admin.dev.kind', kind);
}

export class Devices {
  constructor() {
    this.controlPoints = [];
    this.list = [];
    /** {deviceId, action} of the row asking for a reason, if any. */
    this.asking = null;
    $('devices-refresh').addEventListener('click', () => this.loadList());
    $('device-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.register();
    });
  }

  async load() {
    await Promise.all([this.loadLanes(), this.loadList()]);
  }

  async loadList() {
    $('devices-errors').replaceChildren();
    try {
      const answer = await adminCall('GET', '/api/v1/admin/devices');
      this.list = answer.devices || [];
      this.asking = null;
      this.renderList();
    } catch (e) {
      if (e.status === 404) {
        // The registry serves no lanes, so it registers no devices: the panel is not shown.
        $('devices').hidden = true;
      } else if (!refusal(e)) {
        $('devices-errors').replaceChildren(el('p', {}, problemText(e)));
      }
    }
  }

  renderList() {
    $('devices-empty').hidden = this.list.length > 0;
    $('devices-table').hidden = this.list.length === 0;
    $('device-rows').replaceChildren(...this.list.map((d) => this.row(d)));
  }

  row(d) {
    const status = el('td', {}, el('strong', {}, coded('admin.devs.status', d.status)));
    if (d.revokeReason) {
      status.append(el('br'), el('span', { className: 'hint' }, t('admin.acc.why', { reason: d.revokeReason })));
    }
    return el('tr', { 'data-device': d.deviceId },
      el('td', {}, d.lane),
      el('td', {}, kindName(d.kind)),
      el('td', { className: 'mono' }, d.deviceId),
      el('td', {}, formatDateTime(d.registeredAt)),
      status,
      el('td', { className: 'decide' }, ...this.actions(d)));
  }

  actions(d) {
    if (d.status !== 'ACTIVE') {
      return [];
    }
    if (this.asking && this.asking.deviceId === d.deviceId) {
      const { action } = this.asking;
      const words = { kind: kindName(d.kind), lane: d.lane };
      return [reasonForm({
        ask: t(`admin.devs.ask.${action}`, words),
        confirm: t(`admin.devs.${action}`),
        danger: action === 'revoke',
        onConfirm: (reason, button) => this.act(d, action, reason, button),
        onCancel: () => {
          this.asking = null;
          this.renderList();
        },
      })];
    }
    const buttons = ['rotate', 'revoke'].map((action) => {
      const b = el('button', { type: 'button', className: 'secondary' }, t(`admin.devs.${action}`));
      b.addEventListener('click', () => {
        this.asking = { deviceId: d.deviceId, action };
        this.renderList();
      });
      return b;
    });
    return [el('div', { className: 'actions' }, ...buttons)];
  }

  async act(d, action, reason, button) {
    button.disabled = true;
    const id = encodeURIComponent(d.deviceId);
    try {
      const answer = action === 'rotate'
        ? await adminCall('POST', `/api/v1/admin/devices/${id}/token`, { reason })
        : await adminCall('DELETE', `/api/v1/admin/devices/${id}`, { reason });
      this.asking = null;
      if (action === 'rotate') {
        showOnce($('device-result'), () => ({
          title: t('admin.devs.rotated', { kind: kindName(d.kind), lane: d.lane }),
          label: t('admin.dev.token'),
          secret: answer.token,
          notes: [t('admin.dev.id', { id: d.deviceId }), t('admin.dev.tokenUse')],
        }));
      } else {
        say($('devices-done'), { key: 'admin.devs.done.revoke', params: { kind: kindName(d.kind), lane: d.lane } });
        focusOn($('devices-list-title'));
      }
      await this.loadList();
    } catch (e) {
      button.disabled = false;
      if (!refusal(e)) {
        $('devices-errors').replaceChildren(el('p', {}, problemText(e)));
      }
    }
  }

  async loadLanes() {
    try {
      const settings = await adminCall('GET', '/api/v1/settings');
      this.controlPoints = settings.controlPoints || [];
      this.renderLanes();
    } catch (e) {
      if (!refusal(e)) {
        showErrors($('device-form'), e);
      }
    }
  }

  /** Lanes grouped by control point; each says its direction, since S and N are easy to mix up. */
  renderLanes() {
    const select = $('device-lane');
    const chosen = select.value;
    select.replaceChildren(...this.controlPoints.map((cp) => el('optgroup', { label: `${controlPointName(cp)} (${cp.code})` },
      cp.lanes.map((lane) => el('option', { value: lane.id },
        t(lane.direction === 'EXPORT' ? 'admin.dev.laneExport' : 'admin.dev.laneImport', { lane: lane.id }))))));
    if (chosen) {
      select.value = chosen;
    }
  }

  async register() {
    const form = $('device-form');
    clearErrors(form);
    const lane = $('device-lane').value;
    const kind = $('device-kind').value;
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const issued = await adminCall('POST', '/api/v1/admin/devices', { lane, kind });
      showOnce($('device-result'), () => ({
        title: t('admin.dev.done', { kind: kindName(issued.kind || kind), lane: issued.lane || lane }),
        label: t('admin.dev.token'),
        secret: issued.token,
        notes: [t('admin.dev.id', { id: issued.deviceId }), t('admin.dev.tokenUse')],
      }));
      await this.loadList();
    } catch (e) {
      if (!refusal(e)) {
        showErrors(form, e);
      }
    } finally {
      button.disabled = false;
    }
  }

  relabel() {
    if (this.controlPoints.length) {
      this.renderLanes();
    }
    this.renderList();
  }

  /** The desk was locked: the list goes with it. */
  clear() {
    this.list = [];
    this.asking = null;
    this.renderList();
    say($('devices-done'), null);
  }
}
