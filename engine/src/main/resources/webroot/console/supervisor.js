// Supervisors' risk settings: the watch list (vehicles, parties, goods words) and each control
// point's random-selection rate. Officers never see this view; the engine refuses their writes
// anyway (403), so hiding it is for clarity, not security.
import { api, get, idempotencyKey, put } from '/shared/api.js';
import { el, say } from '/shared/dom.js';
import { clearErrors, setFieldError, showErrors } from '/shared/forms.js';
import { formatDateTime } from '/shared/format.js';
import { coded, t } from '/shared/i18n.js';
import { controlPointName, percent } from './labels.js';

export class RiskSettings {
  constructor(root) {
    this.root = root;
    this.entries = [];
    this.controlPoints = [];
    this.watchForm = root.querySelector('#watchlist-form');
    this.rateForm = root.querySelector('#rates-form');
    this.watchForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.addEntry();
    });
    this.rateForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.setRate();
    });
  }

  /** Reads both lists afresh: another supervisor may have changed them. */
  async load() {
    const [watchlist, settings] = await Promise.all([get('/api/v1/risk/watchlist'), get('/api/v1/settings')]);
    this.entries = watchlist.entries || [];
    this.controlPoints = settings.controlPoints.map((cp) => ({ code: cp.code, name: cp.name, rate: cp.randomInspectionRate }));
    this.render();
  }

  render() {
    this.renderEntries();
    this.renderRates();
  }

  renderEntries() {
    const rows = this.root.querySelector('#watchlist-rows');
    if (!this.entries.length) {
      rows.replaceChildren(el('tr', {}, el('td', { colspan: '4', className: 'hint' }, t('console.watchlist.none'))));
      return;
    }
    rows.replaceChildren(...this.entries.map((entry) => {
      const remove = el('button', { type: 'button', className: 'secondary small' }, t('console.watchlist.remove'));
      remove.setAttribute('aria-label', t('console.watchlist.removeEntry', { value: entry.display || entry.value }));
      remove.addEventListener('click', () => this.removeEntry(entry, remove));
      return el('tr', { 'data-entry': entry.entryId },
        el('td', {}, coded('console.watchlist.kind', entry.kind)),
        el('td', { className: entry.kind === 'VEHICLE' ? 'mono' : '' }, entry.display || entry.value),
        el('td', {}, formatDateTime(entry.addedAt)),
        el('td', {}, remove));
    }));
  }

  renderRates() {
    const select = this.root.querySelector('#rate-cp');
    const chosen = select.value;
    select.replaceChildren(...this.controlPoints.map((cp) => el('option', { value: cp.code }, controlPointName(cp.code, cp.name))));
    if (chosen) {
      select.value = chosen;
    }
    this.root.querySelector('#rates-rows').replaceChildren(...this.controlPoints.map((cp) => el('tr', { 'data-cp': cp.code },
      el('th', { scope: 'row' }, controlPointName(cp.code, cp.name)),
      el('td', { className: 'rate' }, percent(cp.rate)))));
  }

  async addEntry() {
    const notice = this.root.querySelector('#watchlist-notice');
    say(notice, null);
    clearErrors(this.watchForm);
    const kind = this.root.querySelector('#watch-kind').value;
    const input = this.root.querySelector('#watch-value');
    if (!input.value.trim()) {
      setFieldError(input, t('console.watchlist.valueRequired'));
      input.focus();
      return;
    }
    try {
      const entry = await api('POST', '/api/v1/risk/watchlist', { body: { kind, value: input.value.trim() }, key: idempotencyKey() });
      input.value = '';
      say(notice, { key: 'console.watchlist.added', params: { value: entry.display || entry.value } });
      await this.load();
    } catch (e) {
      showErrors(this.watchForm, e);
    }
  }

  async removeEntry(entry, button) {
    const notice = this.root.querySelector('#watchlist-notice');
    button.disabled = true;
    try {
      await api('DELETE', `/api/v1/risk/watchlist/${encodeURIComponent(entry.entryId)}`, { key: idempotencyKey() });
      say(notice, { key: 'console.watchlist.removed', params: { value: entry.display || entry.value } });
      await this.load();
      this.root.querySelector('#watch-value').focus(); // the removed row's button is gone
    } catch (e) {
      button.disabled = false;
      showErrors(this.watchForm, e);
    }
  }

  /** People think in percent; the API takes a fraction (3% is 0.03). */
  async setRate() {
    const notice = this.root.querySelector('#rates-notice');
    say(notice, null);
    clearErrors(this.rateForm);
    const code = this.root.querySelector('#rate-cp').value;
    const input = this.root.querySelector('#rate-value');
    const value = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
      setFieldError(input, t('console.rates.invalid'));
      input.focus();
      return;
    }
    try {
      const answer = await put(`/api/v1/risk/random-rates/${encodeURIComponent(code)}`, { rate: value / 100 }, idempotencyKey());
      input.value = '';
      const cp = this.controlPoints.find((c) => c.code === code);
      say(notice, {
        key: 'console.rates.done',
        params: { name: () => controlPointName(code, cp ? cp.name : code), rate: percent(answer.rate) },
      });
      await this.load();
    } catch (e) {
      showErrors(this.rateForm, e);
    }
  }

  relabel() {
    if (this.controlPoints.length) {
      this.render();
    }
  }
}
