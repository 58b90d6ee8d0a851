package hk.seamless.ivrs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The TwiML adapter: a voice platform's form-encoded callback in, a {@code <Response>} of
 * {@code <Say>}, {@code <Gather>} and {@code <Hangup>} out. Twilio speaks it; so do SignalWire,
 * Telnyx (TeXML) and others that copied it. Unknown fields are ignored; everything written is escaped.
 */
public final class Twiml {

    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    /** Where a gather calls back, relative to the webhook's own URL, so that a path prefix in front of the engine is kept. */
    static final String ACTION = "calls";

    private static final Set<String> ENDED = Set.of("completed", "busy", "failed", "no-answer", "canceled");
    private static final int MAX_FIELDS = 100;

    private Twiml() {}

    /**
     * Reads a callback from its form fields (and the query of the action URL, which carries the step).
     *
     * @throws IllegalArgumentException if the form is not valid form encoding
     */
    public static CallRequest request(Map<String, String> fields, String stepParameter) {
        String status = fields.get("CallStatus");
        boolean ended = status != null && ENDED.contains(status.strip().toLowerCase(Locale.ROOT));
        return new CallRequest(
                blankToNull(fields.get("CallSid")),
                fields.get("From"),
                fields.get("Digits"),
                step(stepParameter),
                ended);
    }

    private static Integer step(String text) {
        if (text == null || text.isBlank() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.parseInt(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code application/x-www-form-urlencoded}; the first value of a repeated field wins. */
    public static Map<String, String> parseForm(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        int count = 0;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_FIELDS) {
                break;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    public static String render(CallAnswer answer) {
        StringBuilder xml = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>");
        if (answer.gather() != null) {
            Gather g = answer.gather();
            xml.append("<Gather input=\"dtmf\" numDigits=\"")
                    .append(g.numDigits())
                    .append("\" finishOnKey=\"")
                    .append(escape(g.finishOnKey()))
                    .append("\" timeout=\"")
                    .append(g.timeoutSeconds())
                    .append("\" action=\"")
                    .append(escape(ACTION + "?step=" + answer.step()))
                    .append("\" method=\"POST\" actionOnEmptyResult=\"true\">");
            says(xml, answer);
            xml.append("</Gather>");
        } else {
            says(xml, answer);
            xml.append("<Hangup/>");
        }
        return xml.append("</Response>\n").toString();
    }

    private static void says(StringBuilder xml, CallAnswer answer) {
        for (Speech s : answer.says()) {
            xml.append("<Say language=\"")
                    .append(s.language().tag())
                    .append("\">")
                    .append(escape(s.text()))
                    .append("</Say>");
        }
    }

    /** XML text and attribute escaping; characters XML 1.0 cannot carry at all are dropped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean legal = c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || (c >= 0x10000 && c <= 0x10FFFF);
                    if (legal) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
