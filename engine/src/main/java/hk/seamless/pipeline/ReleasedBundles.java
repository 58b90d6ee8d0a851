package hk.seamless.pipeline;

/**
 * Bundles this lane side has released. The same bundle never releases a second crossing, and the
 * lane view learns that a bundle is USED only when the registry has recorded the crossing: within
 * milliseconds in one process, but a lane engine cut off from the registry learns it only when the
 * link is back, hours or days later. Until then this is what keeps a second truck on that bundle
 * (a cloned plate) at a closed gate. A bundle id is never reused, so an entry never goes stale: it
 * leaves only to make room, the oldest of those near its slot first. It is filled again at start
 * from the lane log's RELEASEs ({@link LaneJournalReplay}).
 *
 * <p>An open-addressing table of bundle-id hashes (64-bit FNV-1a) and release times, so that the
 * check allocates nothing. Pipeline thread only (filled before the first event at start).
 */
final class ReleasedBundles {

    private static final int PROBES = 32;

    private final long[] hashes;
    private final long[] releasedAt;
    private final int mask;

    ReleasedBundles(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        this.hashes = new long[capacityPowerOfTwo];
        this.releasedAt = new long[capacityPowerOfTwo];
        this.mask = capacityPowerOfTwo - 1;
    }

    boolean contains(long hash) {
        int slot = (int) mix(hash) & mask;
        for (int i = 0; i < PROBES; i++) {
            int s = (slot + i) & mask;
            if (hashes[s] == hash && releasedAt[s] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Takes the first free slot near the hash (or its own); if all are taken, the oldest of them. */
    void add(long hash, long nowMillis) {
        int slot = (int) mix(hash) & mask;
        int oldest = slot;
        for (int i = 0; i < PROBES; i++) {
            int s = (slot + i) & mask;
            if (releasedAt[s] == 0 || hashes[s] == hash) {
                oldest = s;
                break;
            }
            if (releasedAt[s] < releasedAt[oldest]) {
                oldest = s;
            }
        }
        hashes[oldest] = hash;
        releasedAt[oldest] = Math.max(1, nowMillis);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
