// Hong Kong vehicle registration marks, checked as the trucker types, by the engine's VehicleMark
// rules: ordinary marks are two letters and 1 to 4 digits without a leading zero (AB 1234);
// personalised marks up to 8 characters; never I, O or Q; a mainland plate is not a HK mark.

const problem = (key, params = {}, now = true) => ({ key, params, now });
const SPACE = /^[\s\p{Zs}]$/u;
const SEPARATOR = /^[\s\p{Zs}\p{Pd}]$/u;

/** null, or the problem with the mark as typed. */
export function markProblem(raw) {
  const text = raw.replace(/^[\s\p{Zs}]+|[\s\p{Zs}]+$/gu, '');
  if (!text) {
    return problem('rule.required', {}, false);
  }
  if (/\p{Script=Han}/u.test(text)) {
    return problem('mark.chinese');
  }
  let spaced = '';
  for (const ch of text) {
    if (SEPARATOR.test(ch) || SPACE.test(ch)) {
      spaced += ' ';
    } else if (/^[a-zA-Z0-9]$/.test(ch)) {
      spaced += ch.toUpperCase();
    } else {
      return problem('mark.chars', { found: ch });
    }
  }
  if (spaced.startsWith(' ') || spaced.endsWith(' ')) {
    // A trailing hyphen may be half of "AB-1234": wait until the trucker leaves the field.
    return problem('mark.edge', {}, false);
  }
  if (spaced.includes('  ')) {
    return problem('mark.double');
  }
  if (spaced.length > 8) {
    return problem('mark.tooLong');
  }
  if (/[IOQ]/.test(spaced)) {
    return problem('mark.ioq');
  }
  const key = spaced.replace(/ /g, '');
  if (!/[A-Z]/.test(key)) {
    return problem('mark.letter');
  }
  const ordinary = /^([A-Z]{1,2})([0-9]+)$/.exec(key);
  if (ordinary) {
    if (ordinary[1].length !== 2) {
      return problem('mark.twoLetters');
    }
    if (ordinary[2].startsWith('0')) {
      return problem('mark.leadingZero');
    }
    if (ordinary[2].length > 4) {
      return problem('mark.fourDigits');
    }
  }
  return null;
}
