// The lanes grid: one card per lane, grouped by control point and direction, each with its latest
// arrivals. It is updated in place, row by row, never rebuilt: a live board that redrew itself on
// every message would take the keyboard focus away from the officer using it.
import { el } from '/shared/dom.js';
import { formatTime } from '/shared/format.js';
import { t, translate } from '/shared/i18n.js';
import {
  controlPointName, decisionLabel, gateLabel, holdLabel, reasonList, setDecisionBadge, waitsForOfficer,
} from './labels.js';

/** Rows kept per lane: the latest few are what an officer at the lane needs. */
const ROWS_PER_LANE = 8;
const SELECTED_KEY = 'seamless.console.controlPoint';

const time = (iso) => Date.parse(iso) || 0;

export class Board {
  /**
   * @param {object} els containers: controlPoints (button group), lanes
   * @param {object} hooks onOpen(arrivalId, opener), onChange(arrival, previous, live) for the queue
   *   and the dialog, onSelect(controlPoint)
   */
  constructor(els, hooks) {
    this.els = els;
    this.hooks = hooks;
    this.arrivals = new Map();
    this.lanes = new Map();
    this.controlPoints = [];
    this.selected = null;
    this.seq = 0;
  }

  /** Builds the control-point switch and the lane cards from the engine's settings. */
  setSettings(settings) {
    this.controlPoints = settings.controlPoints.map((cp) => ({ code: cp.code, name: cp.name }));
    this.els.controlPoints.replaceChildren(...this.controlPoints.map((cp) => {
      const count = el('span', { className: 'refer-count', hidden: true });
      const held = el('span', { className: 'hold-count', hidden: true });
      const button = el('button', { type: 'button', className: 'cp', 'data-cp': cp.code, 'aria-pressed': 'false' },
        el('span', { className: 'cp-name' }), count, held);
      button.addEventListener('click', () => this.select(cp.code));
      return button;
    }));
    this.els.lanes.replaceChildren();
    settings.controlPoints.forEach((cp) => {
      ['IMPORT', 'EXPORT'].forEach((direction) => {
        const lanes = cp.lanes.filter((l) => l.direction === direction);
        if (lanes.length === 0) {
          return;
        }
        const grid = el('div', { className: 'lane-grid' });
        const group = el('section', { className: 'direction-group', 'data-cp': cp.code, 'data-direction': direction },
          el('h2', { 'data-i18n': `direction.${direction}` }), grid);
        lanes.forEach((lane) => grid.append(this.laneCard(lane.id, cp.code, direction)));
        this.els.lanes.append(group);
      });
    });
    const remembered = localStorage.getItem(SELECTED_KEY);
    translate(this.els.lanes);
    this.select(this.controlPoints.some((cp) => cp.code === remembered) ? remembered : this.controlPoints[0]?.code);
    this.relabel();
  }

  laneCard(id, controlPoint, direction) {
    const headingId = `lane-${id}`;
    const gate = el('span', { className: 'gate-link unknown' });
    // A held lane: a truck waits at a closed gate and nobody has been told what to do with it.
    const holdTitle = el('p', { className: 'hold-title' });
    const holdWhy = el('p', { className: 'hold-why' });
    const holdClears = el('p', { className: 'hold-clears' });
    const hold = el('div', { className: 'lane-hold', role: 'alert', hidden: true }, holdTitle, holdWhy, holdClears);
    const caption = el('caption', { className: 'visually-hidden' });
    const head = el('tr', {},
      el('th', { scope: 'col', 'data-i18n': 'console.col.time' }),
      el('th', { scope: 'col', 'data-i18n': 'console.col.vehicle' }),
      el('th', { scope: 'col', 'data-i18n': 'console.col.decision' }),
      el('th', { scope: 'col', 'data-i18n': 'console.col.reasons' }),
      el('th', { scope: 'col', 'data-i18n': 'console.col.gate' }));
    const rows = el('tbody');
    const empty = el('p', { className: 'hint lane-empty', 'data-i18n': 'console.lane.empty' });
    // An empty lane shows one line, not a table of headings with nothing under them.
    const table = el('div', { className: 'table-scroll', hidden: true },
      el('table', { className: 'arrivals' }, caption, el('thead', {}, head), rows));
    const card = el('section', { className: 'lane', 'data-lane': id, 'aria-labelledby': headingId },
      el('header', { className: 'lane-head' },
        el('h3', { id: headingId }, el('span', { className: 'mono' }, id)), gate),
      hold, table, empty);
    this.lanes.set(id, {
      id, controlPoint, direction, gateConnected: null, card, gate, hold, holdTitle, holdWhy, holdClears,
      holdMessage: null, caption, rows, empty, table,
    });
    return card;
  }

  /** Shows one control point's lanes and queue; the choice is remembered on this device. */
  select(code) {
    if (!code) {
      return;
    }
    this.selected = code;
    localStorage.setItem(SELECTED_KEY, code);
    this.els.controlPoints.querySelectorAll('button.cp').forEach((b) => {
      b.setAttribute('aria-pressed', String(b.dataset.cp === code));
    });
    this.els.lanes.querySelectorAll('.direction-group').forEach((g) => { g.hidden = g.dataset.cp !== code; });
    this.hooks.onSelect(code);
  }

