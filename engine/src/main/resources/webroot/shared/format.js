// Times as Hong Kong reads them, whatever zone the browser is in: the rules run on Hong Kong time.
import { language } from './i18n.js';

const ZONE = 'Asia/Hong_Kong';

function locale() {
  return language() === 'zh-Hant' ? 'zh-HK' : 'en-HK';
}

export function formatDateTime(iso) {
  if (!iso) {
    return '';
  }
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ZONE, year: 'numeric', month: 'short', day: 'numeric', weekday: 'short',
    hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
}

export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  return new Intl.DateTimeFormat(locale(), {
    timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(new Date(iso));
}

export function formatDate(isoDate) {
  if (!isoDate) {
    return '';
  }
  // A plain date (2026-12-01) is a Hong Kong calendar day: show it as such, not shifted by zone.
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' })
    .format(new Date(`${isoDate}T00:00:00Z`));
}

/** Adds days to a YYYY-MM-DD date, for the lodgement window's bounds. */
export function addDays(isoDate, days) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
