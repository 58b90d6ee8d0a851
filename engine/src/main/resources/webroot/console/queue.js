// The REFERs waiting for an officer, at the top of the board, oldest first. A REFER means the
// engine could not tell which vehicle this is; the truck waits at a closed gate until an officer
// keys the mark they see and releases it or sends it to inspection.
import { api, get, idempotencyKey } from '/shared/api.js';
import { el } from '/shared/dom.js';
import { clearErrors, setFieldError, showErrors } from '/shared/forms.js';
import { formatTime } from '/shared/format.js';
import { t } from '/shared/i18n.js';
import { decisionBadge, decisionLabel, gateSignalLabel, reasonList, waitsForOfficer } from './labels.js';

const time = (iso) => Date.parse(iso) || 0;
let serial = 0;

export class Queue {
  /**
   * @param {object} els list (ul), empty (p), title (h2)
   * @param {object} hooks onOpen(arrivalId, opener), applied(detail) to put an answer on the board,
   *   announce(text) for screen readers
   */
  constructor(els, hooks) {
    this.els = els;
    this.hooks = hooks;
    this.cards = new Map();
    this.selected = null;
  }

  /** The board's every change: a REFER gets a card; anything else that had one loses it. */
  change(arrival, previous, live) {
    const card = this.cards.get(arrival.arrivalId);
    if (waitsForOfficer(arrival.decision)) {
      if (!card) {
        this.add(arrival, live);
      } else {
        card.arrival = arrival;
        this.fill(card);
      }
    } else if (card) {
      this.remove(card);
      if (live) {
        this.hooks.announce(t('console.queue.resolved', {
          lane: arrival.lane, mark: arrival.vehicleMark || t('console.mark.unknown'), decision: decisionLabel(arrival.decision),
        }));
      }
    }
  }

  add(arrival, live) {
    serial += 1;
    const id = `refer-${serial}`;
    const markInput = el('input', {
      id: `${id}-mark`, className: 'mono', 'data-field': 'vehicleMark', maxlength: '20', autocomplete: 'off',
      autocapitalize: 'characters', spellcheck: 'false',
    });
    const reasonInput = el('input', {
      id: `${id}-reason`, 'data-field': 'reason', maxlength: '500', autocomplete: 'off', list: 'reason-suggestions',
    });
    const release = el('button', { type: 'button', className: 'release', 'data-i18n': 'console.queue.release' });
    const inspect = el('button', { type: 'button', className: 'danger', 'data-i18n': 'console.queue.inspect' });
    const details = el('button', { type: 'button', className: 'secondary', 'data-i18n': 'console.queue.details' });
    const form = el('form', { className: 'refer-form', novalidate: true },
      el('div', { className: 'row' },
        el('div', {}, el('label', { for: markInput.id, 'data-i18n': 'console.queue.mark' }), markInput),
        el('div', {}, el('label', { for: reasonInput.id, 'data-i18n': 'console.queue.reason' }), reasonInput)),
      el('div', { className: 'actions' }, release, inspect, details));
    const li = el('li', { className: 'refer-card', 'data-arrival': arrival.arrivalId, 'aria-labelledby': `${id}-head` },
      el('h3', { id: `${id}-head`, className: 'refer-head' }),
      el('p', { className: 'refer-why' }),
      el('p', { className: 'refer-reads' }),
      form);
    const card = { id, li, arrival, reads: null, markInput, reasonInput, form, buttons: [release, inspect] };
    // Enter in a field must not release a truck: only the buttons act.
    form.addEventListener('submit', (e) => e.preventDefault());
    release.addEventListener('click', () => this.resolve(card, 'RELEASE'));
    inspect.addEventListener('click', () => this.resolve(card, 'INSPECT'));
    details.addEventListener('click', () => this.hooks.onOpen(arrival.arrivalId, details));
    [release, inspect, details].forEach((b) => { b.textContent = t(b.dataset.i18n); });
    li.querySelectorAll('label').forEach((l) => { l.textContent = t(l.dataset.i18n); });

    const later = [...this.els.list.children].find((c) => time(this.cards.get(c.dataset.arrival)?.arrival.decidedAt) > time(arrival.decidedAt));
    this.els.list.insertBefore(li, later || null);
    this.cards.set(arrival.arrivalId, card);
    this.fill(card);
    this.show();
    this.loadReads(card);
    if (live) {
      this.hooks.announce(t('console.queue.new', { lane: arrival.lane }));
    }
  }

