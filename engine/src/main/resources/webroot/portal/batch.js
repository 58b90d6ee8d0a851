// Batch lodgement: the clerk's CSV or XML file goes to POST /api/v1/consignments/batch as it is.
// Every row is lodged or refused on its own; the table says which, with the CCRN or the problems.
// Also offers a CSV template whose dates fall inside today's lodgement window (the engine's today).
import { upload } from '/shared/api.js';
import { ccrnGrouped } from '/shared/ccrn.js';
import { $, el, focusOn, say } from '/shared/dom.js';
import { addDays, formatDate } from '/shared/format.js';
import { has, t, words } from '/shared/i18n.js';
import { busy, statusBadge } from './dom.js';
import { clearProblems, fieldProblem, showApiError } from './errors.js';
import { explain } from './messages.js';
import { engineToday, refreshSettings } from './settings.js';
import { IntendedWrite } from './writes.js';


const COLUMNS = ['direction', 'expectedDate', 'consignor.name', 'consignor.address', 'consignee.name', 'consignee.address',
  'packaged.packageDescription', 'packaged.packageCount', 'packaged.articlesDescription',
  'bulk.grossWeightKg', 'bulk.grossVolumeM3', 'bulk.quantity', 'bulk.description'];

/** The label a clerk knows each column by, beside the column name they edit in the file. */
const COLUMN_LABELS = {
  direction: 'cargo.direction',
  expectedDate: 'cargo.expectedDate',
  'consignor.name': 'cargo.consignor.name',
  'consignor.address': 'cargo.consignor.address',
  'consignee.name': 'cargo.consignee.name',
  'consignee.address': 'cargo.consignee.address',
  'packaged.packageDescription': 'cargo.packageDescription',
  'packaged.packageCount': 'cargo.packageCount',
  'packaged.articlesDescription': 'cargo.articles',
  'bulk.grossWeightKg': 'cargo.grossWeight',
  'bulk.grossVolumeM3': 'cargo.grossVolume',
  'bulk.quantity': 'cargo.quantity',
  'bulk.description': 'cargo.bulkDescription',
  row: 'batch.wholeRow',
};

const batchUpload = new IntendedWrite();
let lastAnswer = null;

/** The content type the engine reads the file by; null when the file is neither CSV nor XML. */
function contentType(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || /csv/.test(file.type)) {
    return 'text/csv';
  }
  if (name.endsWith('.xml') || /xml/.test(file.type)) {
    return 'application/xml';
  }
  return null;
}

function problemsList(errors) {
  return el('ul', { className: 'problems' }, (errors || []).map(({ field, message }) => {
    const label = COLUMN_LABELS[field];
    return el('li', {},
      el('code', {}, field),
      label && has(label) ? ` (${t(label)})` : '',
      ': ', words(explain(message)));
  }));
}

function render() {
  if (!lastAnswer) {
    return;
  }
  const answer = lastAnswer;
  $('batch-summary').textContent = t('batch.summary', { rows: answer.rows, lodged: answer.lodged, rejected: answer.rejected });
  $('batch-table').querySelector('tbody').replaceChildren(...answer.results.map((result) => el('tr',
    { className: result.status === 'REJECTED' ? 'rejected' : '', dataset: { row: String(result.row) } },
    el('td', { className: 'number' }, String(result.row)),
    el('td', {}, statusBadge(result.status)),
    el('td', { className: 'mono ccrn' }, result.ccrn ? ccrnGrouped(result.ccrn) : ''),
    el('td', {}, problemsList(result.errors)))));
}

async function submit(event) {
  event.preventDefault();
  const form = $('batch-form');
  clearProblems(form);
  const input = $('batch-file');
  const file = input.files[0];
  if (!file) {
    fieldProblem(input, { key: 'batch.rule.choose' });
    input.focus();
    return;
  }
  const type = contentType(file);
  if (!type) {
    fieldProblem(input, { key: 'batch.rule.type' });
    input.focus();
    return;
  }
  // The same file picked and sent again after a lost connection is a retry, not a second batch.
  const fingerprint = { name: file.name, size: file.size, modified: file.lastModified };
  try {
    lastAnswer = await busy($('batch-submit'), () => batchUpload.send(fingerprint,
      (key) => upload('/api/v1/consignments/batch', file, type, key)));
    render();
    $('batch-result').hidden = false;
    focusOn($('batch-result-title'));
    $('batch-result').scrollIntoView({ block: 'start' });
  } catch (e) {
    showApiError(form, e);
  }
}

// ---- a template with dates that can be lodged today ----

function csvCell(text) {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function templateCsv(today) {
  const packaged = {
    direction: 'IMPORT', expectedDate: addDays(today, 1),
    'consignor.name': '深圳市華強電子有限公司', 'consignor.address': '深圳市福田區華強北路1號, 廣東省, 中國',
    'consignee.name': 'Kowloon Bay Electronics Trading Ltd', 'consignee.address': 'Unit 5, 12/F, Tower A, 18 Wang Chiu Road, Kowloon Bay, Hong Kong',
    'packaged.packageDescription': 'CARTONS', 'packaged.packageCount': '120',
    'packaged.articlesDescription': 'Mobile phone accessories (chargers, cables)',
  };
  const bulk = {
    direction: 'IMPORT', expectedDate: addDays(today, 2),
    'consignor.name': 'Guangzhou Petrochemical Supply Co., Ltd.', 'consignor.address': '88 Huangpu East Road, Huangpu District, Guangzhou, China',
    'consignee.name': 'Tsing Yi Fuel Depot Ltd', 'consignee.address': '3 Tsing Yi Road, Tsing Yi, New Territories, Hong Kong',
    'bulk.grossWeightKg': '18000', 'bulk.quantity': '3 tanks', 'bulk.description': 'Diesel fuel',
  };
  const line = (values) => COLUMNS.map((column) => csvCell(values[column] || '')).join(',');
  // A byte-order mark, as in the engine's own template, so that Excel opens the Chinese text as UTF-8.
  return `\uFEFF${COLUMNS.join(',')}\r\n${line(packaged)}\r\n${line(bulk)}\r\n`;
}

function renderTemplateLink() {
  const today = engineToday();
  const link = $('batch-template-today');
  if (!today) {
    link.hidden = true;
    return;
  }
  // A data: URL rather than a blob: one, so that the file is plain to read (and to test) under the
  // page's Content-Security-Policy, which lets nothing but the engine be fetched.
  link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv(today))}`;
  link.download = `consignments-${today}.csv`;
  link.hidden = false;
  // Functions, so that the dates are written in the language shown when they are read.
  say($('batch-template-today-hint'), { key: 'batch.templateToday.hint',
    params: { first: () => formatDate(addDays(today, 1)), second: () => formatDate(addDays(today, 2)) } });
}

export function init() {
  $('batch-form').addEventListener('submit', submit);
  $('batch-file').addEventListener('change', () => clearProblems($('batch-form')));
  document.addEventListener('languagechange', render);
}

export async function show() {
  try {
    await refreshSettings();
  } catch (e) {
    // Without the engine's date the dated template is left out; the fixed one is still there.
  }
  renderTemplateLink();
}
