package hk.seamless.ivrs;

import java.util.List;

/**
 * What the platform is to do next, whatever its markup: say these things, then either gather keys
 * (and call back with them, naming {@code step}) or hang up.
 *
 * @param step   the number the callback names, so that a repeated callback can be told from a new one
 * @param gather null when the call ends
 */
public record CallAnswer(List<Speech> says, Gather gather, boolean hangup, int step) {

    public CallAnswer {
        says = List.copyOf(says);
        if (hangup == (gather != null)) {
            throw new IllegalArgumentException("an answer either gathers keys or hangs up");
        }
    }

    /** The answer to a request that is not a call at all (no CallSid): sorry, in both languages, and goodbye. */
    public static CallAnswer sorry() {
        return new CallAnswer(
                List.of(
                        new Speech(Language.ENGLISH, Phrases.ENGLISH.technicalProblem()),
                        new Speech(Language.CANTONESE, Phrases.CANTONESE.technicalProblem())),
                null,
                true,
                0);
    }

    public String spokenText() {
        StringBuilder out = new StringBuilder();
        for (Speech s : says) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(s.text());
        }
        return out.toString();
    }
}
