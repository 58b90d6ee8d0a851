package hk.seamless.trade;

/**
 * Characters people put between groups when they type or paste an identifier.
 *
 * <p>Beyond the ASCII space and hyphen this accepts any Unicode space (a no-break space
 * arrives when a number is pasted from a PDF or a web page) and any dash (word processors
 * silently turn "-" into "-"); refusing those would reject numbers that look perfectly
 * right to the person who typed them.
 */
final class Separators {

    private Separators() {}

    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    static boolean isHyphen(int codePoint) {
        return codePoint == '-' || Character.getType(codePoint) == Character.DASH_PUNCTUATION;
    }

    static boolean isSeparator(int codePoint) {
        return isSpace(codePoint) || isHyphen(codePoint);
    }

    /** Like {@link String#strip()} but also removes no-break spaces. */
    static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
