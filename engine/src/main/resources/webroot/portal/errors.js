// Puts problems beside the fields they are about, in the reader's language, and keeps them in that
// language when the reader switches. The shared forms.js places them; this module words them.
import { say } from '/shared/dom.js';
import { clearErrors, fieldInput, setFieldError, showErrors } from '/shared/forms.js';
import { words } from '/shared/i18n.js';
import { explain } from './messages.js';

/** The problem each input shows now, kept so a language switch can re-word it. */
const shown = new Map();

/** Shows (explanation given) or clears (null) one field's problem. */
export function fieldProblem(input, explanation) {
  if (explanation) {
    shown.set(input, explanation);
    setFieldError(input, words(explanation));
  } else {
    shown.delete(input);
    setFieldError(input, '');
  }
}

export function clearProblems(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((input) => shown.delete(input));
  clearErrors(form);
}

/**
 * Shows an API refusal on a form: field errors beside their inputs (translated where the page
 * knows the engine's words), anything else in the form's summary. A lost session goes back to
 * sign-in, since nothing on the form can fix that.
 */
export function showApiError(form, error) {
  if (error.status === 401) {
    document.dispatchEvent(new CustomEvent('portal:session-ended'));
    return;
  }
  const explained = new Map();
  const fieldErrors = new Map();
  (error.fieldErrors || new Map()).forEach((message, field) => {
    const explanation = explain(message);
    explained.set(field, explanation);
    fieldErrors.set(field, words(explanation));
  });
  showErrors(form, { status: error.status, message: words(summary(error)), fieldErrors });
  explained.forEach((explanation, field) => {
    const input = fieldInput(form, field);
    if (input) {
      shown.set(input, explanation);
    }
  });
}

/** The refusal as one line: the engine's own detail, introduced in the reader's language. */
function summary(error) {
  const detail = (error.problem && (error.problem.detail || error.problem.title)) || error.message || '';
  const key = { 403: 'error.forbidden', 404: 'error.notFound', 409: 'error.conflict', 429: 'error.tooMany' }[error.status]
    || 'error.refused';
  return { key, params: { detail } };
}

/** Shows a problem that belongs to no field (loading a list failed, say) in a region of the page. */
export function showProblem(region, error) {
  if (error.status === 401) {
    document.dispatchEvent(new CustomEvent('portal:session-ended'));
    return;
  }
  say(region, error.status === 0 ? { key: 'error.unreachable' } : summary(error));
}

document.addEventListener('languagechange', () => {
  shown.forEach((explanation, input) => {
    if (input.isConnected && input.getAttribute('aria-invalid') === 'true') {
      setFieldError(input, words(explanation));
    } else {
      shown.delete(input);
    }
  });
});
