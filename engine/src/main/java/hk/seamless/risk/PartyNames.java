package hk.seamless.risk;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a consignor's or consignee's name is compared with the watch list. Traders type the same
 * company many ways: "Acme Trading Co., Ltd.", "ACME TRADING CO LTD", with full-width letters or
 * spaces from a Chinese input method, with a no-break space pasted from a PDF. The canonical form
 * makes those one:
 * <ol>
 * <li>Unicode NFKC, so full-width "ＡＣＭＥ" is "ACME", the ideographic space a space, and
 *     full-width punctuation ordinary punctuation;</li>
 * <li>upper case (Locale.ROOT, never the machine's locale: Turkish dotless i must not creep in);</li>
 * <li>punctuation (Unicode categories P*: full stops, commas, brackets, dashes, quotes, the middle
 *     dot of "粤Z·A123", and also "&amp;", "@", "#" and "*", which Unicode counts as punctuation)
 *     removed; symbols (categories S*: "+", "$", "°") are kept;</li>
 * <li>runs of whitespace (any Unicode space) made one ASCII space, and the ends trimmed;</li>
 * <li>company-form suffixes at the end taken off, as customs targeting ignores them: "Ltd",
 *     "Limited", "Co", "Company", "Corp", "Inc", "LLC", "PLC" (as words, repeatedly: "Co., Ltd."
 *     goes, and "Co.,Ltd." written without a space, "COLTD"), and 有限公司, 有限責任公司, 股份有限公司,
 *     公司 (traditional or simplified). A name that is nothing but a suffix keeps it.</li>
 * </ol>
 * Chinese characters pass through unchanged (they have no case). Punctuation is removed, not
 * turned into a space: "A.B.C. Ltd" matches "ABC LTD"; the price is that "Co.,Ltd." (no space
 * after the comma) becomes "COLTD", not "CO LTD".
 */
public final class PartyNames {

    private PartyNames() {}

    /** The comparison key of a party name; null gives "". Safe on any input, allocates a little. */
    public static String canonical(CharSequence name) {
        if (name == null) {
            return "";
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normalized.length());
        boolean pendingSpace = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = out.length() > 0;
            } else if (isPunctuation(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.CONTROL) {
                // dropped: it neither separates words nor is part of one
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        out.setLength(withoutCompanySuffixes(out));
        return out.toString();
    }

    /** Words of a company's legal form, upper case, as the steps before leave them. */
    private static final String[] FORM_WORDS = {
        "LTD", "LIMITED", "CO", "COMPANY", "CORP", "CORPORATION", "INC", "INCORPORATED", "LLC", "PLC", "COLTD"
    };
    /** The same in Chinese, longest first (they are not separated by spaces). */
    private static final String[] FORM_ENDINGS = {"股份有限公司", "有限責任公司", "有限责任公司", "有限公司", "公司"};

    /** The length of {@code name} without its trailing legal-form words; never 0 for a non-empty name. */
    private static int withoutCompanySuffixes(StringBuilder name) {
        int end = name.length();
        boolean took = true;
        while (took) {
            took = false;
            for (String word : FORM_WORDS) {
                int start = end - word.length();
                // A whole word after a space: "ACME CO" loses "CO", "DISCO" and "CO" alone do not.
                if (start > 1 && name.charAt(start - 1) == ' ' && regionIs(name, start, word)) {
                    end = start - 1;
                    took = true;
                    break;
                }
            }
            for (String ending : FORM_ENDINGS) {
                int start = end - ending.length();
                if (!took && start >= 0 && regionIs(name, start, ending)) {
                    if (start > 0) { // "有限公司" alone stays what it is
                        end = name.charAt(start - 1) == ' ' ? start - 1 : start;
                        took = true;
                    }
                    break;
                }
            }
        }
        return end;
    }

    private static boolean regionIs(StringBuilder name, int start, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (name.charAt(start + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static boolean isPunctuation(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
