// A trucker's vehicles: register one by its Hong Kong registration mark (and RFID tag, if it has
// one, so the lane can tell it by tag as well as by plate), and see those registered.
import { get, post } from '/shared/api.js';
import { $, el, say } from '/shared/dom.js';
import { formatDateTime } from '/shared/format.js';
import { busy } from './dom.js';
import { clearProblems, showApiError, showProblem } from './errors.js';
import { liveChecks } from './live-check.js';
import { markProblem } from './vehicle-mark.js';
import { IntendedWrite } from './writes.js';

const EPC = /^[0-9A-F]{8,124}$/;

let form;
let checks;
const registration = new IntendedWrite();

function check(input) {
  if (input.id === 'vehicle-mark') {
    return markProblem(input.value);
  }
  const tag = input.value.trim().toUpperCase();
  if (!tag || EPC.test(tag)) {
    return null;
  }
  // Too short may be unfinished; a letter beyond F or a length past 124 is wrong at once.
  return { key: 'vehicle.rule.tag', params: {}, now: !/^[0-9A-F]*$/.test(tag) || tag.length > 124 };
}

/** The trucker's vehicles, for this page's table and the bundling form's choice of vehicle. */
export async function myVehicles() {
  return (await get('/api/v1/vehicles')).vehicles;
}

async function load() {
  say($('vehicles-problem'), null);
  try {
    const vehicles = await myVehicles();
    $('vehicles-table').querySelector('tbody').replaceChildren(...vehicles.map((v) => el('tr', {},
      el('th', { scope: 'row', className: 'mono plate' }, v.registrationMark),
      el('td', { className: 'mono' }, v.rfidTag || '—'),
      el('td', {}, formatDateTime(v.registeredAt)))));
    $('vehicles-table').hidden = vehicles.length === 0;
    $('vehicles-empty').hidden = vehicles.length !== 0;
  } catch (e) {
    showProblem($('vehicles-problem'), e);
  }
}

async function submit(event) {
  event.preventDefault();
  clearProblems(form);
  say($('vehicle-registered'), null);
  const first = checks.checkAll();
  if (first) {
    first.focus();
    return;
  }
  const body = { registrationMark: $('vehicle-mark').value.trim() };
  if ($('vehicle-tag').value.trim()) {
    body.rfidTag = $('vehicle-tag').value.trim().toUpperCase();
  }
  try {
    const vehicle = await busy(form.querySelector('button[type="submit"]'),
      () => registration.send(body, (key) => post('/api/v1/vehicles', body, key)));
    say($('vehicle-registered'), { key: 'vehicles.registered', params: { mark: vehicle.registrationMark } });
    form.reset();
    checks.forget();
    await load();
  } catch (e) {
    showApiError(form, e);
  }
}

export function init() {
  form = $('vehicle-form');
  checks = liveChecks(form, check);
  form.addEventListener('submit', submit);
}

export function show() {
  say($('vehicle-registered'), null);
  return load();
}
