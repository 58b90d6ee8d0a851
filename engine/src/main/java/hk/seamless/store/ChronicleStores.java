package hk.seamless.store;

import hk.seamless.log.OwnerOnly;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens every {@link StoreName} as a Chronicle Map persisted under {@code <data>/stores}.
 *
 * <p>Chronicle keeps its segment locks inside the mapped file, so a process killed while holding one
 * leaves it held. A marker file written at open and removed at clean close tells an unclean stop
 * apart ({@link OpenMarker}). After a power cut every map is opened with {@code recoverPersistedTo};
 * after a process was killed (the machine stayed up) only the maps it was writing when it died
 * ({@link WritesInFlight}): the others are whole, and only their segment locks are released.
 * Recovery walks a map's whole nominal size (a minute for a Hong Kong-sized consignment store), so
 * this is what keeps a restart after {@code kill -9} near a clean one. Both are only safe while
 * nobody else maps the files: the data folder's lock file guarantees that.
 */
public final class ChronicleStores implements Stores, AutoCloseable {

    static {
        NoPhoneHome.ensure();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChronicleStores.class);
    /**
     * Chronicle lets each segment add {@code segments × (bloat − 1) + segments} extra tiers: at 1.0 one
     * extra tier per segment, twice the room {@link StoreSizes} expects. A larger factor made sparse
     * files size every first tier for the whole bloat: 28.7 GB nominal for 10 million lane bundles at
     * 4.0, zeroed into the page cache at creation, and fills that slowed by half each million.
     */
    static final double MAX_BLOAT_FACTOR = 1.0;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean recoveredFromUncleanStop;
    private int repairs;
    private final Set<StoreName> repaired = EnumSet.noneOf(StoreName.class);
    private int locksReleased;
    private final List<StoreName> recovered = new ArrayList<>();
    private final Map<StoreName, ChronicleKeyValueStore> stores = new EnumMap<>(StoreName.class);

