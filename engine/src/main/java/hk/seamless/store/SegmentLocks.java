package hk.seamless.store;

import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Releases the segment locks a killed process left in a map that was whole otherwise: the first
 * step of Chronicle's own {@code recoverPersistedTo}, without the walk over every entry slot that
 * follows it there. A reader killed inside a {@code get} leaves its read lock counted in the
 * mapped segment header; left so, the next write to that segment would wait for it and fail
 * ("Failed to acquire the lock"). Chronicle has no public call for this step alone, so it goes
 * through its implementation classes (public, in its {@code impl} packages; the Chronicle version
 * is pinned in the parent pom and {@code SegmentLocksTest} checks this against a real held lock).
 *
 * <p>Only safe while no other process maps the file: the data folder's lock guarantees that.
 */
final class SegmentLocks {

    private SegmentLocks() {}

    /** @return how many segments had a lock held */
    static int releaseAll(ChronicleMap<?, ?> map) {
        VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>) map;
        BigSegmentHeader header = BigSegmentHeader.INSTANCE;
        long unlocked = header.resetLockState();
        int released = 0;
        for (int segment = 0; segment < hash.actualSegments; segment++) {
            long address = hash.segmentHeaderAddress(segment);
            if (header.getLockState(address) != unlocked) {
                header.resetLock(address);
                released++;
            }
        }
        return released;
    }
}
