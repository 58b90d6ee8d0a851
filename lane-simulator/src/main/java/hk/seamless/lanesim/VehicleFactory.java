package hk.seamless.lanesim;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes up Hong Kong ordinary marks ("FU 1234", "AB 123": two letters without I, O or Q, then 1
 * to 4 digits without a leading zero) and 96-bit RFID EPCs.
 *
 * <p>No two ordinary marks are look-alikes of each other: turning any letter into its look-alike
 * digit, or a digit into its letter (B/8, S/5, Z/2, G/6), never gives another ordinary mark. So a
 * misread of one of these vehicles can only resolve to itself, and the oracle can say what the
 * engine must decide. Marks are random, so runs against the same engine rarely collide; a mark
 * or tag the engine says is taken is simply replaced ({@link #replace}).
 */
final class VehicleFactory {

    static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    /** Cross-boundary prefixes, common at the control points. */
    private static final String[] CROSS_BOUNDARY = {"FU", "FV", "DW", "EW"};
    /** Digits a camera confuses with a letter; a MISREAD vehicle's mark has one. */
    static final String LOOK_ALIKE_DIGITS = "2568";

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>();

    VehicleFactory(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param tagged             whether the vehicle carries an RFID tag
     * @param lookAlikeDigit     whether the mark must hold a digit with a look-alike letter
     */
    synchronized SimVehicle next(boolean tagged, boolean lookAlikeDigit) {
        while (true) {
            String mark = mark(lookAlikeDigit);
            if (used.add(SimVehicle.canonical(mark))) {
                return new SimVehicle(mark, tagged ? epc() : null);
            }
        }
    }

    /**
     * A look-alike twin of {@code partner} (which has a look-alike digit): the same mark with one
     * such digit read as its letter, "FU 1258" giving "FU 125B", a personalised mark. No ordinary
     * mark is a look-alike of it but its partner's.
     */
    synchronized SimVehicle twinOf(SimVehicle partner) {
        String mark = LaneMessages.misread(partner.canonical);
        used.add(mark);
        SimVehicle twin = new SimVehicle(mark.substring(0, 2) + " " + mark.substring(2), epc());
        twin.twin = partner;
        return twin;
    }

    /** Another vehicle of the same kind, when the engine already knows this mark or tag. */
    SimVehicle replace(SimVehicle taken) {
        boolean lookAlike = taken.display.chars().anyMatch(c -> LOOK_ALIKE_DIGITS.indexOf(c) >= 0);
        return next(taken.epc != null, lookAlike);
    }

    private String mark(boolean lookAlikeDigit) {
        String prefix = random.nextInt(3) == 0
                ? CROSS_BOUNDARY[random.nextInt(CROSS_BOUNDARY.length)]
                : "" + LETTERS.charAt(random.nextInt(LETTERS.length()))
                        + LETTERS.charAt(random.nextInt(LETTERS.length()));
        int digits = 1 + random.nextInt(4);
        StringBuilder number = new StringBuilder();
        number.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < digits; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        if (lookAlikeDigit && number.chars().noneMatch(c -> LOOK_ALIKE_DIGITS.indexOf(c) >= 0)) {
            number.setCharAt(number.length() - 1, LOOK_ALIKE_DIGITS.charAt(random.nextInt(LOOK_ALIKE_DIGITS.length())));
        }
        return prefix + " " + number;
    }

    private String epc() {
        StringBuilder epc = new StringBuilder("E280");
        for (int i = 0; i < 20; i++) {
            epc.append(Character.forDigit(random.nextInt(16), 16));
        }
        return epc.toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether a text is an ordinary mark (two letters, 1-4 digits, no leading zero) in canonical form. */
    static boolean isOrdinary(String canonical) {
        return canonical.matches("[A-HJ-NPR-Z]{2}[1-9][0-9]{0,3}");
    }
}
