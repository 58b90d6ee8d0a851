// Lodging a consignment (or amending one while it is LODGED): the eight pieces of cargo
// information, checked as they are typed, sent with one Idempotency-Key per intended lodgement.
// Also: filling the form from a saved template, and saving the form as one.
import { get, put, post } from '/shared/api.js';
import { ccrnGrouped } from '/shared/ccrn.js';
import { $, el, focusOn, say } from '/shared/dom.js';
import { formatDate, formatDateTime } from '/shared/format.js';
import { t } from '/shared/i18n.js';
import { cargoForm } from './cargo-form.js';
import { lastLodgeableDate, readDate, readPeriod } from './cargo-rules.js';
import { busy, statusBadge } from './dom.js';
import { clearProblems, fieldProblem, showApiError, showProblem } from './errors.js';
import { liveChecks } from './live-check.js';
import { engineToday, lodgementWindow, refreshSettings } from './settings.js';
import { IntendedWrite } from './writes.js';


let form;
let cargo;
let checks;
let templateForm;
let templateChecks;
/** {kind: 'new'} or {kind: 'amend', ccrn, status}. */
let mode = { kind: 'new' };
/** The last answer shown in the result panel, kept to re-word it when the language changes. */
let result = null;
const lodgement = new IntendedWrite();
const templateWrite = new IntendedWrite();
let templateNames = [];

// ---- hints beside the expected date ----

function renderDateHints() {
  const date = readDate($('lodge-date').value);
  $('lodge-date-echo').textContent = date && date.iso ? formatDate(date.iso) : '';
  const today = engineToday();
  $('lodge-window').textContent = today
    ? t('lodge.window', { first: formatDate(today), last: formatDate(lastLodgeableDate(today, readPeriod(lodgementWindow()))) })
    : '';
}

// ---- what the view shows ----

function renderTitle() {
  $('lodge-title').textContent = mode.kind === 'amend'
    ? t('lodge.title.amend', { ccrn: ccrnGrouped(mode.ccrn) }) : t('lodge.title.new');
  $('lodge-submit').dataset.i18n = mode.kind === 'amend' ? 'lodge.submit.amend' : 'lodge.submit';
  $('lodge-submit').textContent = t($('lodge-submit').dataset.i18n);
}

function setMode(next) {
  mode = next;
  const amending = mode.kind === 'amend';
  $('lodge-intro').hidden = amending;
  $('lodge-from-template').hidden = amending || templateNames.length === 0;
  $('lodge-save-template').hidden = amending;
  $('lodge-clear').hidden = amending;
  $('lodge-back').hidden = !amending;
  $('lodge-submit').disabled = false;
  say($('lodge-problem'), null);
  say($('lodge-filled'), null);
  renderTitle();
}

function showForm() {
  $('lodge-result').hidden = true;
  form.hidden = false;
  result = null;
}

function freshForm() {
  cargo.clear();
  clearProblems(form);
  checks.forget();
  lodgement.done();
  say($('lodge-filled'), null);
  renderDateHints();
  showForm();
}

function renderResult() {
  if (!result) {
    return;
  }
  $('lodge-result-title').textContent = t(result.amended ? 'lodge.result.amended' : 'lodge.result.lodged');
  $('lodge-result-ccrn').textContent = ccrnGrouped(result.consignment.ccrn);
  $('lodge-result-status').replaceChildren(statusBadge(result.consignment.status));
  $('lodge-result-version').textContent = String(result.consignment.version);
  $('lodge-result-date').textContent = formatDate(result.consignment.expectedDate);
  $('lodge-result-at').textContent = formatDateTime(result.consignment.updatedAt || result.consignment.lodgedAt);
  $('lodge-again-same').hidden = result.amended;
  $('lodge-again-new').hidden = result.amended;
}

function showResult(consignment, amended) {
  result = { consignment, amended };
  renderResult();
  form.hidden = true;
  $('lodge-result').hidden = false;
  focusOn($('lodge-result'));
}

// ---- lodging and amending ----

async function submit(event) {
  event.preventDefault();
  clearProblems(form);
  say($('lodge-filled'), null);
  const first = checks.checkAll();
  if (first) {
    first.focus();
    return;
  }
  const body = cargo.body();
  const amending = mode.kind === 'amend';
  const path = amending ? `/api/v1/consignments/${encodeURIComponent(mode.ccrn)}` : '/api/v1/consignments';
  try {
    const answer = await busy($('lodge-submit'),
      () => lodgement.send(body, (key) => (amending ? put(path, body, key) : post(path, body, key))));
    showResult(answer, amending);
  } catch (e) {
    showApiError(form, e);
  }
}

// ---- templates ----

