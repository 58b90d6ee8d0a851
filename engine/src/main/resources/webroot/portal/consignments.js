// A shipper's or agent's consignments: searched by CCRN or party name and by status, newest first,
// with amend and cancel offered while (and only while) a consignment is LODGED.
import { del, get } from '/shared/api.js';
import { ccrnGrouped } from '/shared/ccrn.js';
import { $, el, say } from '/shared/dom.js';
import { formatDate } from '/shared/format.js';
import { t } from '/shared/i18n.js';
import { busy, statusBadge } from './dom.js';
import { showProblem } from './errors.js';
import { IntendedWrite } from './writes.js';


let items = [];
/** CCRN of the row asking "cancel this one?", if any. */
let confirming = null;
const cancellation = new IntendedWrite();

/** "120 CARTONS" or "18,000 kg": the cargo in a few words for the list. */
export function cargoSummary(cargo) {
  if (cargo.packaged) {
    const p = cargo.packaged;
    return [p.packageCount !== undefined ? Number(p.packageCount).toLocaleString('en') : '', p.packageDescription || '']
      .join(' ').trim();
  }
  if (cargo.bulk) {
    const b = cargo.bulk;
    const measure = b.grossWeightKg !== undefined ? t('cargo.kg', { amount: Number(b.grossWeightKg).toLocaleString('en') })
      : b.grossVolumeM3 !== undefined ? t('cargo.m3', { amount: Number(b.grossVolumeM3).toLocaleString('en') }) : '';
    return [t('cargo.kind.bulkShort'), measure, b.description || ''].filter(Boolean).join(' · ');
  }
  return '';
}

/** Consignor above consignee, each named as such for screen readers. */
export function partiesCell(consignorName, consigneeName) {
  return el('td', { className: 'parties' },
    el('span', { className: 'party' }, el('span', { className: 'party-role' }, t('cargo.consignor.short')), ' ', consignorName || ''),
    el('span', { className: 'party' }, el('span', { className: 'party-role' }, t('cargo.consignee.short')), ' ', consigneeName || ''));
}

function actionsCell(item) {
  const cell = el('td', { className: 'row-actions' });
  if (item.status !== 'LODGED') {
    return cell;
  }
  if (confirming === item.ccrn) {
    const yes = el('button', { type: 'button', className: 'danger' }, t('consignments.cancel.yes'));
    const no = el('button', { type: 'button', className: 'secondary' }, t('consignments.cancel.no'));
    yes.addEventListener('click', () => cancel(item, yes));
    no.addEventListener('click', () => {
      confirming = null;
      render();
    });
    cell.append(el('p', { className: 'confirm', role: 'alert' }, t('consignments.cancel.question', { ccrn: ccrnGrouped(item.ccrn) })), yes, ' ', no);
    return cell;
  }
  const amend = el('a', { className: 'button secondary', href: `#/lodge/amend/${item.ccrn}`,
    'aria-label': t('consignments.amend.label', { ccrn: ccrnGrouped(item.ccrn) }) }, t('consignments.amend'));
  const cancelButton = el('button', { type: 'button', className: 'secondary danger-outline',
    'aria-label': t('consignments.cancel.label', { ccrn: ccrnGrouped(item.ccrn) }) }, t('consignments.cancel'));
  cancelButton.addEventListener('click', () => {
    confirming = item.ccrn;
    render();
    // The question replaces the button: put the keyboard on the safe answer, so Enter twice undoes nothing.
    const row = $('consignments-table').querySelector(`tr[data-ccrn="${item.ccrn}"]`);
    row.querySelector('.row-actions button.secondary').focus();
  });
  cell.append(amend, ' ', cancelButton);
  return cell;
}

function row(item) {
  return el('tr', { dataset: { ccrn: item.ccrn } },
    el('td', { className: 'mono ccrn' }, ccrnGrouped(item.ccrn)),
    el('td', { className: 'status-cell' }, statusBadge(item.status),
      el('span', { className: 'version hint' }, t('consignment.versionN', { n: item.version }))),
    el('td', {}, t(`direction.short.${item.direction}`), el('br'), el('span', { className: 'hint' }, formatDate(item.expectedDate))),
    partiesCell(item.consignorName, item.consigneeName),
    el('td', {}, cargoSummary(item)),
    actionsCell(item));
}

function render() {
  $('consignments-table').querySelector('tbody').replaceChildren(...items.map(row));
  say($('consignments-count'), { key: 'consignments.count', params: { count: items.length } });
}

async function load() {
  const params = new URLSearchParams();
  const q = $('search-q').value.trim();
  if (q) {
    params.set('q', q);
  }
  if ($('search-status').value) {
    params.set('status', $('search-status').value);
  }
  say($('consignments-problem'), null);
  say($('consignments-notice'), null);
  try {
    const query = params.toString();
    const answer = await get(`/api/v1/consignments${query ? `?${query}` : ''}`);
    items = answer.consignments;
    confirming = null;
    render();
  } catch (e) {
    showProblem($('consignments-problem'), e);
  }
}

async function cancel(item, button) {
  say($('consignments-problem'), null);
  try {
    const answer = await busy(button, () => cancellation.send({ cancel: item.ccrn },
      (key) => del(`/api/v1/consignments/${encodeURIComponent(item.ccrn)}`, key)));
    confirming = null;
    // The answer is the consignment as it now is; the list keeps its party names.
    items = items.map((known) => (known.ccrn === item.ccrn ? { ...known, ...answer } : known));
    render();
    say($('consignments-notice'), { key: 'consignments.cancelled', params: { ccrn: ccrnGrouped(item.ccrn) } });
  } catch (e) {
    confirming = null;
    render();
    showProblem($('consignments-problem'), e);
  }
}

export function init() {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  $('search-status').addEventListener('change', load);
  $('search-clear').addEventListener('click', () => {
    $('search-q').value = '';
    $('search-status').value = '';
    load();
  });
  document.addEventListener('languagechange', () => {
    if (!$('consignments-table').closest('[hidden]')) {
      render();
    }
  });
}

export function show() {
  return load();
}
