// English and Traditional Chinese for every page. Labels live in JSON dictionaries, one pair per
// area (shared/i18n/*.json for what all pages say, <area>/i18n/*.json for the rest); a test checks
// that both languages carry the same keys and that every key the pages use exists.
//
// Markup names its text with attributes, so a language switch re-labels the page in place:
//   data-i18n="key"              -> textContent
//   data-i18n-placeholder="key"  -> placeholder
//   data-i18n-aria-label="key"   -> aria-label
//   data-i18n-title="key"        -> title
// Code calls t('key', {name: value}) for text it builds, and re-renders on the 'languagechange'
// event that setLanguage dispatches on document.

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-Hant', label: '繁體中文' },
];

const STORAGE_KEY = 'seamless.language';
const dictionaries = { en: {}, 'zh-Hant': {} };
let current = 'en';

function preferredLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && dictionaries[stored]) {
    return stored;
  }
  // Hong Kong and Taiwan browsers ask for zh-HK / zh-TW / zh-Hant: all read Traditional Chinese.
  const asked = (navigator.languages || [navigator.language || 'en']).map((l) => l.toLowerCase());
  return asked.some((l) => l.startsWith('zh')) ? 'zh-Hant' : 'en';
}

async function load(path) {
  const response = await fetch(path, { credentials: 'same-origin', cache: 'no-cache' });
  if (!response.ok) {
    throw new Error(`cannot load ${path}: ${response.status}`);
  }
  return response.json();
}

/** Loads the shared dictionaries and those of one area, then labels the page. */
export async function initI18n(area) {
  const folders = ['/shared/i18n', `/${area}/i18n`];
  await Promise.all(LANGUAGES.map(async ({ code }) => {
    const parts = await Promise.all(folders.map((f) => load(`${f}/${code}.json`)));
    dictionaries[code] = Object.assign({}, ...parts);
  }));
  current = preferredLanguage();
  applyLanguage();
}

export function language() {
  return current;
}

/** The text of a key in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = dictionaries[current][key] ?? dictionaries.en[key];
  if (text === undefined) {
    console.warn(`no text for ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}

/** True when the key exists: for server codes (reasons, statuses) that may be new to the page. */
export function has(key) {
  return dictionaries[current][key] !== undefined || dictionaries.en[key] !== undefined;
}

/**
 * The words for a code the engine sends (a status, a reason, a control point): the page's own
 * (prefix.code), else the fallback (the engine's name) or the code itself, so that a code new to
 * the page is shown as it is rather than hidden.
 */
export function coded(prefix, code, fallback) {
  if (!code) {
    return '';
  }
  const key = `${prefix}.${code}`;
  return has(key) ? t(key) : (fallback || code);
}

/**
 * The words of an explanation, {key, params} or {text} (words the engine wrote, shown as they
 * are), in the current language. A parameter may be a function (a date, a status name), called
 * now so that it too is in the current language.
 */
export function words(explanation) {
  if (!explanation.key) {
    return explanation.text;
  }
  const params = {};
  Object.entries(explanation.params || {}).forEach(([name, value]) => {
    params[name] = typeof value === 'function' ? value() : value;
  });
  return t(explanation.key, params);
}

export function setLanguage(code) {
  if (!dictionaries[code] || code === current) {
    return;
  }
  current = code;
  localStorage.setItem(STORAGE_KEY, code);
  applyLanguage();
  document.dispatchEvent(new CustomEvent('languagechange', { detail: { language: code } }));
}

/** Re-labels everything under root that names a key. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
}

function applyLanguage() {
  document.documentElement.lang = current;
  translate(document);
  document.querySelectorAll('[data-language]').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.language === current));
  });
}

/**
 * Fills a container with one button per language. Each button names its language in that
 * language, so a reader who cannot read the current one still finds their own.
 */
export function languageSwitch(container) {
  container.replaceChildren(...LANGUAGES.map(({ code, label }) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'language';
    button.lang = code;
    button.dataset.language = code;
    button.textContent = label;
    button.setAttribute('aria-pressed', String(code === current));
    button.addEventListener('click', () => setLanguage(code));
    return button;
  }));
  container.setAttribute('role', 'group');
  container.dataset.i18nAriaLabel = 'language.switch';
  container.setAttribute('aria-label', t('language.switch'));
}
