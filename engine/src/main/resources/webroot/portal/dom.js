// Small builders for the rows and badges the views make from data. Text always goes in as
// textContent, never as HTML: a consignee called "<img onerror=...>" is shown, not run.
import { has, language, t } from '/shared/i18n.js';
import { words } from './messages.js';

/** el('td', {className: 'mono'}, 'text', childNode...) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(props).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name in node && !name.includes('-')) {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  });
  return node;
}

/** A status as a badge: colour from seamless.css, and the word in the reader's language. */
export function statusBadge(status) {
  const key = `status.${status}`;
  return el('span', { className: `status ${status}` }, has(key) ? t(key) : status);
}

function locale() {
  return language() === 'zh-Hant' ? 'zh-HK' : 'en-HK';
}

const ZONE = 'Asia/Hong_Kong';

/** "10:30": the hour and minute in Hong Kong, whatever zone the tablet is set to. */
export function hkClock(iso) {
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
}

/** "Tuesday, 17 November 2026": the Hong Kong calendar day of an instant, written out in full. */
export function hkLongDate(iso) {
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' })
    .format(new Date(iso));
}

/** Focuses a heading or panel that was just shown, so keyboard and screen-reader users land on it. */
export function focusOn(node) {
  if (!node.hasAttribute('tabindex')) {
    node.setAttribute('tabindex', '-1');
  }
  node.focus({ preventScroll: false });
}

/** Swaps a button's words for "Working…" while a call is out, and blocks a second press. */
export async function busy(button, work) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = t('working');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    // The language may have changed meanwhile: re-label from the key when the button has one.
    button.textContent = button.dataset.i18n ? t(button.dataset.i18n) : label;
  }
}

/** Messages the page shows now ({key, params} or {text}), kept to re-word them on a language switch. */
const said = new Map();

/**
 * Shows a message in a notice or status line, in the reader's language and kept in it when the
 * language changes; null clears the line (and forgets it, so a switch cannot bring it back).
 */
export function say(node, explanation) {
  if (!explanation) {
    said.delete(node);
    node.textContent = '';
    return;
  }
  said.set(node, explanation);
  node.textContent = words(explanation);
}

document.addEventListener('languagechange', () => {
  said.forEach((explanation, node) => {
    if (node.isConnected) {
      node.textContent = words(explanation);
    } else {
      said.delete(node);
    }
  });
});
