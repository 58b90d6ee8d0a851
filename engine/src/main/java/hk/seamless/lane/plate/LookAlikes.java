package hk.seamless.lane.plate;

/**
 * The character pairs a plate camera confuses both ways: B/8, S/5, Z/2, G/6.
 *
 * <p>Unlike I, O and Q (which Hong Kong marks never use, so {@link PlateNormaliser} maps them
 * outright), both sides of each pair occur on real marks: a read can only be corrected against
 * the vehicles expected at the lane ({@link LookAlikeResolver}).
 */
public final class LookAlikes {

    private LookAlikes() {}

    /** @return the character a camera may have mistaken {@code c} for, or 0 when there is none */
    public static char partner(char c) {
        switch (c) {
            case 'B':
                return '8';
            case '8':
                return 'B';
            case 'S':
                return '5';
            case '5':
                return 'S';
            case 'Z':
                return '2';
            case '2':
                return 'Z';
            case 'G':
                return '6';
            case '6':
                return 'G';
            default:
                return 0;
        }
    }

    /**
     * The one character that stands for {@code c}'s whole pair: the digit (B, 8 → 8; S, 5 → 5;
     * Z, 2 → 2; G, 6 → 6); any other character stands for itself. The pairs are disjoint, so two
     * marks are {@linkplain #equalUnderLookAlikes look-alikes} exactly when their folds are equal.
     */
    public static char fold(char c) {
        switch (c) {
            case 'B':
                return '8';
            case 'S':
                return '5';
            case 'Z':
                return '2';
            case 'G':
                return '6';
            default:
                return c;
        }
    }

    /**
     * Whether two canonical marks can be the same plate as a camera reads it: the same length, and
     * at every position the same character or a look-alike pair.
     */
    public static boolean equalUnderLookAlikes(CharSequence a, CharSequence b) {
        int length = a.length();
        if (length != b.length() || length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && partner(x) != y) {
                return false;
            }
        }
        return true;
    }

    /** Whether two texts are the same characters (a {@code contentEquals} that allocates nothing on any CharSequence). */
    public static boolean sameText(CharSequence a, CharSequence b) {
        int length = a.length();
        if (length != b.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
