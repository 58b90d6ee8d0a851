package hk.seamless.lane;

import hk.seamless.config.Direction;
import hk.seamless.lane.plate.LookAlikes;
import hk.seamless.store.KeyValueStore;

/**
 * The marks of the ACTIVE bundles grouped by direction and look-alike fold ({@link
 * LookAlikes#fold}): two marks are look-alikes exactly when they fold alike, so one look-up tells
 * how many expected vehicles a read can reach through the look-alike pairs, and the resolver
 * probes a read's up to 256 variants only when one of them can be expected.
 *
 * <p>Key: the direction's initial and the folded mark ({@code IA81234} for AB1234 or A81234
 * importing). Value: each mark of the group as its look-alike mask in hex, sorted, without
 * repeats. The mask has a bit for each look-alike position of the fold (8, 5, 2, 6) in order, set
 * where the mark has the letter (B, S, Z, G); four positions a hex digit, at least one digit, so
 * every mark of a group takes the same width: AB1234 and A81234 importing are {@code IA81234 → 01}
 * (A81234 is 0, AB1234 is 1). A group is a byte or two: the map adds little to the lane bundles'.
 *
 * <p>Why the marks and not a count: adding a mark already there, or removing one already gone,
 * changes nothing, like every other write of the lane view. The feed consumer writes its applied
 * sequence after an entry's writes, so after a kill the entry is applied again; a count would then
 * go up (or down) twice.
 *
 * <p>Written on the registry writer thread (may allocate); {@link #count} on the pipeline thread
 * (allocates nothing).
 */
final class LookAlikeFolds {

    private final KeyValueStore folds;
    private final StringBuilder readKey = new StringBuilder(16);
    private final StringBuilder readValue = new StringBuilder(16);

    LookAlikeFolds(KeyValueStore folds) {
        this.folds = folds;
    }

    /** The mark now has an ACTIVE bundle for the direction (again, perhaps). */
    void add(String mark, Direction direction) {
        String key = key(mark, direction);
        String mask = mask(mark);
        String group = folds.get(key);
        if (group == null) {
            folds.put(key, mask);
            return;
        }
        int at = 0;
        while (at < group.length() && group.substring(at, at + mask.length()).compareTo(mask) < 0) {
            at += mask.length();
        }
        if (at < group.length() && group.startsWith(mask, at)) {
            return; // already there: an entry applied again
        }
        folds.put(key, group.substring(0, at) + mask + group.substring(at));
    }

    /** The mark has no ACTIVE bundle for the direction any more (or never had). */
    void remove(String mark, Direction direction) {
        String key = key(mark, direction);
        String group = folds.get(key);
        if (group == null) {
            return;
        }
        String mask = mask(mark);
        for (int at = 0; at < group.length(); at += mask.length()) {
            if (group.startsWith(mask, at)) {
                String rest = group.substring(0, at) + group.substring(at + mask.length());
                if (rest.isEmpty()) {
                    folds.remove(key);
                } else {
                    folds.put(key, rest);
                }
                return;
            }
        }
    }

    void clear() {
        folds.clear();
    }

    /** How many marks with an ACTIVE bundle for the direction fold like {@code canonicalMark} (itself included). */
    int count(CharSequence canonicalMark, Direction direction) {
        readKey.setLength(0);
        appendKey(readKey, canonicalMark, direction);
        if (!folds.getUsing(readKey, readValue)) {
            return 0;
        }
        return readValue.length() / maskWidth(canonicalMark);
    }

    static String key(CharSequence mark, Direction direction) {
        StringBuilder key = new StringBuilder(mark.length() + 1);
        appendKey(key, mark, direction);
        return key.toString();
    }

    private static void appendKey(StringBuilder key, CharSequence mark, Direction direction) {
        key.append(direction.name().charAt(0));
        for (int i = 0; i < mark.length(); i++) {
            key.append(LookAlikes.fold(mark.charAt(i)));
        }
    }

    /** The mark's look-alike mask, {@link #maskWidth} hex digits. */
    static String mask(CharSequence mark) {
        char[] digits = new char[maskWidth(mark)];
        java.util.Arrays.fill(digits, '0');
        int position = 0;
        for (int i = 0; i < mark.length(); i++) {
            char c = mark.charAt(i);
            if (LookAlikes.partner(c) == 0) {
                continue;
            }
            if (LookAlikes.fold(c) != c) {
                int digit = position / 4;
                int value = Character.digit(digits[digit], 16) | 1 << (position % 4);
                digits[digit] = Character.forDigit(value, 16);
            }
            position++;
        }
        return new String(digits);
    }

    /** Hex digits a mask of this mark's group takes: the same for every mark that folds alike. */
    private static int maskWidth(CharSequence mark) {
        int positions = 0;
        for (int i = 0; i < mark.length(); i++) {
            if (LookAlikes.partner(mark.charAt(i)) != 0) {
                positions++;
            }
        }
        return Math.max(1, (positions + 3) / 4);
    }
}
