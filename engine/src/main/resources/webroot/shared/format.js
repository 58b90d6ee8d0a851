// Times as Hong Kong reads them, whatever zone the browser is in: the rules run on Hong Kong time.
// Every area formats its dates and times here.
import { language } from './i18n.js';

const ZONE = 'Asia/Hong_Kong';

function locale() {
  return language() === 'zh-Hant' ? 'zh-HK' : 'en-HK';
}

/** An instant as Hong Kong's clock and calendar show it, in the reader's language. */
function inHongKong(iso, options) {
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, ...options }).format(new Date(iso));
}

/** "Tue, 17 Nov 2026, 10:30": an instant, to the minute. */
export function formatDateTime(iso) {
  if (!iso) {
    return '';
  }
  return inHongKong(iso, {
    year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false,
  });
}

/** "10:30:15": an instant's time of day, to the second. */
export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  return inHongKong(iso, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** "10:30": an instant's hour and minute, as a clock shows them (a crossing time, large). */
export function formatClock(iso) {
  return inHongKong(iso, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "Tuesday, 17 November 2026": the Hong Kong calendar day of an instant, written out in full. */
export function formatLongDate(iso) {
  return inHongKong(iso, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
}

/** "Tue, 1 Dec 2026": a plain date. */
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
