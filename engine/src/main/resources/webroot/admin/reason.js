// Suspending, reinstating, rotating a token, revoking a device: each asks for a reason first,
// in the row itself, because the engine keeps it in the audit trail with who and when.
import { el } from '/shared/dom.js';
import { setFieldError } from '/shared/forms.js';
import { t } from '/shared/i18n.js';

let counter = 0;

/**
 * A small form in place of a row's buttons: a reason, the action's button, and Cancel.
 * @param {{ask: string, confirm: string, danger: boolean, onConfirm: (reason: string, button: HTMLButtonElement) => void,
 *          onCancel: () => void}} options
 * @returns {HTMLFormElement}
 */
export function reasonForm({ ask, confirm, danger, onConfirm, onCancel }) {
  counter += 1;
  const id = `reason-${counter}`;
  const input = el('input', { id, 'data-field': 'reason', maxlength: '500', autocomplete: 'off' });
  const yes = el('button', { type: 'submit', className: danger ? 'danger' : '' }, confirm);
  const no = el('button', { type: 'button', className: 'secondary' }, t('admin.reason.cancel'));
  const form = el('form', { className: 'reason-form', novalidate: true },
    el('p', { className: 'confirm' }, ask),
    el('label', { for: id }, t('admin.reason.label'), ' ', el('span', { className: 'hint' }, t('admin.reason.hint'))),
    input,
    el('div', { className: 'actions' }, yes, no));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const reason = input.value.trim();
    if (!reason) {
      setFieldError(input, t('admin.reason.required'));
      input.focus();
      return;
    }
    setFieldError(input, '');
    onConfirm(reason, yes);
  });
  no.addEventListener('click', onCancel);
  queueMicrotask(() => input.focus());
  return form;
}
