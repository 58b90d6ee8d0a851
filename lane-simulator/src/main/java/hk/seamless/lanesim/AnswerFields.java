package hk.seamless.lanesim;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a few named scalar fields out of the engine's JSON answers (registration id, token, batch
 * counts). A full JSON parser would pull Vert.x and Netty into the jar for four fields; the engine
 * encodes compactly and the keys read here occur once, at the top level, so a pattern is enough.
 */
final class AnswerFields {

    private AnswerFields() {
    }

    static Optional<String> text(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<Long> number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
