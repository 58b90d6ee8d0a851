// As-you-type checks. A problem the clerk cannot be "still typing" (a zero package count, a date
// outside the window, a wrong check digit) shows at once; one that may only be unfinished (an empty
// field, half a date) waits until they leave the field or press the button. The engine checks
// everything again on sending, and its answer is the one that counts.
import { fieldProblem } from './errors.js';

/** Inputs this form checks: those naming an API field, or marked data-check for page-only checks. */
function checkedInputs(form) {
  return [...form.querySelectorAll('[data-field], [data-check]')]
    .filter((input) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(input.tagName) && input.type !== 'file');
}

/** Hidden fields (the bulk half while cargo is in packages) are not part of what is sent. */
function inUse(input) {
  return !input.disabled && !input.closest('[hidden]');
}

/**
 * Wires check(input) -> problem|null (problem = {key, params, now}) to a form's fields.
 * @returns {{checkAll: () => HTMLElement|null, forget: () => void, recheck: (input) => void}}
 */
export function liveChecks(form, check) {
  let left = new WeakSet();
  // Fields typed in. Tabbing through (or clicking away from) an untouched field is not a mistake.
  let typed = new WeakSet();
  // Problems this page found (as opposed to the engine's answer, which stays until the field changes).
  const ours = new WeakSet();

  const run = (input, { othersChange = false } = {}) => {
    const problem = inUse(input) ? check(input) : null;
    const show = problem && (problem.now || left.has(input));
    if (show) {
      fieldProblem(input, problem);
      ours.add(input);
    } else if (!othersChange || ours.has(input)) {
      fieldProblem(input, null);
      ours.delete(input);
    }
    return problem;
  };

  const onInput = (event) => {
    const input = event.target;
    if (!input.matches('[data-field], [data-check]')) {
      return;
    }
    typed.add(input);
    run(input);
    // Some rules join two fields (gross weight or volume, not both; two equal CCRNs): re-check the
    // ones already visited so their verdict follows this change.
    checkedInputs(form).filter((other) => other !== input && left.has(other))
      .forEach((other) => run(other, { othersChange: true }));
  };
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  // Leaving a field may reveal a problem held back while typing, but never clears one: the value did
  // not change, and a message vanishing under the pointer would move the button being clicked.
  form.addEventListener('focusout', (event) => {
    const input = event.target;
    if (input.matches('[data-field], [data-check]') && input.type !== 'file' && typed.has(input)) {
      left.add(input);
      const problem = inUse(input) ? check(input) : null;
      if (problem && input.getAttribute('aria-invalid') !== 'true') {
        fieldProblem(input, problem);
        ours.add(input);
      }
    }
  });

  return {
    /** Checks every field in use, shows every problem, and returns the first field in error. */
    checkAll() {
      let first = null;
      checkedInputs(form).forEach((input) => {
        left.add(input);
        if (run(input) && inUse(input) && !first) {
          first = input;
        }
      });
      return first;
    },
    /** A fresh start (form cleared): nothing visited, nothing shown. */
    forget() {
      left = new WeakSet();
      typed = new WeakSet();
      checkedInputs(form).forEach((input) => fieldProblem(input, null));
    },
    recheck: (input) => run(input),
  };
}
