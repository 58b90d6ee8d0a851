package hk.seamless.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many writes to one map are under way, counted in a memory-mapped file beside it
 * ({@code <store>.writing}, 8 bytes), so that after {@code kill -9} the next start knows whether the
 * process died in the middle of a write to that map.
 *
 * <p>Why: a killed process leaves its page cache behind, so a map nobody was writing when it died is
 * whole; only its segment locks may still be held (by a reader). Chronicle's
 * {@code recoverPersistedTo} walks every slot of the map's nominal size (about a minute for a
 * Hong Kong-sized consignment store), which only a map with a write cut in half needs. The counter
 * is bumped before and after each write (two atomic adds on a mapped page: the kernel keeps them
 * even when the process is killed). It says nothing after a power cut, when pages reach the disk in
 * any order: {@link OpenMarker} tells that case apart by the boot.
 */
final class WritesInFlight implements AutoCloseable {

    private static final VarHandle COUNT = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final WritesInFlight UNTRACKED = new WritesInFlight(null, null);

    private final FileChannel channel;
    private final MappedByteBuffer counter;

    private WritesInFlight(FileChannel channel, MappedByteBuffer counter) {
        this.channel = channel;
        this.counter = counter;
    }

    /** The counter of the map in {@code mapFile}, made at zero if it is not there (a new map, or an older engine's). */
    static WritesInFlight open(Path mapFile) {
        Path file = counterFile(mapFile);
        try {
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new WritesInFlight(channel, channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file, e);
        }
    }

    /** Counts nothing: for maps a benchmark builds outside a data folder. */
    static WritesInFlight untracked() {
        return UNTRACKED;
    }

    static Path counterFile(Path mapFile) {
        return mapFile.resolveSibling(mapFile.getFileName() + ".writing");
    }

    /** Writes that had begun and not ended: non-zero after a start only if the last process died in one. */
    long underWay() {
        return counter == null ? 0 : (long) COUNT.getVolatile(counter, 0);
    }

    /** Back to zero once the map has been recovered (or found whole), before any write of this run. */
    void reset() {
        if (counter != null) {
            COUNT.setVolatile(counter, 0, 0L);
        }
    }

    void begin() {
        if (counter != null) {
            COUNT.getAndAdd(counter, 0, 1L);
        }
    }

    void end() {
        if (counter != null) {
            COUNT.getAndAdd(counter, 0, -1L);
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The mapping stays valid until collected; nothing was buffered in the channel.
            }
        }
    }
}
