package hk.seamless.ivrs;

import java.util.Objects;

/** One thing the caller hears, in one language. */
public record Speech(Language language, String text) {

    public Speech {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
    }
}
