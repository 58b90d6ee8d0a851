// Errors beside the fields they are about. Each input carries data-field naming the API field
// ("consignor.name"), so an error the server names lands next to the input a person typed in;
// errors naming no input on the form go to the form's summary (role="alert").
import { t } from './i18n.js';

function errorElement(input) {
  const id = `${input.id}-error`;
  let el = document.getElementById(id);
  if (!el) {
    el = document.createElement('p');
    el.id = id;
    el.className = 'field-error';
    input.insertAdjacentElement('afterend', el);
  }
  const describedBy = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  describedBy.add(id);
  input.setAttribute('aria-describedby', [...describedBy].join(' '));
  return el;
}

/** Shows (or, with an empty message, clears) one field's error. */
export function setFieldError(input, message) {
  const el = errorElement(input);
  el.textContent = message || '';
  if (message) {
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-invalid');
  }
}

function summary(form) {
  let el = form.querySelector('.form-errors');
  if (!el) {
    el = document.createElement('div');
    el.className = 'form-errors';
    el.setAttribute('role', 'alert');
    form.prepend(el);
  }
  return el;
}

export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((input) => setFieldError(input, ''));
  const el = form.querySelector('.form-errors');
  if (el) {
    el.replaceChildren();
  }
}

/** Puts an API refusal on the form: field errors beside their inputs, the rest in the summary. */
export function showErrors(form, error) {
  clearErrors(form);
  const unplaced = [];
  const fieldErrors = error.fieldErrors || new Map();
  fieldErrors.forEach((message, field) => {
    const input = form.querySelector(`[data-field="${CSS.escape(field)}"]`)
      || form.querySelector(`[data-field^="${CSS.escape(field)}."]`);
    if (input) {
      setFieldError(input, message);
    } else {
      unplaced.push(`${field}: ${message}`);
    }
  });
  const lines = [];
  if (error.status === 0) {
    lines.push(t('error.unreachable'));
  } else if (fieldErrors.size === 0 || unplaced.length > 0) {
    lines.push(error.message);
  }
  lines.push(...unplaced);
  summary(form).replaceChildren(...lines.map((line) => {
    const p = document.createElement('p');
    p.textContent = line;
    return p;
  }));
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  if (firstInvalid) {
    firstInvalid.focus();
  }
}
