package hk.seamless.lane;

import java.util.List;

/**
 * An ACTIVE bundle as the lane reads it: a flyweight over a reusable buffer. Layout, fields
 * separated by {@link CompactValue#SEPARATOR}:
 * {@code id␟earliestCrossingEpochMillis␟empty(0|1)riskHits(comma list)␟ccrns␟truckerAccountId}, with
 * the ids, the millis and the CCRNs packed by {@link PackedText} (a typical bundle, two CCRNs and
 * registry ids, is 67 B instead of 102 B: ten million fit in Chronicle's smaller entry layout).
 * The empty flag is the first character of the risk hits' field, which saves a separator: with
 * three CCRNs the value is still 76 B. One instance per reading thread; {@link #wrap} re-points it
 * at a new value without allocating, and the readers decode into the caller's builder.
 *
 * <p>The risk hits are the assessment made at bundling, kept for officers; the lane decides on the
 * watch list and targeting rules in force when the truck arrives, not on these. A value without
 * its last field (no trucker known) reads its trucker as empty.
 */
public final class BundleAtLane {

    public static final int MAX_CCRNS = 100;

    final StringBuilder raw = new StringBuilder(256);
    /** Where {@link #idHash} decodes the id: the hash is over its text, as everywhere else. */
    private final StringBuilder idText = new StringBuilder(32);

    private int idEnd;
    private long earliestCrossingMillis;
    private boolean empty;
    private int ccrnCount;
    private boolean ccrnsPacked;
    private final int[] ccrnStart = new int[MAX_CCRNS];
    private final int[] ccrnEnd = new int[MAX_CCRNS];
    private int truckerStart;

    static String encode(
            String id,
            long earliestCrossingMillis,
            boolean empty,
            List<String> riskHits,
            List<String> ccrns,
            String trucker) {
        char s = CompactValue.SEPARATOR;
        StringBuilder out = new StringBuilder(96);
        PackedText.appendId(out, id);
        out.append(s);
        PackedText.appendNumber(out, earliestCrossingMillis);
        out.append(s)
                .append(empty ? '1' : '0')
                .append(String.join(",", riskHits))
                .append(s);
        PackedText.appendCcrns(out, ccrns);
        out.append(s);
        if (trucker != null) {
            PackedText.appendId(out, trucker);
        }
        return out.toString();
    }

    /** Whether {@code value} (as {@link #encode} wrote it) is the bundle {@code bundleId}'s. */
    static boolean isOf(String value, String bundleId) {
        StringBuilder prefix = new StringBuilder(32);
        PackedText.appendId(prefix, bundleId);
        prefix.append(CompactValue.SEPARATOR);
        return value.startsWith(prefix.toString());
    }

    /** Parses {@link #raw} in place. */
    void wrap() {
        idEnd = CompactValue.fieldEnd(raw, 0);
        int earliestEnd = CompactValue.fieldEnd(raw, idEnd + 1);
        earliestCrossingMillis = PackedText.readNumber(raw, Math.min(idEnd + 1, earliestEnd), earliestEnd);
        int flagsEnd = CompactValue.fieldEnd(raw, earliestEnd + 1);
        empty = earliestEnd + 1 < raw.length() && raw.charAt(earliestEnd + 1) == '1';
        int ccrnsStart = flagsEnd + 1;
        int ccrnsEnd = CompactValue.fieldEnd(raw, ccrnsStart);
        ccrnCount = 0;
        ccrnsPacked = PackedText.isPackedCcrns(raw, ccrnsStart, ccrnsEnd);
        if (ccrnsPacked) {
            ccrnCount = Math.min((ccrnsEnd - ccrnsStart - 1) / PackedText.CCRN_CHUNK, MAX_CCRNS);
            for (int i = 0; i < ccrnCount; i++) {
                ccrnStart[i] = ccrnsStart + 1 + i * PackedText.CCRN_CHUNK;
            }
        } else {
            int start = PackedText.literalStart(raw, ccrnsStart, ccrnsEnd);
            while (start < ccrnsEnd && ccrnCount < MAX_CCRNS) {
                int end = start;
                while (end < ccrnsEnd && raw.charAt(end) != ',') {
                    end++;
                }
                ccrnStart[ccrnCount] = start;
                ccrnEnd[ccrnCount] = end;
                ccrnCount++;
                start = end + 1;
            }
        }
        truckerStart = Math.min(ccrnsEnd + 1, raw.length());
    }

    /** Writes the account id of the trucker who bundled into {@code into} (empty when not known). */
    public void trucker(StringBuilder into) {
        into.setLength(0);
        PackedText.appendIdText(raw, truckerStart, raw.length(), into);
    }

    public void copyFrom(BundleAtLane other) {
        raw.setLength(0);
        raw.append(other.raw);
        wrap();
    }

    /** Writes the bundle id into {@code into} (cleared first). */
    public void id(StringBuilder into) {
        into.setLength(0);
        PackedText.appendIdText(raw, 0, idEnd, into);
    }

    /** A 64-bit FNV-1a hash of the id's text ({@link #hash} of it), to remember released bundles without keeping strings. */
    public long idHash() {
        id(idText);
        return hash(idText, 0, idText.length());
    }

    public static long hash(CharSequence text, int start, int end) {
        long h = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    public long earliestCrossingMillis() {
        return earliestCrossingMillis;
    }

    public boolean empty() {
        return empty;
    }

    public int ccrnCount() {
        return ccrnCount;
    }

    /** Writes CCRN {@code index} (0 to {@link #ccrnCount} - 1) into {@code into} (cleared first). */
    public void ccrn(int index, StringBuilder into) {
        into.setLength(0);
        if (ccrnsPacked) {
            PackedText.appendCcrnText(raw, ccrnStart[index], into);
        } else {
            into.append(raw, ccrnStart[index], ccrnEnd[index]);
        }
    }
}
