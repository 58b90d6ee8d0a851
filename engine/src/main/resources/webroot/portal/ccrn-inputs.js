// The CCRN boxes of the bundling form: one per CCRN, added and removed by the trucker, each checked
// on every keystroke by the check digit (shared/ccrn.js, the engine's own ISO 7064 MOD 11,10 rule),
// with a line under it saying how far along it is or that the number is right.
import { ccrnDigits, ccrnGrouped, ccrnState } from '/shared/ccrn.js';
import { el } from '/shared/dom.js';
import { t } from '/shared/i18n.js';

const problem = (key, params = {}, now = true) => ({ key, params, now });

let container;
let count = 0;

export function ccrnInputs() {
  return [...container.querySelectorAll('input')];
}

/** Numbers the boxes "CCRN 1", "CCRN 2"... in the reader's language, after any is added or removed. */
export function relabel() {
  ccrnInputs().forEach((input, i) => {
    container.querySelector(`label[for="${input.id}"]`).textContent = t('bundle.ccrnN', { n: i + 1 });
    const remove = input.closest('.ccrn-row').querySelector('button');
    if (remove) {
      remove.textContent = t('bundle.remove');
      remove.setAttribute('aria-label', t('bundle.remove.label', { n: i + 1 }));
    }
  });
}

/** null, or what is wrong with this box's CCRN (a wrong check digit at once; too few digits on leaving). */
export function checkCcrn(input) {
  const inputs = ccrnInputs();
  switch (ccrnState(input.value)) {
    case 'empty':
      // Only the first is needed; extra boxes left blank are ignored.
      return inputs[0] === input ? problem('ccrn.required', {}, false) : null;
    case 'typing':
      return problem('ccrn.length', {}, false);
    case 'not-digits':
      return problem('ccrn.digits');
    case 'too-long':
      return problem('ccrn.length');
    case 'check-digit':
      return problem('ccrn.checkDigit');
    default: {
      const digits = ccrnDigits(input.value);
      const earlier = inputs.slice(0, inputs.indexOf(input)).some((other) => ccrnDigits(other.value) === digits);
      return earlier ? problem('ccrn.twice') : null;
    }
  }
}

/** The line under a CCRN: how far along it is, or that its check digit is right. */
export function renderState(input) {
  const line = input.closest('.ccrn-row').querySelector('.ccrn-state');
  const state = ccrnState(input.value);
  if (state === 'ok' && !checkCcrn(input)) {
    line.className = 'ccrn-state field-ok';
    line.textContent = t('ccrn.ok', { ccrn: ccrnGrouped(input.value) });
  } else if (state === 'typing') {
    line.className = 'ccrn-state hint';
    line.textContent = t('ccrn.progress', { count: ccrnDigits(input.value).length });
  } else {
    line.className = 'ccrn-state';
    line.textContent = '';
  }
}

export function addCcrnInput(focus) {
  count += 1;
  const id = `bundle-ccrn-${count}`;
  const input = el('input', { id, className: 'mono ccrn-input', inputmode: 'numeric', autocomplete: 'off',
    maxlength: 40, spellcheck: 'false', dataset: { check: 'ccrn' } });
  const row = el('div', { className: 'ccrn-row' }, el('label', { for: id }), input,
    el('p', { className: 'ccrn-state', 'aria-live': 'polite' }));
  if (ccrnInputs().length > 0) {
    const remove = el('button', { type: 'button', className: 'secondary small' });
    remove.addEventListener('click', () => {
      row.remove();
      relabel();
      ccrnInputs()[0].focus();
    });
    row.append(remove);
  }
  input.addEventListener('input', () => renderState(input));
  container.append(row);
  relabel();
  if (focus) {
    input.focus();
  }
}

/** Back to a single empty box. */
export function resetCcrns() {
  container.replaceChildren();
  addCcrnInput(false);
}

export function initCcrnInputs(element) {
  container = element;
  resetCcrns();
  document.addEventListener('languagechange', () => {
    relabel();
    ccrnInputs().forEach(renderState);
  });
}
