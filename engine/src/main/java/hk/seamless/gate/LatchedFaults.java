package hk.seamless.gate;

import hk.seamless.log.DurableFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per lane, a fault the engine found at its gate (no confirmation, a lost connection, a stuck input,
 * a boom that rose without a RELEASE). It stands until an officer clears it, whatever the gate says
 * meanwhile, and across a restart too: a restart must not be a way to open a faulty gate. So every
 * change is written to a small file, replaced whole ({@link DurableFile}), before it counts.
 */
final class LatchedFaults {

    private static final Logger LOG = LoggerFactory.getLogger(LatchedFaults.class);

    private final AtomicReferenceArray<String> byLane;
    private final List<String> laneIds;
    /** Null: kept in memory only (a hub built without a data folder, as some tests build one). */
    private final Path file;

    LatchedFaults(List<String> laneIds, Path file) {
        this.laneIds = List.copyOf(laneIds);
        this.byLane = new AtomicReferenceArray<>(laneIds.size());
        this.file = file;
        if (file != null) {
            load();
        }
    }

    private void load() {
        Properties saved;
        try {
            saved = DurableFile.read(file);
        } catch (UncheckedIOException e) {
            // Unreadable: every lane is held rather than none, until officers clear them one by one.
            LOG.error(
                    "Cannot read the gates' latched faults from {}; every lane is held until an officer clears it",
                    file,
                    e);
            for (int i = 0; i < byLane.length(); i++) {
                byLane.set(i, "UNKNOWN: the record of latched faults could not be read at start");
            }
            return;
        }
        if (saved == null) {
            return;
        }
        for (String lane : saved.stringPropertyNames()) {
            int index = laneIds.indexOf(lane);
            if (index < 0) {
                LOG.warn("A fault latched on lane {}, which this engine no longer has, is forgotten", lane);
            } else {
                byLane.set(index, saved.getProperty(lane));
                LOG.warn(
                        "Lane {}'s gate fault stands from before the restart until an officer clears it: {}",
                        lane,
                        saved.getProperty(lane));
            }
        }
    }

    /** @return true if the lane was not already latched (the first fault is the one kept) */
    boolean latch(int lane, String reason) {
        if (!byLane.compareAndSet(lane, null, reason)) {
            return false;
        }
        save();
        return true;
    }

    /** @return the fault that stood, or null */
    String clear(int lane) {
        String was = byLane.getAndSet(lane, null);
        if (was != null) {
            save();
        }
        return was;
    }

    String get(int lane) {
        return byLane.get(lane);
    }

    /** Rare (a fault, an officer's clearing): the whole file is written again each time. */
    private synchronized void save() {
        if (file == null) {
            return;
        }
        Properties now = new Properties();
        for (int i = 0; i < byLane.length(); i++) {
            String fault = byLane.get(i);
            if (fault != null) {
                now.setProperty(laneIds.get(i), fault);
            }
        }
        try {
            DurableFile.write(file, now);
        } catch (IOException e) {
            // The fault still stands in memory (the lane holds); only a restart would forget it.
            LOG.error("Could not record the gates' latched faults in {}; they stand until a restart", file, e);
        }
    }
}
