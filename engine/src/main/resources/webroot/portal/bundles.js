// Bundling: a trucker ties CCRNs (or an EMPTY declaration) to one of its vehicles for one direction,
// and sees the earliest crossing time the engine answers, large; then the bundles, and unbundling.
// Each CCRN's check digit is checked on every keystroke (ccrn-inputs.js), so a slip of one digit is
// caught at the keyboard, not at the boundary.
import { del, get, post } from '/shared/api.js';
import { ccrnDigits, ccrnGrouped } from '/shared/ccrn.js';
import { $, el, focusOn, say } from '/shared/dom.js';
import { formatClock, formatDateTime, formatLongDate } from '/shared/format.js';
import { t } from '/shared/i18n.js';
import { addCcrnInput, ccrnInputs, checkCcrn, initCcrnInputs, resetCcrns } from './ccrn-inputs.js';
import { busy, statusBadge } from './dom.js';
import { clearProblems, showApiError, showProblem } from './errors.js';
import { liveChecks } from './live-check.js';
import { myVehicles } from './vehicles.js';
import { IntendedWrite } from './writes.js';

const problem = (key, params = {}, now = true) => ({ key, params, now });

let form;
let checks;
let bundles = [];
let confirming = null;
/** The bundle shown in the result panel, kept to re-word it when the language changes. */
let shownBundle = null;
const bundling = new IntendedWrite();
const unbundling = new IntendedWrite();

function check(input) {
  if (input.dataset.check === 'ccrn') {
    return checkCcrn(input);
  }
  if (input.id === 'bundle-vehicle' || input.id === 'bundle-direction') {
    return input.value ? null : problem('rule.choose', {}, false);
  }
  return null;
}

// ---- bundling ----

function renderResult() {
  if (!shownBundle) {
    return;
  }
  const b = shownBundle;
  $('bundle-result-time').textContent = formatClock(b.earliestCrossingAt);
  $('bundle-result-date').textContent = t('bundle.earliest.date', { date: formatLongDate(b.earliestCrossingAt) });
  $('bundle-result-vehicle').textContent = b.vehicleMark;
  $('bundle-result-direction').textContent = t(`direction.${b.direction}`);
  $('bundle-result-ccrns').replaceChildren(...(b.empty ? [t('bundle.emptyShort')]
    : b.ccrns.map((c) => el('span', { className: 'ccrn-line' }, ccrnGrouped(c)))));
  $('bundle-result-at').textContent = formatDateTime(b.bundledAt);
  $('bundle-result-id').textContent = b.bundleId;
}

async function submit(event) {
  event.preventDefault();
  clearProblems(form);
  const empty = $('bundle-empty').checked;
  const first = checks.checkAll();
  if (first) {
    first.focus();
    return;
  }
  const body = { vehicleMark: $('bundle-vehicle').value, direction: $('bundle-direction').value };
  if (empty) {
    body.empty = true;
  } else {
    // The engine names a CCRN by its place in the list sent ("ccrns[1]"): tie each place to its box.
    const filled = ccrnInputs().filter((input) => input.value.trim() !== '');
    ccrnInputs().forEach((input) => input.removeAttribute('data-field'));
    filled.forEach((input, i) => { input.dataset.field = `ccrns[${i}]`; });
    body.ccrns = filled.map((input) => ccrnDigits(input.value));
  }
  try {
    shownBundle = await busy($('bundle-submit'), () => bundling.send(body, (key) => post('/api/v1/bundles', body, key)));
    renderResult();
    form.hidden = true;
    $('bundle-result').hidden = false;
    focusOn($('bundle-result'));
    resetForm();
    await Promise.all([loadVehicles(), load()]);
  } catch (e) {
    showApiError(form, e);
  }
}

function resetForm() {
  form.reset();
  checks.forget();
  resetCcrns();
  $('bundle-ccrns-set').hidden = false;
}

// ---- the list of bundles ----

function earliestCell(b) {
  if (b.status !== 'ACTIVE') {
    return el('td', {}, el('span', { className: 'hint' }, formatDateTime(b.earliestCrossingAt)));
  }
  return el('td', { className: 'earliest' }, el('strong', { className: 'earliest-time' }, formatClock(b.earliestCrossingAt)),
    el('br'), el('span', {}, formatLongDate(b.earliestCrossingAt)));
}

