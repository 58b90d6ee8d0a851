package hk.seamless.pipeline;

import hk.seamless.log.LogSettings;
import hk.seamless.log.SegmentedLog;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * The lane journal: every decision with the reads behind it, every override and gate
 * acknowledgement, append-only. Written by the pipeline thread after the gate has been told, so
 * that the disk is never between a truck and its gate, and in one write per Disruptor batch. Not
 * forced per entry: a killed process
 * loses nothing (the bytes are the kernel's), and crossings, which the registry must never lose,
 * are journalled and forced by the registry itself. It is checkpointed now and then (and at a clean
 * close) only so that a start need not read old entries to find the log's end.
 */
final class DecisionJournal implements AutoCloseable {

    private final SegmentedLog journal;
    private final long releaseValidityMillis;
    private final java.time.Clock clock;
    private final LogSettings settings;
    private long lastCheckpointMillis;
    /** Entries of the current Disruptor batch, written together when the batch ends. */
    private final java.util.List<byte[]> pending = new java.util.ArrayList<>(64);

    DecisionJournal(SegmentedLog journal, long releaseValidityMillis, java.time.Clock clock, LogSettings settings) {
        this.journal = journal;
        this.releaseValidityMillis = releaseValidityMillis;
        this.clock = clock;
        this.settings = settings;
        this.lastCheckpointMillis = clock.millis();
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
        checkpointIfDue();
    }

    private void checkpointIfDue() {
        hk.seamless.log.Checkpoint last = journal.lastCheckpoint();
        long since = journal.lastSequence() - (last == null ? 0 : last.sequence());
        long now = clock.millis();
        if (since >= settings.checkpointChanges()
                || since > 0 && now - lastCheckpointMillis >= settings.checkpointInterval().toMillis()) {
            lastCheckpointMillis = now;
            try {
                journal.checkpoint(java.util.Map.of());
            } catch (RuntimeException e) {
                // Costs only reading time at the next start: the lane goes on deciding.
                org.slf4j.LoggerFactory.getLogger(DecisionJournal.class).error("Could not checkpoint the lane log", e);
            }
        }
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
