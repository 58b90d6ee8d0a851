package hk.seamless.lane;

import java.util.List;

/**
 * An ACTIVE bundle as the lane reads it: a flyweight over a reusable buffer. Layout:
 * {@code id␟earliestCrossingEpochMillis␟empty(0|1)␟riskHits(comma list)␟ccrn,ccrn,...␟truckerAccountId}.
 * One instance per reading thread; {@link #wrap} re-points it at a new value without allocating.
 *
 * <p>The risk hits are the assessment made at bundling, kept for officers; the lane decides on the
 * watch list and targeting rules in force when the truck arrives, not on these. A value written
 * before the trucker was kept has no last field: its trucker reads as empty.
 */
public final class BundleAtLane {

    public static final int MAX_CCRNS = 100;

    final StringBuilder raw = new StringBuilder(256);
    private int idEnd;
    private long earliestCrossingMillis;
    private boolean empty;
    private int ccrnCount;
    private final int[] ccrnStart = new int[MAX_CCRNS];
    private final int[] ccrnEnd = new int[MAX_CCRNS];
    private int truckerStart;

    static String encode(String id, long earliestCrossingMillis, boolean empty, List<String> riskHits, List<String> ccrns,
                         String trucker) {
        char s = CompactValue.SEPARATOR;
        return id + s + earliestCrossingMillis + s + (empty ? '1' : '0') + s + String.join(",", riskHits) + s
                + String.join(",", ccrns) + s + (trucker == null ? "" : trucker);
    }

    /** Parses {@link #raw} in place. */
    void wrap() {
        idEnd = CompactValue.fieldEnd(raw, 0);
        int earliestEnd = CompactValue.fieldEnd(raw, idEnd + 1);
        earliestCrossingMillis = CompactValue.parseLong(raw, idEnd + 1, earliestEnd);
        int emptyEnd = CompactValue.fieldEnd(raw, earliestEnd + 1);
        empty = raw.charAt(earliestEnd + 1) == '1';
        int hitsEnd = CompactValue.fieldEnd(raw, emptyEnd + 1);
        ccrnCount = 0;
        int ccrnsEnd = CompactValue.fieldEnd(raw, hitsEnd + 1);
        int start = hitsEnd + 1;
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
        truckerStart = Math.min(ccrnsEnd + 1, raw.length());
    }

    /** Writes the account id of the trucker who bundled into {@code into} (empty when not known). */
    public void trucker(StringBuilder into) {
        into.setLength(0);
        into.append(raw, truckerStart, raw.length());
    }

    public void copyFrom(BundleAtLane other) {
        raw.setLength(0);
        raw.append(other.raw);
        wrap();
    }

    /** Writes the bundle id into {@code into} (cleared first). */
    public void id(StringBuilder into) {
        into.setLength(0);
        into.append(raw, 0, idEnd);
    }

    /** A 64-bit FNV-1a hash of the id, to remember released bundles without keeping strings. */
    public long idHash() {
        return hash(raw, 0, idEnd);
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

    public void ccrn(int index, StringBuilder into) {
        into.setLength(0);
        into.append(raw, ccrnStart[index], ccrnEnd[index]);
    }
}
