package hk.seamless.pipeline;

/**
 * Bundles this lane side has released and the registry may not have marked USED yet. The gap is
 * milliseconds, but a second truck on the same bundle inside it must not be released: the same
 * bundle never releases a second crossing.
 *
 * <p>An open-addressing table of bundle-id hashes (64-bit FNV-1a) and release times, so that the
 * check allocates nothing. An entry counts for {@code retentionMillis}, far longer than the
 * registry takes to record a crossing; after that it is free to be reused. Pipeline thread only.
 */
final class ReleasedBundles {

    private static final int PROBES = 32;

    private final long[] hashes;
    private final long[] releasedAt;
    private final int mask;
    private final long retentionMillis;

    ReleasedBundles(int capacityPowerOfTwo, long retentionMillis) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        this.hashes = new long[capacityPowerOfTwo];
        this.releasedAt = new long[capacityPowerOfTwo];
        this.mask = capacityPowerOfTwo - 1;
        this.retentionMillis = retentionMillis;
    }

    boolean contains(long hash, long nowMillis) {
        int slot = (int) mix(hash) & mask;
        for (int i = 0; i < PROBES; i++) {
            int s = (slot + i) & mask;
            if (hashes[s] == hash && releasedAt[s] != 0 && nowMillis - releasedAt[s] < retentionMillis) {
                return true;
            }
        }
        return false;
    }

    /** Takes the first free or expired slot near the hash; if all are live, the oldest of them. */
    void add(long hash, long nowMillis) {
        int slot = (int) mix(hash) & mask;
        int oldest = slot;
        for (int i = 0; i < PROBES; i++) {
            int s = (slot + i) & mask;
            if (releasedAt[s] == 0 || nowMillis - releasedAt[s] >= retentionMillis || hashes[s] == hash) {
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
