package hk.seamless.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file {@code stores/OPEN}, there while an engine has the maps open: written at open, removed at
 * a clean close. Left behind, it says the last run ended uncleanly, and how: it holds the process id
 * and the machine's boot id, so a start can tell a process that was killed (the machine stayed up:
 * every write it made is in the page cache, and {@link WritesInFlight} is exact) from a machine
 * that stopped (pages reached the disk in any order: every map must be recovered).
 */
final class OpenMarker {

    /** How the run that last had the maps open ended. */
    enum LastStop {
        /** Closed cleanly: the maps are whole and unlocked. */
        CLEAN,
        /** Killed while this machine stayed up: only maps with a write under way need recovering. */
        PROCESS_KILLED,
        /** The machine stopped or restarted (or its boot cannot be told): every map needs recovering. */
        MACHINE_STOPPED
    }

    static final String FILE_NAME = "OPEN";
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private OpenMarker() {}

    static LastStop lastStop(Path storesDir) {
        Path marker = storesDir.resolve(FILE_NAME);
        if (!Files.exists(marker)) {
            return LastStop.CLEAN;
        }
        String bootNow = bootId();
        try {
            String[] fields = Files.readString(marker).trim().split("\\s+");
            // Older engines wrote only the pid: their kill cannot be told from a power cut.
            boolean sameBoot = fields.length >= 2 && !bootNow.isEmpty() && fields[1].equals(bootNow);
            return sameBoot ? LastStop.PROCESS_KILLED : LastStop.MACHINE_STOPPED;
        } catch (IOException e) {
            return LastStop.MACHINE_STOPPED;
        }
    }

    static void write(Path storesDir) throws IOException {
        Files.writeString(storesDir.resolve(FILE_NAME), ProcessHandle.current().pid() + " " + bootId());
    }

    static void remove(Path storesDir) throws IOException {
        Files.deleteIfExists(storesDir.resolve(FILE_NAME));
    }

    /** Linux's id of this boot of the machine (the host's, inside a container); empty where there is none. */
    static String bootId() {
        try {
            return Files.isReadable(BOOT_ID) ? Files.readString(BOOT_ID).trim() : "";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
