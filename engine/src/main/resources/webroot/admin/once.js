// A secret the engine gives only once (an account's API token, a device's token): shown in full,
// with a copy button, and a plain word that it will not be shown again.
import { t } from '/shared/i18n.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

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
  box.focus();
}

document.addEventListener('languagechange', () => {
  shown.forEach((words, box) => {
    if (!box.hidden) {
      render(box, words());
    }
  });
});

function render(box, { title, label, secret, notes }) {
  const code = el('code', 'secret mono', secret);
  const copy = el('button', 'secondary', t('admin.copy'));
  copy.type = 'button';
  const copied = el('span', 'copied', '');
  copied.setAttribute('aria-live', 'polite');
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
  const hide = el('button', 'secondary', t('admin.once.hide'));
  hide.type = 'button';
  hide.addEventListener('click', () => {
    box.hidden = true;
    box.replaceChildren();
    shown.delete(box);
  });
  const secretLine = el('p', 'secret-line');
  secretLine.append(el('strong', '', label), ' ', code);
  const actions = el('div', 'actions');
  actions.append(copy, hide, copied);
  box.replaceChildren(el('h3', '', title), secretLine, el('p', 'once-warning', t('admin.once.warning')),
    ...notes.map((n) => el('p', '', n)), actions);
}
