// The portal's own small builders; those every area uses (el, say, focusOn) are in /shared/dom.js.
import { el } from '/shared/dom.js';
import { coded, t } from '/shared/i18n.js';

/** A status as a badge: colour from seamless.css, and the word in the reader's language. */
export function statusBadge(status) {
  return el('span', { className: `status ${status}` }, coded('status', status));
}

/**
 * Swaps a button's words for "Working…" while a call is out, and blocks a second press. (The admin
 * desk and the console only disable theirs, and the console's override buttons not even that: a
 * disabled button would throw the keyboard focus out of the card.)
 */
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
