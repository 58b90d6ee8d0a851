// Errors beside the fields they are about. Each input carries data-field naming the API field
// ("consignor.name"), so an error the server names lands next to the input a person typed in;
// errors naming no input on the form go to the form's summary (role="alert").
import { ApiError } from './api.js';
import { el } from './dom.js';
import { coded, t, words } from './i18n.js';

function errorElement(input) {
  const id = `${input.id}-error`;
  let line = document.getElementById(id);
  if (!line) {
    line = el('p', { id, className: 'field-error' });
    input.insertAdjacentElement('afterend', line);
  }
  const describedBy = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  describedBy.add(id);
  input.setAttribute('aria-describedby', [...describedBy].join(' '));
  return line;
}

/** Shows (or, with an empty message, clears) one field's error. */
export function setFieldError(input, message) {
  errorElement(input).textContent = message || '';
  if (message) {
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-invalid');
  }
}

function summary(form) {
  let box = form.querySelector('.form-errors');
  if (!box) {
    box = el('div', { className: 'form-errors', role: 'alert' });
    form.prepend(box);
  }
  return box;
}

export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((input) => setFieldError(input, ''));
  const box = form.querySelector('.form-errors');
  if (box) {
    box.replaceChildren();
  }
}

/** The input an API field error is about: the field itself, or the first of its parts ("consignor" -> "consignor.name"). */
export function fieldInput(form, field) {
  return form.querySelector(`[data-field="${CSS.escape(field)}"]`)
    || form.querySelector(`[data-field^="${CSS.escape(field)}."]`);
}

/** Puts an API refusal on the form: field errors beside their inputs, the rest in the summary. */
export function showErrors(form, error) {
  clearErrors(form);
  const unplaced = [];
  const fieldErrors = error.fieldErrors || new Map();
  const codes = error.fieldCodes || new Map();
  fieldErrors.forEach((sentence, field) => {
    // A lone error with a code the page has words for is said in the reader's language.
    const message = codes.has(field) && !sentence.includes('; ') ? coded('error.code', codes.get(field), sentence) : sentence;
    const input = fieldInput(form, field);
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
  summary(form).replaceChildren(...lines.map((line) => el('p', { text: line })));
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  if (firstInvalid) {
    firstInvalid.focus();
  }
}

/**
 * A failed call in one line, as {key, params} for say(): "cannot reach the engine" when it could
 * not be reached, else the engine's own words.
 */
export function failure(error) {
  return error instanceof ApiError && error.status === 0
    ? { key: 'error.unreachable' } : { key: 'error.generic', params: { detail: error.message } };
}

/** The words of failure(error), now. */
export function problemText(error) {
  return words(failure(error));
}