async function loadTemplateNames() {
  try {
    const answer = await get('/api/v1/templates');
    templateNames = answer.templates.map((template) => template.name);
  } catch (e) {
    templateNames = [];
    showProblem($('lodge-problem'), e);
  }
  const select = $('lodge-template');
  select.replaceChildren(...templateNames.map((name) => el('option', { value: name }, name)));
  $('lodge-from-template').hidden = mode.kind === 'amend' || templateNames.length === 0;
}

async function fillFromTemplate(name) {
  try {
    const template = await get(`/api/v1/templates/${encodeURIComponent(name)}`);
    freshForm();
    cargo.fill(template.cargo, { withDate: false });
    say($('lodge-filled'), { key: 'lodge.filled', params: { name: template.name } });
    // The date is the one thing a template never holds: that is where the clerk carries on.
    $('lodge-date').focus();
  } catch (e) {
    showProblem($('lodge-problem'), e);
  }
}

function checkTemplateName(input) {
  const name = input.value.trim();
  if (!name) {
    return { key: 'rule.required', params: {}, now: false };
  }
  if ([...name].length > 60) {
    return { key: 'rule.tooLong', params: { max: 60 }, now: true };
  }
  return null;
}

async function saveTemplate(event) {
  event.preventDefault();
  clearProblems(templateForm);
  say($('template-saved'), null);
  const nameInput = $('template-name');
  const first = templateChecks.checkAll();
  if (first) {
    first.focus();
    return;
  }
  const draft = cargo.draft();
  if (Object.keys(draft).length === 0) {
    fieldProblem(nameInput, { key: 'lodge.saveTemplate.empty' });
    return;
  }
  const name = nameInput.value.trim();
  const replacing = templateNames.includes(name);
  const body = { cargo: draft };
  try {
    const saved = await busy(templateForm.querySelector('button[type="submit"]'), () => templateWrite.send({ name, body },
      (key) => put(`/api/v1/templates/${encodeURIComponent(name)}`, body, key)));
    say($('template-saved'), { key: replacing ? 'lodge.saveTemplate.replaced' : 'lodge.saveTemplate.saved', params: { name: saved.name } });
    templateForm.reset();
    templateChecks.forget();
    await loadTemplateNames();
  } catch (e) {
    showApiError(templateForm, e);
  }
}

// ---- amending ----

async function loadForAmendment(ccrn) {
  try {
    const consignment = await get(`/api/v1/consignments/${encodeURIComponent(ccrn)}`);
    cargo.fill(consignment);
    renderDateHints();
    if (consignment.status !== 'LODGED') {
      say($('lodge-problem'), { key: 'lodge.amend.notLodged', params: { status: () => t(`status.${consignment.status}`) } });
      $('lodge-submit').disabled = true;
    }
  } catch (e) {
    showProblem($('lodge-problem'), e);
    $('lodge-submit').disabled = true;
  }
}

// ---- the view ----

export function init() {
  form = $('lodge-form');
  cargo = cargoForm(form);
  checks = liveChecks(form, (input) => cargo.check(input));
  form.addEventListener('submit', submit);
  $('lodge-date').addEventListener('input', renderDateHints);
  $('lodge-clear').addEventListener('click', () => {
    freshForm();
    $('lodge-direction').focus();
  });
  $('lodge-again-same').addEventListener('click', () => {
    // Same details, new lodgement: a new intention, so a new Idempotency-Key (lodgement.done()).
    lodgement.done();
    showForm();
    $('lodge-date').focus();
  });
  $('lodge-again-new').addEventListener('click', () => {
    freshForm();
    $('lodge-direction').focus();
  });
  $('lodge-template-use').addEventListener('click', () => {
    if ($('lodge-template').value) {
      fillFromTemplate($('lodge-template').value);
    }
  });
  templateForm = $('template-save-form');
  templateChecks = liveChecks(templateForm, checkTemplateName);
  templateForm.addEventListener('submit', saveTemplate);
  document.addEventListener('languagechange', () => {
    renderTitle();
    renderDateHints();
    renderResult();
  });
}

/** [] a new lodgement; ['amend', ccrn]; ['template', name] a new lodgement filled from a template. */
export async function show(args) {
  const [what, which] = args;
  const wasAmending = mode.kind === 'amend';
  if (what === 'amend' && which) {
    setMode({ kind: 'amend', ccrn: which });
    freshForm();
  } else {
    setMode({ kind: 'new' });
    // What a clerk typed survives a look at another page; an amendment's details do not carry over.
    if (wasAmending) {
      freshForm();
    }
  }
  try {
    await refreshSettings();
  } catch (e) {
    showProblem($('lodge-problem'), e);
  }
  renderDateHints();
  if (mode.kind === 'amend') {
    await loadForAmendment(which);
    return;
  }
  await loadTemplateNames();
  if (what === 'template' && which) {
    // The address bar goes back to the plain form, so that a reload does not refill over edits.
    history.replaceState(null, '', '#/lodge');
    await fillFromTemplate(which);
  }
}
