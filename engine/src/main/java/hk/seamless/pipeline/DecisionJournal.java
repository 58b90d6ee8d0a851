package hk.seamless.pipeline;

import hk.seamless.log.SegmentedLog;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * The lane journal: every decision with the reads behind it, every override and gate
 * acknowledgement, append-only. Written by the pipeline thread after the gate has been told, so
 * that the disk is never between a truck and its gate, and in one write per Disruptor batch. Not
 * forced per entry: a killed process
 * loses nothing (the bytes are the kernel's), and crossings, which the registry must never lose,
 * are journalled and forced by the registry itself. It is checkpointed at a clean close and by a
 * timer off this thread ({@code Housekeeping}), only so that a start need not read old entries to
 * find the log's end: the pipeline thread never waits for the disk.
 */
final class DecisionJournal implements AutoCloseable {

    private final SegmentedLog journal;
    private final long releaseValidityMillis;
    /** Entries of the current Disruptor batch, written together when the batch ends. */
    private final java.util.List<byte[]> pending = new java.util.ArrayList<>(64);

    DecisionJournal(SegmentedLog journal, long releaseValidityMillis) {
        this.journal = journal;
        this.releaseValidityMillis = releaseValidityMillis;
    }

    /** @param decision the decision message as sent; it is extended here, not built again */
    void decided(ArrivalRecord record, JsonObject decision) {
        append(DecisionMessages.withDetail(decision, record).put("entry", "DECISION"));
    }

    void overridden(ArrivalRecord record) {
        append(DecisionMessages.detail(record, releaseValidityMillis).put("entry", "OVERRIDE"));
    }

    void gateAcknowledged(String arrivalId, String lane, String state, long atMillis) {
        append(new JsonObject().put("entry", "GATE_ACK").put("arrivalId", arrivalId).put("lane", lane)
                .put("state", state).put("at", DecisionMessages.time(java.time.Instant.ofEpochMilli(atMillis))));
    }

    /** A boom movement (BOOM_RAISED, BOOM_LOWERED) or a fault (GATE_FAULT, GATE_FAULT_CLEARED) at a lane's gate. */
    void gateEvent(String lane, GateEvent event, long atMillis) {
        append(event.toJson(lane).put("at", DecisionMessages.time(java.time.Instant.ofEpochMilli(atMillis))));
    }

    /** A read of a vehicle already decided and still at the lane: kept with its arrival, not decided. */
    void repeatRead(String arrivalId, String lane, LaneEventType read, long atMillis) {
        append(new JsonObject().put("entry", "REPEAT_READ").put("arrivalId", arrivalId).put("lane", lane)
                .put("read", read.name()).put("at", DecisionMessages.time(java.time.Instant.ofEpochMilli(atMillis))));
    }

    private void append(JsonObject entry) {
        pending.add(entry.encode().getBytes(StandardCharsets.UTF_8));
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