    private ChronicleStores(Path dir, FileChannel lockChannel, FileLock lock, boolean unclean) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.recoveredFromUncleanStop = unclean;
    }

    public static ChronicleStores open(Path dataDir, StoreSizes sizes) {
        Path dir = dataDir.resolve("stores");
        try {
            OwnerOnly.folder(dataDir);
            OwnerOnly.folder(dir);
            FileChannel lockChannel =
                    FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            OwnerOnly.file(dir.resolve("LOCK"));
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException(
                        "the data folder " + dataDir.toAbsolutePath() + " is in use by another engine process");
            }
            OpenMarker.LastStop lastStop = OpenMarker.lastStop(dir);
            ChronicleStores result = new ChronicleStores(dir, lockChannel, lock, lastStop != OpenMarker.LastStop.CLEAN);
            for (StoreName name : StoreName.values()) {
                WritesInFlight writing = WritesInFlight.open(dir.resolve(name.fileName()));
                result.stores.put(
                        name,
                        new ChronicleKeyValueStore(
                                result.openMap(name, sizes, lastStop, writing),
                                sizes.entries(name),
                                MAX_BLOAT_FACTOR,
                                writing));
                OwnerOnly.file(dir.resolve(name.fileName()));
                OwnerOnly.file(WritesInFlight.counterFile(dir.resolve(name.fileName())));
            }
            OpenMarker.write(dir);
            OwnerOnly.file(dir.resolve(OpenMarker.FILE_NAME));
            forceDirectory(dir);
            if (lastStop == OpenMarker.LastStop.PROCESS_KILLED) {
                LOG.info(
                        "The last run's process was killed (the machine stayed up): Chronicle's recovery walked {}"
                                + " (a write was under way there); {} segment locks it left held released in the others",
                        result.recovered.isEmpty() ? "no map" : result.recovered,
                        result.locksReleased);
            } else if (lastStop == OpenMarker.LastStop.MACHINE_STOPPED) {
                LOG.info("The last run ended without a clean stop and the machine may have stopped with it:"
                        + " Chronicle's recovery walked every map");
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the stores in " + dir, e);
        }
    }

    private ChronicleMap<CharSequence, CharSequence> openMap(
            StoreName name, StoreSizes sizes, OpenMarker.LastStop lastStop, WritesInFlight writing) throws IOException {
        File file = dir.resolve(name.fileName()).toFile();
        ChronicleMapBuilder<CharSequence, CharSequence> builder = builder(name, sizes.entries(name))
                // The engine's own shutdown hook closes the maps, after forcing them and
                // checkpointing the log; Chronicle's would close them under the writer's feet.
                .skipCloseOnExitHook(true);
        boolean existed = file.exists();
        boolean recover = existed
                && (lastStop == OpenMarker.LastStop.MACHINE_STOPPED
                        || lastStop == OpenMarker.LastStop.PROCESS_KILLED && writing.underWay() != 0);
        ChronicleMap<CharSequence, CharSequence> map;
        if (recover) {
            recovered.add(name);
            // Chronicle reports every segment and chunk it repairs (a kill -9 leaves many, harmlessly:
            // the journal is replayed over the maps next). Each goes to DEBUG; the engine then says
            // in one line what recovery did.
            map = builder.recoverPersistedTo(file, true, corruption -> {
                repairs++;
                repaired.add(name);
                LOG.debug("Chronicle recovery of {}: {}", name, corruption.message());
            });
        } else {
            map = builder.createPersistedTo(file);
            if (existed && lastStop == OpenMarker.LastStop.PROCESS_KILLED) {
                locksReleased += SegmentLocks.releaseAll(map);
            }
        }
        writing.reset();
        return map;
    }

    /**
     * How every store's map is built (benchmarks build theirs with this too, so that they measure the
     * engine's maps). CharSequence, not String: the lane side reads values into reusable buffers
     * (getUsing). Sparse: entries not yet written cost no disk. Entries and tiers: see {@link StoreSizes}
     * and {@link #MAX_BLOAT_FACTOR}.
     */
    public static ChronicleMapBuilder<CharSequence, CharSequence> builder(StoreName name, long entries) {
        return ChronicleMap.of(CharSequence.class, CharSequence.class)
                .name(name.name().toLowerCase())
                .entries(entries)
                .averageKeySize(name.averageKeyBytes())
                .averageValueSize(name.averageValueBytes())
                .maxBloatFactor(MAX_BLOAT_FACTOR)
                .sparseFile(true)
                .checksumEntries(true);
    }

    @Override
    public KeyValueStore store(StoreName name) {
        return stores.get(name);
    }

    /** Forces every map's pages to its file, before the registry log is checkpointed. */
    @Override
    public void force() {
        stores.values().forEach(ChronicleKeyValueStore::force);
    }

    /** True when the previous run was killed: the journal must then be replayed over the maps. */
    public boolean recoveredFromUncleanStop() {
        return recoveredFromUncleanStop;
    }

    /** The maps opened with Chronicle's recovery at this start (none after a clean stop). */
    public List<StoreName> recoveredMaps() {
        return List.copyOf(recovered);
    }

    /** The maps in which Chronicle's recovery repaired something at this start. */
    public Set<StoreName> repairedMaps() {
        return Set.copyOf(repaired);
    }

    /** Segment locks a killed process left held in maps that needed no recovery, released at this start. */
    public int locksReleased() {
        return locksReleased;
    }

    /** How many damaged segments or entries Chronicle repaired while recovering (0 after a clean stop). */
    public int recoveryRepairs() {
        return repairs;
    }

    /** A clean stop: the maps closed and the marker removed, so the next start needs no recovery. */
    @Override
    public void close() {
        close(true);
    }

    /**
     * The stop of a start that failed: the maps are closed but the marker stays, because they may
     * hold half of a replay or a write; the next start then recovers them from the journal.
     */
    public void closeAfterFailedStart() {
        close(false);
    }

    private void close(boolean clean) {
        stores.values().forEach(ChronicleKeyValueStore::close);
        stores.clear();
        try {
            if (clean) {
                OpenMarker.remove(dir);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the open marker; the next start will run a recovery", e);
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("Could not release the data folder's lock", e);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Not every file system lets a directory be synced; the marker is then best effort.
        }
    }
}
