// Saved lodgement templates: the regular consignor, consignee and goods, without a date. "Use"
// opens a new lodgement filled from the template; "Delete" asks first.
import { del, get } from '/shared/api.js';
import { $, el, say } from '/shared/dom.js';
import { formatDateTime } from '/shared/format.js';
import { t } from '/shared/i18n.js';
import { cargoSummary, partiesCell } from './consignments.js';
import { busy } from './dom.js';
import { showProblem } from './errors.js';
import { IntendedWrite } from './writes.js';


let templates = [];
let confirming = null;
const deletion = new IntendedWrite();

function actions(template) {
  const cell = el('td', { className: 'row-actions' });
  if (confirming === template.name) {
    const yes = el('button', { type: 'button', className: 'danger' }, t('templates.delete.yes'));
    const no = el('button', { type: 'button', className: 'secondary' }, t('templates.delete.no'));
    yes.addEventListener('click', () => remove(template, yes));
    no.addEventListener('click', () => {
      confirming = null;
      render();
    });
    cell.append(el('p', { className: 'confirm', role: 'alert' }, t('templates.delete.question', { name: template.name })), yes, ' ', no);
    return cell;
  }
  const use = el('a', { className: 'button', href: `#/lodge/template/${encodeURIComponent(template.name)}`,
    'aria-label': t('templates.use.label', { name: template.name }) }, t('templates.use'));
  const deleteButton = el('button', { type: 'button', className: 'secondary',
    'aria-label': t('templates.delete.label', { name: template.name }) }, t('templates.delete'));
  deleteButton.addEventListener('click', () => {
    confirming = template.name;
    render();
    [...$('templates-table').querySelectorAll('tbody tr')]
      .find((tr) => tr.dataset.name === template.name).querySelector('.row-actions button.secondary').focus();
  });
  cell.append(use, ' ', deleteButton);
  return cell;
}

function row(template) {
  const cargo = template.cargo || {};
  return el('tr', { dataset: { name: template.name } },
    el('th', { scope: 'row' }, template.name),
    el('td', {}, cargo.direction ? t(`direction.short.${cargo.direction}`) : '—'),
    partiesCell(cargo.consignor && cargo.consignor.name, cargo.consignee && cargo.consignee.name),
    el('td', {}, cargoSummary(cargo)),
    el('td', {}, formatDateTime(template.savedAt)),
    actions(template));
}

function render() {
  $('templates-table').querySelector('tbody').replaceChildren(...templates.map(row));
  $('templates-table').hidden = templates.length === 0;
  $('templates-empty').hidden = templates.length !== 0;
}

async function load() {
  say($('templates-problem'), null);
  try {
    templates = (await get('/api/v1/templates')).templates;
    confirming = null;
    render();
  } catch (e) {
    showProblem($('templates-problem'), e);
  }
}

async function remove(template, button) {
  try {
    await busy(button, () => deletion.send({ delete: template.name },
      (key) => del(`/api/v1/templates/${encodeURIComponent(template.name)}`, key)));
    say($('templates-status'), { key: 'templates.deleted', params: { name: template.name } });
    await load();
  } catch (e) {
    confirming = null;
    render();
    showProblem($('templates-problem'), e);
  }
}

export function init() {
  document.addEventListener('languagechange', () => {
    if (!$('templates-table').closest('[hidden]')) {
      render();
    }
  });
}

export function show() {
  say($('templates-status'), null);
  return load();
}
