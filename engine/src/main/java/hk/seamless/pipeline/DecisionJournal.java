package hk.seamless.pipeline;

import hk.seamless.log.SegmentedLog;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The lane journal: every decision with the reads behind it, every override and gate
 * acknowledgement, append-only. A decision or an override is written (to the operating system,
 * one system call) before the gate hears it: a process killed right after a RELEASE still has it,
 * and a lane engine still reports it. The other entries wait for the end of the Disruptor batch,
 * one write for many. Nothing is forced to the disk here, so the disk is never between a truck
 * and its gate: a killed process loses nothing (the bytes are the kernel's); crossings, which the
 * registry must never lose, are forced by the registry itself once reported. It is checkpointed at a clean close and by a
 * timer off this thread ({@code Housekeeping}), only so that a start need not read old entries to
 * find the log's end: the pipeline thread never waits for the disk.
 */
final class DecisionJournal implements AutoCloseable {

    private final SegmentedLog journal;
    private final long releaseValidityMillis;
    /** Entries of the current Disruptor batch, written together when the batch ends. */
    private final java.util.List<byte[]> pending = new java.util.ArrayList<>(64);
    /** Decisions and overrides, the entries on a truck's way to its gate, are written without a JSON tree. */
    private final DecisionJson entries = new DecisionJson();

    DecisionJournal(SegmentedLog journal, long releaseValidityMillis) {
        this.journal = journal;
        this.releaseValidityMillis = releaseValidityMillis;
    }

    /** Written at once, with whatever the batch held before it. */
    void decidedNow(ArrivalRecord record) {
        pending.add(entries.journalEntry(record, releaseValidityMillis, "DECISION"));
        endOfBatch();
    }

    /** Written at once, with whatever the batch held before it. */
    void overriddenNow(ArrivalRecord record) {
        pending.add(entries.journalEntry(record, releaseValidityMillis, "OVERRIDE"));
        endOfBatch();
    }

    void gateAcknowledged(String arrivalId, String lane, String state, long atMillis) {
        add(entries.gateAcknowledged(arrivalId, lane, state, atMillis));
    }

    /** A boom movement (BOOM_RAISED, BOOM_LOWERED) or a fault (GATE_FAULT, GATE_FAULT_CLEARED) at a lane's gate. */
    void gateEvent(String lane, GateEvent event, long atMillis) {
        append(event.toJson(lane).put("at", DecisionMessages.time(java.time.Instant.ofEpochMilli(atMillis))));
    }

    /** A read of a vehicle already decided and still at the lane: kept with its arrival, not decided. */
    void repeatRead(String arrivalId, String lane, LaneEventType read, long atMillis) {
        append(new JsonObject()
                .put("entry", "REPEAT_READ")
                .put("arrivalId", arrivalId)
                .put("lane", lane)
                .put("read", read.name())
                .put("at", DecisionMessages.time(java.time.Instant.ofEpochMilli(atMillis))));
    }

    private void append(JsonObject entry) {
        add(entry.encode().getBytes(StandardCharsets.UTF_8));
    }

    private void add(byte[] entry) {
        pending.add(entry);
        if (pending.size() >= 256) {
            endOfBatch();
        }
    }

    /** Writes the batch's entries with one system call; called when the ring has nothing more for now. */
    void endOfBatch() {
        journal.appendAll(pending);
        pending.clear();
    }

    @Override
    public void close() {
        endOfBatch();
        if (journal.lastCheckpoint() == null || journal.lastCheckpoint().sequence() < journal.lastSequence()) {
            journal.checkpoint(java.util.Map.of());
        }
        journal.close();
    }
}
