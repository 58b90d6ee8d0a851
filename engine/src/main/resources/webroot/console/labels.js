// Words for the engine's codes. The engine speaks in codes (reasons, gate states, control points);
// people read plain words in their language. A code the page does not know yet (a newer engine)
// is shown as it is rather than hidden.
import { el } from '/shared/dom.js';
import { coded, t } from '/shared/i18n.js';

export function reasonLabel(code) {
  return coded('reason', code);
}

export function reasonList(codes) {
  return (codes || []).map(reasonLabel).join(t('console.listSeparator'));
}

/** A control point's name: the page's own translation, else the engine's (English) name. */
export function controlPointName(code, engineName) {
  return coded('cp', code, engineName);
}

export function holdLabel(code) {
  return coded('hold', code);
}

/** REFER and HOLD keep a truck at a closed gate until an officer acts: they wait on the board. */
export function waitsForOfficer(decision) {
  return decision === 'REFER' || decision === 'HOLD';
}

/** What the gate was told of an officer's override (the engine's gateSignal), in words. */
export function gateSignalLabel(detail) {
  return detail.gateSignal ? t(`console.override.gate.${detail.gateSignal}`, { lane: detail.lane }) : '';
}

export function decisionLabel(decision) {
  return coded('decision', decision);
}

/** The gate's answer for an arrival, or what is still awaited. */
export function gateLabel(arrival) {
  if (arrival.gateState === 'OPENED') {
    return t('console.gate.OPENED');
  }
  if (arrival.gateState === 'CLOSED') {
    return t('console.gate.CLOSED');
  }
  return t('console.gate.waiting');
}

/**
 * A decision badge: colour, a symbol (from the shared stylesheet) and the word, so nobody has to
 * tell red from green.
 */
export function decisionBadge(decision, large = false) {
  const span = el('span');
  setDecisionBadge(span, decision, large);
  return span;
}

export function setDecisionBadge(span, decision, large = false) {
  span.className = `decision ${decision || 'HOLD'}${large ? ' big' : ''}`;
  span.textContent = decisionLabel(decision || 'HOLD');
}

/** A rate (0.03) as people say it (3%). */
export function percent(rate) {
  const value = Math.round(rate * 10000) / 100;
  return `${value}%`;
}
