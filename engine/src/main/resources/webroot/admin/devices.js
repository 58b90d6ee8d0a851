// Lane devices: a camera, an RFID reader, an EMPTY button or a gate controller, each with a token
// bound to one lane and one kind. The lanes are the engine's own (GET /api/v1/settings).
import { $, el } from '/shared/dom.js';
import { showErrors, clearErrors } from '/shared/forms.js';
import { coded, t } from '/shared/i18n.js';
import { adminCall, refusal } from './token.js';
import { showOnce } from './once.js';

function controlPointName(cp) {
  return coded('cp', cp.code, cp.name);
}

function kindName(kind) {
  return coded('admin.dev.kind', kind);
}

export class Devices {
  constructor() {
    this.controlPoints = [];
    $('device-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.register();
    });
  }

  async load() {
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
  }
}
