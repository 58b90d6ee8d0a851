// Words for the engine's codes. The engine speaks in codes (reasons, gate states, control points);
// people read plain words in their language. A code the page does not know yet (a newer engine)
// is shown as it is rather than hidden.
import { has, t } from '/shared/i18n.js';

function coded(prefix, code, fallback) {
  if (!code) {
    return '';
  }
  const key = `${prefix}.${code}`;
  return has(key) ? t(key) : (fallback || code);
}

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
  const span = document.createElement('span');
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

/** Element builder for the small bits of DOM the console makes: text is always set as text. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'className') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  });
  return node;
}

const worded = new Set();

/**
 * Sets an element's text from a key and parameters (or a function giving them, for parameters
 * that are words themselves), and keeps it in the current language when the
 * language changes (notices and messages built by code have no data-i18n to re-read).
 */
export function say(node, key, params = {}) {
  if (!key) {
    node.textContent = '';
    worded.delete(node);
    return;
  }
  node.textContent = t(key, typeof params === 'function' ? params() : params);
  node.sayKey = key;
  node.sayParams = params;
  worded.add(node);
}

document.addEventListener('languagechange', () => {
  worded.forEach((node) => {
    if (!node.isConnected || !node.textContent) {
      worded.delete(node);
      return;
    }
    node.textContent = t(node.sayKey, typeof node.sayParams === 'function' ? node.sayParams() : node.sayParams);
  });
});
