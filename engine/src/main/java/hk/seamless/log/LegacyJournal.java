package hk.seamless.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The single-file journal of earlier versions ({@code [length:int][crc32c:int][payload]} frames),
 * imported once into a {@link SegmentedLog}: its entries in order, so an entry's place in the old
 * file is its sequence in the new log. The old file is then renamed {@code *.imported} and kept. An
 * import cut short (a kill) goes on where the log ends at the next start.
 */
public final class LegacyJournal {

    private static final int HEADER = 8;
    private static final int BATCH_BYTES = 8 * 1024 * 1024;

    private LegacyJournal() {}

    /**
     * Imports {@code oldFile} if it is there.
     *
     * @param imported told of every entry appended by this import, in order
     * @return how many entries were appended (0 when there was nothing to import)
     */
    public static long importInto(Path oldFile, SegmentedLog log, Consumer<byte[]> imported) {
        if (!Files.exists(oldFile)) {
            return 0;
        }
        long alreadyInLog = log.lastSequence();
        long[] count = {0};
        long[] appended = {0};
        List<byte[]> batch = new ArrayList<>();
        int[] batchBytes = {0};
        try (FileChannel channel = FileChannel.open(oldFile, StandardOpenOption.READ)) {
            read(channel, payload -> {
                if (++count[0] <= alreadyInLog) {
                    return;
                }
                batch.add(payload);
                batchBytes[0] += payload.length;
                if (batchBytes[0] >= BATCH_BYTES) {
                    appended[0] += append(log, batch, imported);
                    batchBytes[0] = 0;
                }
            });
            appended[0] += append(log, batch, imported);
            log.force();
            Files.move(
                    oldFile,
                    oldFile.resolveSibling(oldFile.getFileName() + ".imported"),
                    StandardCopyOption.ATOMIC_MOVE);
            DurableFile.forceFolder(oldFile.getParent());
            return appended[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import the old journal " + oldFile, e);
        }
    }

    private static long append(SegmentedLog log, List<byte[]> batch, Consumer<byte[]> imported) {
        log.appendAll(batch);
        batch.forEach(imported);
        long n = batch.size();
        batch.clear();
        return n;
    }

    /** Every whole frame from the start; a torn last frame (a kill mid-append) ends it, as it always did. */
    static void read(FileChannel channel, Consumer<byte[]> consumer) throws IOException {
        long position = 0;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            readFully(channel, header, position);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 0 || length > Frame.MAX_PAYLOAD || position + HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(channel, payload, position + HEADER);
            CRC32C check = new CRC32C();
            check.update(payload.array());
            if ((int) check.getValue() != crc) {
                break;
            }
            consumer.accept(payload.array());
            position += HEADER + length;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of the old journal");
            }
        }
    }
}