  controlPointName(code) {
    const cp = this.controlPoints.find((c) => c.code === code);
    return controlPointName(code, cp ? cp.name : code);
  }

  /** The lanes the engine says it has, with their gates' state (the feed's hello). */
  hello(message) {
    (message.lanes || []).forEach((lane) => {
      if (!this.lanes.has(lane.lane)) {
        return; // a lane the settings did not list: shown once the page is reloaded
      }
      this.laneState(lane);
      if (lane.hold) {
        this.hold(lane.hold); // a HOLD said before this page connected still stands until the lane decides
      }
    });
  }

  laneState(message) {
    const lane = this.lanes.get(message.lane);
    if (!lane) {
      return;
    }
    lane.gateConnected = Boolean(message.gateConnected);
    lane.gateFault = Boolean(message.gateFault);
    // A fault the engine latched names its cause first ("NOT_CONFIRMED: ..."); the officer clears it
    // once the gate is looked at (POST /api/v1/lanes/{lane}/gate-fault/clear).
    lane.gateFaultReason = message.gateFaultReason || null;
    lane.reader = message.reader || null;
    this.renderGate(lane);
  }

  renderGate(lane) {
    const state = lane.gateConnected === null ? 'unknown' : (lane.gateFault ? 'fault' : (lane.gateConnected ? 'on' : 'off'));
    lane.gate.className = `gate-link ${state}`;
    let text = lane.gateConnected === null ? '' : t(lane.gateConnected ? 'console.lane.gateOn' : 'console.lane.gateOff');
    if (lane.gateFault) {
      const cause = lane.gateFaultReason ? lane.gateFaultReason.split(':')[0] : t('console.lane.gateFault.reported');
      text = t('console.lane.gateFault', { cause });
      lane.gate.title = lane.gateFaultReason || '';
    } else {
      lane.gate.title = '';
    }
    if (lane.reader && lane.gateConnected !== null) {
      text += ` · ${t(lane.reader === 'CONNECTED' ? 'console.lane.readerOn' : 'console.lane.readerOff')}`;
    }
    lane.gate.textContent = text;
  }

  /** No decision could be given at a lane: its gate stays shut and the display says SEE OFFICER. */
  hold(message) {
    const lane = this.lanes.get(message.lane);
    if (!lane) {
      return;
    }
    lane.holdMessage = message;
    this.renderHold(lane);
  }

  renderHold(lane) {
    const held = lane.holdMessage;
    lane.hold.hidden = !held;
    lane.card.classList.toggle('held', Boolean(held));
    if (held) {
      const badge = el('span', {});
      setDecisionBadge(badge, 'HOLD');
      lane.holdTitle.replaceChildren(badge, ' ', el('strong', {}, t('console.lane.hold.title', { time: formatTime(held.at) })));
      lane.holdWhy.textContent = t('console.lane.hold', {
        reason: holdLabel(held.reason), display: held.display || 'SEE OFFICER',
      });
      lane.holdClears.textContent = t('console.lane.hold.clears');
    }
    this.countHolds();
  }

  /**
   * An arrival decided, overridden or re-read. Fields a message leaves out (a decision carries no
   * gate state) keep what was known.
   * @param {boolean} live true for what the feed says now, false for a catch-up after (re)connecting
   */
  upsert(message, live = true) {
    if (!message || !message.arrivalId) {
      return;
    }
    const previous = this.arrivals.get(message.arrivalId);
    const arrival = { ...(previous ? previous.data : {}), ...message };
    if (message.gateState === undefined && previous) {
      arrival.gateState = previous.data.gateState;
    }
    this.seq += 1;
    this.arrivals.set(message.arrivalId, { data: arrival, seq: this.seq });
    const lane = this.lanes.get(arrival.lane);
    if (lane && lane.holdMessage && !previous && time(arrival.decidedAt) >= time(lane.holdMessage.at)) {
      // A new arrival decided after the hold: the lane is deciding again. (An override, a gate's
      // answer or a re-read of an arrival the board already had is not the lane deciding.)
      lane.holdMessage = null;
      this.renderHold(lane);
    }
    this.renderRow(arrival);
    this.hooks.onChange(arrival, previous ? previous.data : null, live);
    this.countRefers();
  }

  gate(message) {
    const known = this.arrivals.get(message.arrivalId);
    if (!known) {
      return;
    }
    this.upsert({ arrivalId: message.arrivalId, gateState: message.state });
  }

  /**
   * Catch-up after (re)connecting: the recent arrivals the engine remembers. A row the feed
   * updated after the catch-up was asked for is newer than the answer, and is kept.
   */
  merge(list, askedAtSeq) {
    [...list].reverse().forEach((arrival) => {
      const known = this.arrivals.get(arrival.arrivalId);
      if (!known || known.seq <= askedAtSeq) {
        this.upsert(arrival, false);
      }
    });
  }

