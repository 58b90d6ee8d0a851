package hk.seamless.lane.plate;

/**
 * The character pairs a plate camera confuses both ways: B/8, S/5, Z/2, G/6.
 *
 * <p>Unlike I, O and Q (which Hong Kong marks never use, so {@link PlateNormaliser} maps them
 * outright), both sides of each pair occur on real marks: a read can only be corrected against
 * the vehicles expected at the lane ({@link LookAlikeResolver}).
 */
public final class LookAlikes {

    private LookAlikes() {
    }

    /** @return the character a camera may have mistaken {@code c} for, or 0 when there is none */
    public static char partner(char c) {
        switch (c) {
            case 'B': return '8';
            case '8': return 'B';
            case 'S': return '5';
            case '5': return 'S';
            case 'Z': return '2';
            case '2': return 'Z';
            case 'G': return '6';
            case '6': return 'G';
            default: return 0;
        }
    }
}