  /** What the camera and the reader saw: what the officer compares with the truck in front of them. */
  async loadReads(card) {
    try {
      const detail = await get(`/api/v1/arrivals/${encodeURIComponent(card.arrival.arrivalId)}`);
      card.reads = detail.reads || null;
      this.fill(card);
    } catch (e) {
      card.reads = null; // the card still works without them; the details dialog says why
    }
  }

  fill(card) {
    const a = card.arrival;
    const head = card.li.querySelector('.refer-head');
    head.replaceChildren(decisionBadge(a.decision, true), ' ',
      el('span', { className: 'mono' }, a.lane), ' ',
      el('span', { className: 'refer-time' }, t('console.queue.since', { time: formatTime(a.decidedAt) })));
    card.li.querySelector('.refer-why').textContent = t('console.queue.why', { reasons: reasonList(a.reasons) || '—' });
    const reads = card.li.querySelector('.refer-reads');
    const r = card.reads;
    if (!r) {
      reads.textContent = a.vehicleMark ? t('console.queue.markKnown', { mark: a.vehicleMark }) : '';
      return;
    }
    const parts = [];
    parts.push(r.plate ? t('console.queue.plateRead', { plate: r.plate, confidence: r.confidence }) : t('console.queue.noPlate'));
    const others = (r.candidates || []).filter((c) => c.plate !== r.plate).map((c) => `${c.plate} (${c.confidence}%)`);
    if (others.length) {
      parts.push(t('console.queue.candidates', { list: others.join(', ') }));
    }
    parts.push(r.epc ? t('console.queue.tagRead', { tag: r.epc }) : t('console.queue.noTag'));
    reads.textContent = parts.join(' · ');
  }

  async resolve(card, decision) {
    if (card.busy) {
      return;
    }
    clearErrors(card.form);
    const mark = card.markInput.value.trim();
    const reason = card.reasonInput.value.trim();
    if (!mark) {
      setFieldError(card.markInput, t('console.queue.markRequired'));
    }
    if (!reason) {
      setFieldError(card.reasonInput, t('console.queue.reasonRequired'));
    }
    if (!mark || !reason) {
      (mark ? card.reasonInput : card.markInput).focus();
      return;
    }
    // Busy, not disabled: disabling the pressed button would throw the keyboard focus out of the card.
    card.busy = true;
    card.buttons.forEach((b) => b.setAttribute('aria-disabled', 'true'));
    try {
      const detail = await api('POST', `/api/v1/arrivals/${encodeURIComponent(card.arrival.arrivalId)}/override`,
        { body: { vehicleMark: mark, reason, decision }, key: idempotencyKey() });
      this.hooks.applied(detail);
      if (detail.gateSignal && detail.gateSignal !== 'SENT') {
        this.hooks.announce(gateSignalLabel(detail));
      }
    } catch (e) {
      showErrors(card.form, e);
    } finally {
      card.busy = false;
      card.buttons.forEach((b) => b.removeAttribute('aria-disabled'));
    }
  }

  remove(card) {
    const hadFocus = card.li.contains(document.activeElement);
    const next = card.li.nextElementSibling || card.li.previousElementSibling;
    card.li.remove();
    this.cards.delete(card.arrival.arrivalId);
    this.show();
    if (hadFocus) {
      // Keep the keyboard in the queue: on to the next REFER, or back to the queue's heading.
      const target = next && !next.hidden ? next.querySelector('input') : this.els.title;
      target.focus();
    }
  }

  select(controlPoint) {
    this.selected = controlPoint;
    this.show();
  }

  /** Only the chosen control point's REFERs; the title says how many wait there. */
  show() {
    let count = 0;
    this.cards.forEach((card) => {
      const here = card.arrival.controlPoint === this.selected;
      card.li.hidden = !here;
      count += here ? 1 : 0;
    });
    this.els.title.textContent = t('console.queue.title', { count });
    this.els.empty.hidden = count > 0;
    this.els.title.closest('.queue').classList.toggle('has-refer', count > 0);
  }

  relabel() {
    this.cards.forEach((card) => this.fill(card));
    this.show();
  }
}