  renderRow(arrival) {
    const lane = this.lanes.get(arrival.lane);
    if (!lane) {
      return;
    }
    let row = lane.rows.querySelector(`tr[data-arrival="${CSS.escape(arrival.arrivalId)}"]`);
    if (!row) {
      row = this.newRow(arrival);
      // Newest first: put it before the first row decided earlier. Existing rows never move.
      const later = [...lane.rows.children].find((r) => time(r.dataset.decidedAt) < time(arrival.decidedAt));
      lane.rows.insertBefore(row, later || null);
      while (lane.rows.children.length > ROWS_PER_LANE) {
        const gone = lane.rows.lastElementChild;
        gone.remove();
        this.forget(gone.dataset.arrival);
      }
      lane.empty.hidden = true;
      lane.table.hidden = false;
      if (!row.isConnected) {
        this.forget(arrival.arrivalId); // older than every row kept
        return;
      }
    }
    this.fillRow(row, arrival);
  }

  newRow(arrival) {
    const mark = el('button', { type: 'button', className: 'link mark mono' });
    mark.addEventListener('click', () => this.hooks.onOpen(arrival.arrivalId, mark));
    const row = el('tr', { 'data-arrival': arrival.arrivalId },
      el('td', { className: 'time mono' }),
      el('td', {}, mark),
      el('td', {}, el('span', { className: 'decision' })),
      el('td', { className: 'reasons' }),
      el('td', { className: 'gate' }));
    row.dataset.decidedAt = arrival.decidedAt || '';
    return row;
  }

  fillRow(row, arrival) {
    const [timeCell, markCell, decisionCell, reasonsCell, gateCell] = row.children;
    row.className = arrival.decision || '';
    timeCell.textContent = formatTime(arrival.decidedAt);
    const mark = markCell.firstElementChild;
    const shown = arrival.vehicleMark || t('console.mark.unknown');
    mark.textContent = shown;
    mark.setAttribute('aria-label', t('console.open.arrival', { mark: shown, decision: decisionLabel(arrival.decision) }));
    setDecisionBadge(decisionCell.firstElementChild, arrival.decision);
    reasonsCell.textContent = reasonList(arrival.reasons) || '—';
    gateCell.textContent = gateLabel(arrival);
    gateCell.className = `gate ${arrival.gateState || 'waiting'}`;
  }

  /**
   * Off the board, an arrival is forgotten, so a busy day does not fill the tab's memory; a REFER
   * is kept while it waits for an officer.
   */
  forget(id) {
    const known = this.arrivals.get(id);
    if (known && !waitsForOfficer(known.data.decision) && !this.hooks.isOpen(id)) {
      this.arrivals.delete(id);
    }
  }

  /** Each control point's button shows how many REFERs wait there. */
  countRefers() {
    const counts = new Map();
    this.arrivals.forEach(({ data }) => {
      if (waitsForOfficer(data.decision)) {
        counts.set(data.controlPoint, (counts.get(data.controlPoint) || 0) + 1);
      }
    });
    this.els.controlPoints.querySelectorAll('button.cp').forEach((b) => {
      const n = counts.get(b.dataset.cp) || 0;
      const badge = b.querySelector('.refer-count');
      badge.hidden = n === 0;
      badge.textContent = n === 0 ? '' : t('console.cp.waiting', { count: n });
      b.classList.toggle('has-refer', n > 0);
    });
  }

  /** Each control point's button shows how many of its lanes are held, seen from any control point. */
  countHolds() {
    const counts = new Map();
    this.lanes.forEach((lane) => {
      if (lane.holdMessage) {
        counts.set(lane.controlPoint, (counts.get(lane.controlPoint) || 0) + 1);
      }
    });
    this.els.controlPoints.querySelectorAll('button.cp').forEach((b) => {
      const n = counts.get(b.dataset.cp) || 0;
      const badge = b.querySelector('.hold-count');
      badge.hidden = n === 0;
      badge.textContent = n === 0 ? '' : t('console.cp.held', { count: n });
      b.classList.toggle('has-hold', n > 0);
    });
  }

  /** The current language, everywhere text was built by code. */
  relabel() {
    this.els.controlPoints.querySelectorAll('button.cp').forEach((b) => {
      b.querySelector('.cp-name').textContent = this.controlPointName(b.dataset.cp);
    });
    this.lanes.forEach((lane) => {
      lane.caption.textContent = t('console.lane.caption', { lane: lane.id });
      this.renderGate(lane);
      this.renderHold(lane);
      lane.rows.querySelectorAll('tr').forEach((row) => {
        const known = this.arrivals.get(row.dataset.arrival);
        if (known) {
          this.fillRow(row, known.data);
        }
      });
    });
    this.countRefers();
  }

  arrival(id) {
    const known = this.arrivals.get(id);
    return known ? known.data : null;
  }

  /** REFERs still waiting, oldest first: the one waiting longest is dealt with first. */
  waiting() {
    return [...this.arrivals.values()].map((a) => a.data).filter((a) => waitsForOfficer(a.decision))
      .sort((a, b) => time(a.decidedAt) - time(b.decidedAt));
  }
}
