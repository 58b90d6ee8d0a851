package hk.seamless.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of JavaScript's lexical structure to read the pages' calls: strings, template
 * literals with nested {@code ${...}}, regular expression literals, comments and bracket nesting.
 * Not a parser: {@link PageApiCalls} leaves what this cannot take apart unresolved, and the test
 * names it.
 */
final class JsSource {

    /** A template literal's piece: literal text, or the expression of a {@code ${...}}. */
    record Piece(String text, String expression) {}

    private JsSource() {}

    /** The source with its comments blanked (newlines kept, so line numbers stay). */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = literalEnd(source, i);
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                blank(out, i, end);
                i = end;
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                blank(out, i, end);
                i = end;
            } else if (c == '/' && regexMayStart(source, i)) {
                i = regexEnd(source, i);
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
    }

    /** A '/' after an operator, an opening bracket, a comma or the start begins a regex, not a division. */
    private static boolean regexMayStart(String s, int i) {
        int k = i - 1;
        while (k >= 0 && Character.isWhitespace(s.charAt(k))) {
            k--;
        }
        if (k < 0) {
            return true;
        }
        char before = s.charAt(k);
        if ("(,=:[!&|?{};+-*%<>~^".indexOf(before) >= 0) {
            return true;
        }
        int start = k;
        while (start >= 0 && Character.isLetter(s.charAt(start))) {
            start--;
        }
        String word = s.substring(start + 1, k + 1);
        return word.equals("return") || word.equals("typeof") || word.equals("case");
    }

    private static int regexEnd(String s, int i) {
        boolean inClass = false;
        for (int k = i + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                return k + 1;
            } else if (c == '\n') {
                return k; // not a regex after all
            }
        }
        return s.length();
    }

    /** The index just after the string or template literal that starts at {@code i}. */
    static int literalEnd(String s, int i) {
        char quote = s.charAt(i);
        int k = i + 1;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (c == '\\') {
                k += 2;
            } else if (c == quote) {
                return k + 1;
            } else if (quote == '`' && c == '$' && k + 1 < s.length() && s.charAt(k + 1) == '{') {
                k = balancedEnd(s, k + 1);
            } else {
                k++;
            }
        }
        return s.length();
    }

    /** The index just after the bracket that closes the one at {@code i} ('(', '[' or '{'). */
    static int balancedEnd(String s, int i) {
        int depth = 0;
        int k = i;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"' || c == '`') {
                k = literalEnd(s, k);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return k + 1;
                }
            }
            k++;
        }
        return s.length();
    }

    /** The arguments of the call whose '(' is at {@code open}, as written. */
    static List<String> arguments(String code, int open) {
        int close = balancedEnd(code, open);
        String inside = code.substring(open + 1, Math.max(open + 1, close - 1));
        return inside.isBlank()
                ? List.of()
                : split(inside, ',').stream().map(String::strip).toList();
    }

    /** Splits at each {@code separator} outside brackets and literals. */
    static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int k = 0;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"' || c == '`') {
                k = literalEnd(s, k);
            } else if (c == '(' || c == '[' || c == '{') {
                k = balancedEnd(s, k);
            } else {
                if (c == separator) {
                    parts.add(s.substring(start, k));
                    start = k + 1;
                }
                k++;
            }
        }
        String last = s.substring(start);
        if (!last.isBlank()) {
            parts.add(last);
        }
        return parts;
    }

    /** The first index of {@code wanted} outside brackets and literals, or -1. */
    static int topLevelIndex(String s, char wanted) {
        int k = 0;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"' || c == '`') {
                k = literalEnd(s, k);
            } else if (c == '(' || c == '[' || c == '{') {
                k = balancedEnd(s, k);
            } else if (c == wanted) {
                return k;
            } else {
                k++;
            }
        }
        return -1;
    }

    /** The '?' and ':' of an expression that is a choice {@code a ? b : c} at its top level, or null. */
    static int[] topLevelConditional(String s) {
        int question = -1;
        int nested = 0;
        int k = 0;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"' || c == '`') {
                k = literalEnd(s, k);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                k = balancedEnd(s, k);
                continue;
            }
            if (c == '?') {
                char next = k + 1 < s.length() ? s.charAt(k + 1) : ' ';
                if (next == '?' || (next == '.' && !(k + 2 < s.length() && Character.isDigit(s.charAt(k + 2))))) {
                    k += 2; // ?? and ?. are not a choice
                    continue;
                }
                if (question < 0) {
                    question = k;
                } else {
                    nested++;
                }
            } else if (c == ':' && question >= 0) {
                if (nested == 0) {
                    return new int[] {question, k};
                }
                nested--;
            }
            k++;
        }
        return null;
    }

    /** The expression without parentheses wrapping all of it. */
    static String unwrapParentheses(String s) {
        String e = s;
        while (e.startsWith("(") && balancedEnd(e, 0) == e.length()) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    /** Where the statement starting at {@code from} ends: its ';' outside brackets and literals. */
    static int statementEnd(String code, int from) {
        int end = topLevelIndex(code.substring(from), ';');
        return end < 0 ? code.length() : from + end;
    }

    /** The pieces of a template literal (backticks included in {@code literal}). */
    static List<Piece> templatePieces(String literal) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int k = 1;
        int end = literal.length() - 1;
        while (k < end) {
            char c = literal.charAt(k);
            if (c == '\\' && k + 1 < end) {
                text.append(literal.charAt(k + 1));
                k += 2;
            } else if (c == '$' && k + 1 < end && literal.charAt(k + 1) == '{') {
                if (!text.isEmpty()) {
                    pieces.add(new Piece(text.toString(), null));
                    text.setLength(0);
                }
                int close = balancedEnd(literal, k + 1);
                pieces.add(new Piece(null, literal.substring(k + 2, close - 1).strip()));
                k = close;
            } else {
                text.append(c);
                k++;
            }
        }
        if (!text.isEmpty()) {
            pieces.add(new Piece(text.toString(), null));
        }
        return pieces;
    }

    /** A string literal's text (its quotes taken off by the caller): the escapes a URL may hold. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < s.length()) {
                out.append(s.charAt(++k));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