function actionsCell(b) {
  const cell = el('td', { className: 'row-actions' });
  if (b.status !== 'ACTIVE') {
    return cell;
  }
  if (confirming === b.bundleId) {
    const yes = el('button', { type: 'button', className: 'danger' }, t('bundles.unbundle.yes'));
    const no = el('button', { type: 'button', className: 'secondary' }, t('bundles.unbundle.no'));
    yes.addEventListener('click', () => unbundle(b, yes));
    no.addEventListener('click', () => {
      confirming = null;
      renderList();
    });
    cell.append(el('p', { className: 'confirm', role: 'alert' }, t('bundles.unbundle.question', { mark: b.vehicleMark })), yes, ' ', no);
    return cell;
  }
  const button = el('button', { type: 'button', className: 'secondary',
    'aria-label': t('bundles.unbundle.label', { mark: b.vehicleMark }) }, t('bundles.unbundle'));
  button.addEventListener('click', () => {
    confirming = b.bundleId;
    renderList();
    [...$('bundles-table').querySelectorAll('tbody tr')].find((tr) => tr.dataset.bundle === b.bundleId)
      .querySelector('.row-actions button.secondary').focus();
  });
  cell.append(button);
  return cell;
}

function renderList() {
  $('bundles-table').querySelector('tbody').replaceChildren(...bundles.map((b) => el('tr', { dataset: { bundle: b.bundleId } },
    el('th', { scope: 'row', className: 'mono plate' }, b.vehicleMark),
    el('td', {}, t(`direction.short.${b.direction}`)),
    el('td', { className: 'mono' }, b.empty ? t('bundle.emptyShort') : b.ccrns.map((c) => el('span', { className: 'ccrn-line' }, ccrnGrouped(c)))),
    el('td', {}, statusBadge(b.status)),
    earliestCell(b),
    actionsCell(b))));
  $('bundles-table').hidden = bundles.length === 0;
  $('bundles-empty').hidden = bundles.length !== 0;
}

async function load() {
  say($('bundles-problem'), null);
  const status = $('bundles-filter').value;
  try {
    bundles = (await get(`/api/v1/bundles${status ? `?status=${status}` : ''}`)).bundles;
    confirming = null;
    renderList();
  } catch (e) {
    showProblem($('bundles-problem'), e);
  }
}

async function unbundle(b, button) {
  say($('bundles-problem'), null);
  try {
    const answer = await busy(button, () => unbundling.send({ unbundle: b.bundleId },
      (key) => del(`/api/v1/bundles/${encodeURIComponent(b.bundleId)}`, key)));
    confirming = null;
    bundles = bundles.map((known) => (known.bundleId === b.bundleId ? answer : known));
    renderList();
    say($('bundles-status'), { key: 'bundles.unbundled', params: { mark: b.vehicleMark } });
    if (shownBundle && shownBundle.bundleId === b.bundleId) {
      // The crossing time shown above no longer holds: do not leave it up.
      shownBundle = null;
      $('bundle-result').hidden = true;
      form.hidden = false;
    }
  } catch (e) {
    confirming = null;
    renderList();
    showProblem($('bundles-problem'), e);
  }
}

async function loadVehicles() {
  const select = $('bundle-vehicle');
  const chosen = select.value;
  try {
    const vehicles = await myVehicles();
    select.replaceChildren(el('option', { value: '' }, t('form.choose')),
      ...vehicles.map((v) => el('option', { value: v.registrationMark }, v.registrationMark)));
    select.value = vehicles.some((v) => v.registrationMark === chosen) ? chosen : (vehicles.length === 1 ? vehicles[0].registrationMark : '');
    $('bundle-no-vehicles').hidden = vehicles.length > 0;
  } catch (e) {
    showProblem($('bundles-problem'), e);
  }
}

export function init() {
  form = $('bundle-form');
  initCcrnInputs($('bundle-ccrns'));
  checks = liveChecks(form, check);
  form.addEventListener('submit', submit);
  $('bundle-add').addEventListener('click', () => addCcrnInput(true));
  $('bundle-empty').addEventListener('change', () => {
    $('bundle-ccrns-set').hidden = $('bundle-empty').checked;
  });
  $('bundles-filter').addEventListener('change', load);
  $('bundle-again').addEventListener('click', () => {
    $('bundle-result').hidden = true;
    shownBundle = null;
    form.hidden = false;
    $('bundle-vehicle').focus();
  });
  document.addEventListener('languagechange', () => {
    renderResult();
    if (!$('bundles-table').closest('[hidden]')) {
      renderList();
    }
    const choose = $('bundle-vehicle').querySelector('option[value=""]');
    if (choose) {
      choose.textContent = t('form.choose');
    }
  });
}

export async function show() {
  say($('bundles-status'), null);
  await Promise.all([loadVehicles(), load()]);
}
