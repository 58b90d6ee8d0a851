package hk.seamless.risk;

import java.util.Arrays;

/**
 * The targeting rules (GOODS entries of the watch list) in force, as the lane probes them: each
 * rule is a canonical phrase that hits a description of goods containing it. The rules are few
 * (a targeting desk keeps tens, not thousands) and change rarely, while every arrival with a
 * bundle probes them: so they are kept as an immutable array swapped on change (copy on write),
 * and a probe is a plain scan over the text in place, which allocates nothing.
 *
 * <p>Written on the registry writer thread (and at construction); read on the pipeline thread.
 */
final class TargetingRules {

    private volatile String[] rules = new String[0];

    synchronized void add(String phrase) {
        if (phrase.isEmpty() || Arrays.asList(rules).contains(phrase)) {
            return;
        }
        String[] next = Arrays.copyOf(rules, rules.length + 1);
        next[rules.length] = phrase;
        rules = next;
    }

    synchronized void clear() {
        rules = new String[0];
    }

    synchronized void remove(String phrase) {
        rules = Arrays.stream(rules).filter(r -> !r.equals(phrase)).toArray(String[]::new);
    }

    /** Whether any rule's phrase occurs in {@code text[from, to)}. */
    boolean hitsAny(CharSequence text, int from, int to) {
        for (String rule : rules) {
            if (occurs(rule, text, from, to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean occurs(String phrase, CharSequence text, int from, int to) {
        int last = to - phrase.length();
        char first = phrase.charAt(0);
        for (int i = from; i <= last; i++) {
            if (text.charAt(i) != first) {
                continue;
            }
            int j = 1;
            while (j < phrase.length() && text.charAt(i + j) == phrase.charAt(j)) {
                j++;
            }
            if (j == phrase.length()) {
                return true;
            }
        }
        return false;
    }
}
