// One arrival, opened from the board in a modal dialog: the reads behind the decision, the bundle
// (with the risk hits found at bundling), each CCRN's eight pieces of cargo information, the
// overrides so far, and a form to override. The dialog takes the focus and gives it back.
import { api, get, idempotencyKey } from '/shared/api.js';
import { ccrnGrouped } from '/shared/ccrn.js';
import { $, el, focusOn, say } from '/shared/dom.js';
import { clearErrors, problemText, showErrors } from '/shared/forms.js';
import { formatDate, formatDateTime, formatTime } from '/shared/format.js';
import { t } from '/shared/i18n.js';
import {
  decisionBadge, decisionLabel, gateLabel, gateSignalLabel, reasonLabel, waitsForOfficer,
} from './labels.js';

function facts(pairs) {
  return el('dl', { className: 'facts' }, pairs.filter(Boolean).flatMap(([term, value]) => [
    el('dt', {}, term),
    el('dd', {}, value === null || value === undefined || value === '' ? t('none') : value),
  ]));
}

function section(titleKey, ...content) {
  return el('section', { className: `detail-section ${titleKey.split('.').pop()}` }, el('h3', {}, t(titleKey)), ...content);
}

export class ArrivalDialog {
  /**
   * @param {(detail: object) => void} applied puts an override's answer on the board at once
   * @param {() => object|null} whoAmI the signed-in account, to say "you" in the override history
   */
  constructor(dialog, applied, whoAmI) {
    this.dialog = dialog;
    this.applied = applied;
    this.whoAmI = whoAmI;
    this.body = dialog.querySelector('#arrival-body');
    this.title = dialog.querySelector('#arrival-title');
    this.form = dialog.querySelector('#override-form');
    this.notice = dialog.querySelector('#override-notice');
    this.fields = {
      decision: dialog.querySelector('#override-decision'),
      mark: dialog.querySelector('#override-mark'),
      markField: dialog.querySelector('#override-mark-field'),
      reason: dialog.querySelector('#override-reason'),
      result: dialog.querySelector('#override-result'),
    };
    this.state = null;
    this.opener = null;
    dialog.querySelector('#arrival-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => this.closed());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
  }

  isOpen(arrivalId) {
    return this.dialog.open && this.state !== null && this.state.id === arrivalId;
  }

  /** Opens the dialog on an arrival; {@code opener} gets the focus back on closing. */
  async open(arrivalId, opener) {
    this.opener = opener || null;
    this.state = { id: arrivalId, detail: null, bundle: null, consignments: [], error: null };
    this.form.reset();
    clearErrors(this.form);
    say(this.notice, null);
    this.title.textContent = t('console.arrival.loading');
    this.body.replaceChildren(el('p', {}, t('working')));
    this.form.hidden = true;
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
    focusOn(this.title);
    const state = this.state;
    try {
      state.detail = await get(`/api/v1/arrivals/${encodeURIComponent(arrivalId)}`);
    } catch (e) {
      state.error = e;
    }
    if (this.state !== state) {
      return; // another arrival was opened meanwhile
    }
    await this.loadCargo(state);
    if (this.state === state) {
      this.render();
      this.prepareForm(true);
    }
  }

  /** The bundle and its consignments, read as any officer may read them. */
  async loadCargo(state) {
    const detail = state.detail;
    if (!detail || !detail.bundleId) {
      state.bundle = null;
      state.consignments = [];
      return;
    }
    const [bundle, ...consignments] = await Promise.all([
      get(`/api/v1/bundles/${encodeURIComponent(detail.bundleId)}`).catch((e) => ({ error: e })),
      ...(detail.ccrns || []).map((ccrn) => get(`/api/v1/consignments/${encodeURIComponent(ccrn)}`)
        .catch((e) => ({ ccrn, error: e }))),
    ]);
    state.bundle = bundle;
    state.consignments = consignments;
  }

  /** The feed says the open arrival changed (an override, the gate's answer): show it. */
  async refresh(arrival) {
    const state = this.state;
    if (!state || !state.detail || state.id !== arrival.arrivalId) {
      return;
    }
    const bundleBefore = state.detail.bundleId;
    try {
      state.detail = await get(`/api/v1/arrivals/${encodeURIComponent(state.id)}`);
    } catch (e) {
      state.detail = { ...state.detail, ...arrival };
    }
    if (state.detail.bundleId !== bundleBefore) {
      await this.loadCargo(state); // keying a mark can find the vehicle's bundle
    }
    if (this.state === state) {
      this.render();
      this.prepareForm();
    }
  }

  render() {
    const { detail, error } = this.state;
    if (!detail) {
      this.title.textContent = t('console.arrival.title.unknown');
      this.body.replaceChildren(el('p', { className: 'form-errors', role: 'alert' }, problemText(error)));
      return;
    }
    this.title.replaceChildren(t('console.arrival.title', { mark: detail.vehicleMark || t('console.mark.unknown'), lane: detail.lane }));
    this.body.replaceChildren(
      this.summary(detail),
      this.reads(detail.reads || {}),
      this.bundle(),
      this.cargo(),
      this.overrides(detail.overrides || []),
    );
  }

  summary(d) {
    return el('section', { className: 'detail-section summary' },
      el('p', { className: 'verdict' }, decisionBadge(d.decision, true), ' ',
        el('span', { className: 'display mono' }, d.display || '')),
      facts([
        [t('console.arrival.reasons'), d.reasons && d.reasons.length
          ? el('ul', { className: 'plain' }, d.reasons.map((r) => el('li', {}, reasonLabel(r), ' ', el('small', { className: 'mono code' }, r))))
          : t('none')],
        [t('console.arrival.lane'), `${d.lane} · ${t(`direction.${d.direction}`)}`],
        [t('console.arrival.decidedAt'), d.decidedAt ? `${formatDate(d.decidedAt.slice(0, 10))} ${formatTime(d.decidedAt)}` : ''],
        [t('console.arrival.gate'), gateLabel(d)],
        [t('console.arrival.id'), el('span', { className: 'mono' }, d.arrivalId)],
      ]));
  }

  reads(r) {
    const candidates = (r.candidates || []).length
      ? el('ul', { className: 'plain' }, r.candidates.map((c) => el('li', { className: 'mono' }, `${c.plate} (${c.confidence}%)`)))
      : t('none');
    return section('console.arrival.reads', facts([
      [t('console.arrival.plate'), r.plate ? el('span', { className: 'mono plate' }, r.plate) : t('console.arrival.noPlate')],
      [t('console.arrival.confidence'), r.plate ? `${r.confidence}%` : '—'],
      [t('console.arrival.candidates'), candidates],
      [t('console.arrival.tag'), r.epc ? el('span', { className: 'mono' }, r.epc) : t('console.arrival.noTag')],
      [t('console.arrival.empty'), t(r.emptyPressed ? 'yes' : 'no')],
    ]));
  }

  bundle() {
    const b = this.state.bundle;
    if (!b) {
      return section('console.arrival.bundle', el('p', {}, t('console.arrival.noBundle')));
    }
    if (b.error) {
      return section('console.arrival.bundle', el('p', { className: 'form-errors' }, problemText(b.error)));
    }
    const hits = b.riskHits || [];
    return section('console.arrival.bundle', facts([
      [t('console.arrival.bundleId'), el('span', { className: 'mono' }, b.bundleId)],
      [t('console.arrival.bundleStatus'), el('span', { className: `status ${b.status}` }, b.status)],
      [t('console.arrival.bundleMark'), el('span', { className: 'mono' }, b.vehicleMark)],
      [t('console.arrival.bundledAt'), formatDateTime(b.bundledAt)],
      [t('console.arrival.earliest'), formatDateTime(b.earliestCrossingAt)],
      [t('console.arrival.emptyBundle'), t(b.empty ? 'yes' : 'no')],
      [t('console.arrival.riskHits'), hits.length
        ? el('ul', { className: 'plain risk-hits' }, hits.map((h) => el('li', {}, el('strong', {}, reasonLabel(h)), ' ', el('small', { className: 'mono code' }, h))))
        : t('none')],
    ]));
  }

  cargo() {
    const list = this.state.consignments;
    if (!list.length) {
      return section('console.arrival.cargo', el('p', {}, t('console.arrival.noCargo')));
    }
    return section('console.arrival.cargo', ...list.map((c) => this.consignment(c)));
  }

  /** The eight pieces of road cargo information, numbered as the rules number them. */
  consignment(c) {
    if (c.error) {
      return el('article', { className: 'consignment' },
        el('h4', { className: 'mono' }, ccrnGrouped(c.ccrn)), el('p', { className: 'form-errors' }, problemText(c.error)));
    }
    const goods = c.packaged
      ? [
        [t('console.cargo.packageDescription'), c.packaged.packageDescription],
        [t('console.cargo.packageCount'), String(c.packaged.packageCount)],
        [t('console.cargo.articles'), c.packaged.articlesDescription],
      ]
      : [
        c.bulk.grossWeightKg !== undefined
          ? [t('console.cargo.grossWeight'), t('console.cargo.kg', { value: c.bulk.grossWeightKg })]
          : [t('console.cargo.grossVolume'), t('console.cargo.m3', { value: c.bulk.grossVolumeM3 })],
        [t('console.cargo.quantity'), c.bulk.quantity || t('console.cargo.notApplicable')],
        [t('console.cargo.bulkDescription'), c.bulk.description],
      ];
    const numbered = [
      ...goods,
      [t('console.cargo.consignorName'), c.consignor?.name],
      [t('console.cargo.consignorAddress'), c.consignor?.address],
      [t('console.cargo.consigneeName'), c.consignee?.name],
      [t('console.cargo.consigneeAddress'), c.consignee?.address],
      [t(c.direction === 'EXPORT' ? 'console.cargo.expectedDeparture' : 'console.cargo.expectedArrival'), formatDate(c.expectedDate)],
    ].map(([term, value], i) => [`${i + 1}. ${term}`, value]);
    return el('article', { className: 'consignment' },
      el('h4', {}, t('console.cargo.ccrn'), ' ', el('span', { className: 'mono' }, ccrnGrouped(c.ccrn)), ' ',
        el('span', { className: `status ${c.status}` }, c.status)),
      facts(numbered));
  }

  overrides(list) {
    if (!list.length) {
      return section('console.arrival.overrides', el('p', {}, t('console.arrival.noOverrides')));
    }
    const head = el('tr', {}, ['console.ov.at', 'console.ov.change', 'console.ov.reason', 'console.ov.result', 'console.ov.mark', 'console.ov.officer']
      .map((key) => el('th', { scope: 'col' }, t(key))));
    const rows = list.map((o) => el('tr', {},
      el('td', { className: 'mono' }, formatTime(o.at)),
      el('td', {}, decisionBadge(o.from), ' → ', decisionBadge(o.to)),
      el('td', {}, o.reason || ''),
      el('td', {}, o.inspectionResult || '—'),
      el('td', { className: 'mono' }, o.keyedMark || '—'),
      el('td', {}, this.officer(o))));
    return section('console.arrival.overrides',
      el('div', { className: 'table-scroll' }, el('table', { className: 'overrides' }, el('thead', {}, head), el('tbody', {}, rows))));
  }

  /** Who overrode: "You", else the officer's name as it was then (older records have only the account id). */
  officer({ officer: accountId, officerName }) {
    const me = this.whoAmI();
    if (me && me.accountId === accountId) {
      return t('console.ov.you');
    }
    return officerName ? officerName : el('span', { className: 'mono small' }, accountId || '');
  }

  /**
   * The form fits the arrival: only a REFER takes a keyed mark, or leaves the decision to the
   * rules. A fresh form proposes the likely change (the rules for a REFER, else the opposite).
   */
  prepareForm(fresh = false) {
    const detail = this.state.detail;
    this.form.hidden = !detail;
    if (!detail) {
      return;
    }
    const refer = waitsForOfficer(detail.decision);
    this.fields.markField.hidden = !refer;
    const rulesOption = this.fields.decision.querySelector('option[value=""]');
    rulesOption.disabled = !refer;
    if (fresh || (!refer && this.fields.decision.value === '')) {
      this.fields.decision.value = refer ? '' : (detail.decision === 'RELEASE' ? 'INSPECT' : 'RELEASE');
    }
  }

  async submit() {
    const detail = this.state && this.state.detail;
    if (!detail) {
      return;
    }
    clearErrors(this.form);
    say(this.notice, null);
    const body = { reason: this.fields.reason.value.trim() };
    if (this.fields.decision.value) {
      body.decision = this.fields.decision.value;
    }
    const result = this.fields.result.value.trim();
    if (result) {
      body.inspectionResult = result;
    }
    if (waitsForOfficer(detail.decision) && this.fields.mark.value.trim()) {
      body.vehicleMark = this.fields.mark.value.trim();
    }
    if (this.busy) {
      return;
    }
    // Busy, not disabled: a disabled button loses the focus, and the keyboard user their place.
    const button = this.form.querySelector('button[type="submit"]');
    this.busy = true;
    button.setAttribute('aria-disabled', 'true');
    try {
      const answer = await api('POST', `/api/v1/arrivals/${encodeURIComponent(detail.arrivalId)}/override`,
        { body, key: idempotencyKey() });
      this.form.reset();
      say(this.notice, {
        key: 'console.override.done',
        params: { decision: () => decisionLabel(answer.decision), gate: () => gateSignalLabel(answer) },
      });
      this.state.detail = answer;
      this.applied(answer);
      await this.refresh(answer);
      this.prepareForm(true);
    } catch (e) {
      showErrors(this.form, e);
    } finally {
      this.busy = false;
      button.removeAttribute('aria-disabled');
    }
  }

  relabel() {
    if (this.dialog.open && this.state && this.state.detail) {
      this.render();
    }
  }

  closed() {
    this.state = null;
    const opener = this.opener;
    this.opener = null;
    if (opener && opener.isConnected) {
      opener.focus();
    } else {
      $('main').focus();
    }
  }
}
