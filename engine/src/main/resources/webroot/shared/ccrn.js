// The CCRN as a person keys it: 16 digits, the last an ISO 7064 MOD 11,10 check digit over the
// first 15 (the same rule the engine applies). Checked on every keystroke so a slip of one digit
// is caught before the form is sent.

/**
 * Digits only: people paste CCRNs with spaces or dashes from documents. Any Unicode space and any
 * dash (\p{Pd}: the en dash a word processor makes of "-", the non-breaking hyphen), as the engine
 * accepts them (trade/Separators), so the page never refuses what the engine would take.
 */
export function ccrnDigits(text) {
  return (text || '').replace(/[\s\p{Pd}]/gu, '');
}

function mod1110CheckDigit(digits) {
  let product = 10;
  for (const ch of digits) {
    let sum = (Number(ch) + product) % 10;
    if (sum === 0) {
      sum = 10;
    }
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}

/**
 * 'empty', 'typing' (fewer than 16 digits so far), 'not-digits', 'too-long', 'check-digit'
 * (16 digits, wrong check digit) or 'ok'.
 */
export function ccrnState(text) {
  const digits = ccrnDigits(text);
  if (digits.length === 0) {
    return 'empty';
  }
  if (!/^\d+$/.test(digits)) {
    return 'not-digits';
  }
  if (digits.length < 16) {
    return 'typing';
  }
  if (digits.length > 16) {
    return 'too-long';
  }
  return mod1110CheckDigit(digits.slice(0, 15)) === Number(digits[15]) ? 'ok' : 'check-digit';
}

/** Groups a CCRN in fours for reading aloud or comparing with paper: 2651 7180 2215 3673. */
export function ccrnGrouped(ccrn) {
  return ccrnDigits(ccrn).replace(/(\d{4})(?=\d)/g, '$1 ');
}
