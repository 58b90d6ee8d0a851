// Small builders for the rows, cards and notices the pages make from data, for every area. Text
// always goes in as text, never as HTML: a consignee called "<img onerror=...>" is shown, not run.
import { words } from './i18n.js';

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/**
 * el('td', {className: 'mono'}, 'text', childNode...)
 *
 * props: className; text (the element's text); dataset (an object of data-* values); any other
 * name is set as an attribute, as markup would write it ('type', 'for', 'colspan', 'aria-label';
 * true gives an empty one, as for hidden). A prop that is undefined, null or false is left out.
 * Children are nodes or text (or arrays of them), appended in order; null, undefined and false
 * are left out.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(props).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'className') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
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

/** Focuses a heading or panel that was just shown, so keyboard and screen-reader users land on it. */
export function focusOn(node) {
  if (!node.hasAttribute('tabindex')) {
    node.setAttribute('tabindex', '-1');
  }
  node.focus({ preventScroll: false });
}

/** Messages the page shows now ({key, params} or {text}), kept to re-word them on a language switch. */
const said = new Map();

/**
 * Shows a message in a notice or status line, in the reader's language and kept in it when the
 * language changes (notices built by code have no data-i18n to re-read); null clears the line (and
 * forgets it, so a switch cannot bring it back). A parameter may be a function (a date, a status
 * name), called at each wording so that it too is in the current language.
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
    // A line gone from the page, or emptied by other code, is not brought back.
    if (node.isConnected && node.textContent) {
      node.textContent = words(explanation);
    } else {
      said.delete(node);
    }
  });
});
