// A secret the engine gives only once (an account's API token, a device's token): shown in full,
// with a copy button, and a plain word that it will not be shown again.
import { el, focusOn } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const shown = new Map();

/**
 * Fills a box with a title, the secret, and notes; focuses the box so a screen reader reads it.
 * The words are built by a function, so that a change of language re-words the box.
 * @param {HTMLElement} box
 * @param {() => {title: string, label: string, secret: string, notes: string[]}} words
 */
export function showOnce(box, words) {
  shown.set(box, words);
  render(box, words());
  box.hidden = false;
  focusOn(box);
}

document.addEventListener('languagechange', () => {
  shown.forEach((words, box) => {
    if (!box.hidden) {
      render(box, words());
    }
  });
});

function render(box, { title, label, secret, notes }) {
  const code = el('code', { className: 'secret mono' }, secret);
  const copy = el('button', { type: 'button', className: 'secondary' }, t('admin.copy'));
  const copied = el('span', { className: 'copied', 'aria-live': 'polite' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(secret);
      copied.textContent = t('admin.copied');
    } catch (e) {
      // No clipboard (an insecure origin, or refused): select the text so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copied.textContent = t('admin.copySelect');
    }
  });
  const hide = el('button', { type: 'button', className: 'secondary' }, t('admin.once.hide'));
  hide.addEventListener('click', () => {
    box.hidden = true;
    box.replaceChildren();
    shown.delete(box);
  });
  box.replaceChildren(el('h3', {}, title),
    el('p', { className: 'secret-line' }, el('strong', {}, label), ' ', code),
    el('p', { className: 'once-warning' }, t('admin.once.warning')),
    ...notes.map((n) => el('p', {}, n)),
    el('div', { className: 'actions' }, copy, hide, copied));
}
