// The engine words its field errors in English, to follow the field's name ("is required"). The
// page knows the common ones and says them in the reader's language; one it does not know is shown
// as the engine wrote it, never hidden.
import { formatDate } from '/shared/format.js';
import { t } from '/shared/i18n.js';

/** [pattern, key, params from the match] for the engine's messages, most specific first. */
const KNOWN = [
  [/^is required$/, 'rule.required'],
  [/^must be at most (\d+) characters$/, 'rule.tooLong', (m) => ({ max: m[1] })],
  [/^must not contain control characters$/, 'rule.control'],
  [/^must be a number$/, 'rule.number'],
  [/^must be a finite number$/, 'rule.number'],
  [/^must be a whole number$/, 'rule.whole'],
  [/^must be from (\d+) to (\d+)$/, 'rule.range', (m) => ({ min: m[1], max: Number(m[2]).toLocaleString('en') })],
  [/^must be greater than 0$/, 'rule.positive'],
  [/^must be at most ([\d.]+)$/, 'rule.atMost', (m) => ({ max: Number(m[1]).toLocaleString('en') })],
  [/^must have at most 3 decimal places$/, 'rule.decimals'],
  [/^must be a real date written YYYY-MM-DD$/, 'rule.date.notReal'],
  [/^must be no more than .* ahead \(earliest lodgement (\d{4}-\d{2}-\d{2})\)$/, 'rule.date.tooFar', (m) => ({ earliest: () => formatDate(m[1]) })],
  [/^is in the past/, 'rule.date.past'],
  [/^give either gross weight or gross volume, not both$/, 'rule.bulk.both'],
  [/^gross weight \(kg\) or gross volume \(m3\) is required$/, 'rule.bulk.measure'],
  [/^must be one of/, 'rule.choose'],
  [/^is not an e-mail address$/, 'register.rule.email'],
  [/^is not a telephone number$/, 'register.rule.phone'],
  [/^must be 8 digits/, 'register.rule.brn'],
  [/^must be (\d+) to (\d+) characters$/, 'register.rule.password', (m) => ({ min: m[1], max: m[2] })],
  [/^check digit is wrong/, 'ccrn.checkDigit'],
  [/^must be 16 digits$/, 'ccrn.length'],
  [/^is given twice$/, 'ccrn.twice'],
  [/^no consignment has CCRN/, 'bundle.rule.unknown'],
  [/^consignment \d+ is ([A-Z]+), not LODGED$/, 'bundle.rule.status', (m) => ({ status: () => t(`status.${m[1]}`) })],
  [/^consignment \d+ is lodged for ([A-Z]+), not ([A-Z]+)$/, 'bundle.rule.direction', (m) => ({ direction: () => t(`direction.${m[1]}`) })],
  [/^register the vehicle first/, 'bundle.rule.vehicle'],
  [/contains Chinese characters/, 'mark.chinese'],
  [/^may contain only letters/, 'mark.chars', () => ({ found: '' })],
  [/^must not start or end with a hyphen$/, 'mark.edge'],
  [/^must not contain two spaces or hyphens in a row$/, 'mark.double'],
  [/^must be at most 8 characters counting spaces/, 'mark.tooLong'],
  [/^letters I, O and Q are never used/, 'mark.ioq'],
  [/^must contain at least one letter$/, 'mark.letter'],
  [/^an ordinary mark has two letters/, 'mark.twoLetters'],
  [/^the number of an ordinary mark must not start with 0$/, 'mark.leadingZero'],
  [/^an ordinary mark has at most 4 digits/, 'mark.fourDigits'],
  [/^must be an EPC in hexadecimal/, 'vehicle.rule.tag'],
];

/**
 * {key, params} for a message the page can translate, else {text} with the engine's words; either
 * way, words() (/shared/i18n.js) says it in the current language.
 */
export function explain(message) {
  for (const [pattern, key, params] of KNOWN) {
    const match = pattern.exec(message);
    if (match) {
      return { key, params: params ? params(match) : {} };
    }
  }
  return { text: message };
}

