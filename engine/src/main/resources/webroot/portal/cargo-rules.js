// The eight pieces of cargo information, checked as the clerk types, with the limits and rules of
// the engine's CargoInformationReader and LodgementWindow. Each check answers null or a problem
// {key, params, now}; now=false means the clerk may simply not have finished (see live-check.js).
import { addDays, formatDate } from '/shared/format.js';

export const LIMITS = Object.freeze({
  name: 200,
  address: 500,
  description: 1000,
  packageCountMax: 10_000_000,
  weightMaxKg: 1_000_000,
  volumeMaxM3: 100_000,
});

const problem = (key, params = {}, now = true) => ({ key, params, now });

/** Java's Character.isISOControl, less tab, CR and LF, which the engine allows. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Plain decimal numbers as people type them; no thousands separators, no units. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Required (or optional) text of at most max characters, counted as the engine counts (code points). */
export function checkText(value, max, required = true) {
  const text = value.trim();
  if (!text) {
    return required ? problem('rule.required', {}, false) : null;
  }
  if ([...text].length > max) {
    return problem('rule.tooLong', { max });
  }
  if (CONTROL.test(text)) {
    return problem('rule.control');
  }
  return null;
}

export function checkChoice(value) {
  return value ? null : problem('rule.choose', {}, false);
}

/** What a number field sends: a JSON number when it reads as one, else the text (the engine refuses it). */
export function numberValue(text) {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : trimmed;
}

function notANumber(text) {
  return /\d[,\s]\d/.test(text) ? problem('rule.separators') : problem('rule.number');
}

/** Number of packages: a whole number from 1 to 10,000,000. */
export function checkPackageCount(value) {
  const text = value.trim();
  if (!text) {
    return problem('rule.required', {}, false);
  }
  if (!DECIMAL.test(text)) {
    return notANumber(text);
  }
  const count = Number(text);
  if (!Number.isInteger(count)) {
    return problem('rule.whole');
  }
  if (count < 1 || count > LIMITS.packageCountMax) {
    return problem('rule.range', { min: 1, max: LIMITS.packageCountMax.toLocaleString('en') });
  }
  return null;
}

/** Gross weight or volume: positive, at most max, at most three decimal places; empty is for the pair rule. */
export function checkMeasure(value, max) {
  const text = value.trim();
  if (!text) {
    return null;
  }
  if (!DECIMAL.test(text)) {
    return notANumber(text);
  }
  const amount = Number(text);
  if (amount <= 0) {
    return problem('rule.positive');
  }
  if (amount > max) {
    return problem('rule.atMost', { max: max.toLocaleString('en') });
  }
  const decimals = (text.split('.')[1] || '').replace(/0+$/, '');
  if (decimals.length > 3) {
    return problem('rule.decimals');
  }
  return null;
}

/** Bulk cargo gives its gross weight or its gross volume, exactly one (the engine names volume when both). */
export function checkMeasurePair(weight, volume) {
  const hasWeight = weight.trim() !== '';
  const hasVolume = volume.trim() !== '';
  if (hasWeight && hasVolume) {
    return { field: 'volume', problem: problem('rule.bulk.both') };
  }
  if (!hasWeight && !hasVolume) {
    return { field: 'weight', problem: problem('rule.bulk.measure', {}, false) };
  }
  return null;
}

// ---- dates ----

function realDate(year, month, day) {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? d.toISOString().slice(0, 10) : null;
}

/**
 * Reads a date as a Hong Kong clerk may write it: 2026-12-01, or day first, 1/12/2026.
 * @returns {{iso: string|null, complete: boolean}|null} null when it is not a date at all (yet);
 *   iso null when it has a date's shape but no such day; complete when the clerk has evidently
 *   finished typing it (two-digit month and day, or a four-digit year last).
 */
export function readDate(text) {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) {
    return { iso: realDate(+match[1], +match[2], +match[3]), complete: /^\d{4}-\d{2}-\d{2}$/.test(value) };
  }
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  if (match) {
    return { iso: realDate(+match[3], +match[2], +match[1]), complete: true };
  }
  return null;
}

/** An ISO-8601 period of days, weeks, months, years ("P14D"), as {years, months, days}. */
export function readPeriod(text) {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(text || '');
  if (!match) {
    return { years: 0, months: 0, days: 14 };
  }
  const [, y, m, w, d] = match.map((part) => Number(part || 0));
  return { years: y, months: m, days: w * 7 + d };
}

/** date minus a period, as Java's LocalDate.minus(Period): months first (day clamped), then days. */
export function minusPeriod(isoDate, period) {
  const [year, month, day] = isoDate.split('-').map(Number);
  const totalMonths = year * 12 + (month - 1) - (period.years * 12 + period.months);
  const y = Math.floor(totalMonths / 12);
  const m = totalMonths - y * 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const clamped = `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return addDays(clamped, -period.days);
}

/** The last expected date that can be lodged today: today plus the window (the inverse of minusPeriod, near enough for a hint). */
export function lastLodgeableDate(today, period) {
  const [year, month, day] = today.split('-').map(Number);
  const totalMonths = year * 12 + (month - 1) + period.years * 12 + period.months;
  const y = Math.floor(totalMonths / 12);
  const m = totalMonths - y * 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const clamped = `${y}-${String(m + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return addDays(clamped, period.days);
}

/**
 * The expected date against the lodgement window: lodgement opens at the start of (expected date
 * minus the window) and closes at the end of the expected date, on the engine's Hong Kong calendar.
 * @param today the engine's Hong Kong date, or null when not yet known (then only the shape is checked)
 */
export function checkExpectedDate(value, today, period) {
  if (!value.trim()) {
    return problem('rule.required', {}, false);
  }
  const date = readDate(value);
  if (!date) {
    return problem('rule.date.format', {}, false);
  }
  if (!date.iso) {
    return problem('rule.date.notReal', {}, date.complete);
  }
  if (!today) {
    return null;
  }
  const earliest = minusPeriod(date.iso, period);
  if (today < earliest) {
    // A function, so that the date is written in whichever language the page shows when it is read.
    return problem('rule.date.tooFar', { earliest: () => formatDate(earliest) }, date.complete);
  }
  if (today > date.iso) {
    return problem('rule.date.past', {}, date.complete);
  }
  return null;
}
