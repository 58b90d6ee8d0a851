package hk.seamless.pipeline;

import hk.seamless.store.Journal;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * The lane journal: every decision with the reads behind it, every override and gate
 * acknowledgement, append-only. Written by the pipeline thread after the gate has been told, so
 * that the disk is never between a truck and its gate. Not forced per entry: a killed process
 * loses nothing (the bytes are the kernel's), and crossings, which the registry must never lose,
 * are journalled and forced by the registry itself.
 */
final class DecisionJournal implements AutoCloseable {

    private final Journal journal;
    private final long releaseValidityMillis;

    DecisionJournal(Journal journal, long releaseValidityMillis) {
        this.journal = journal;
        this.releaseValidityMillis = releaseValidityMillis;
    }

    void decided(ArrivalRecord record) {
        append(DecisionMessages.detail(record, releaseValidityMillis).put("entry", "DECISION"));
    }

    void overridden(ArrivalRecord record) {
        append(DecisionMessages.detail(record, releaseValidityMillis).put("entry", "OVERRIDE"));
    }

    void gateAcknowledged(String arrivalId, String lane, String state, long atMillis) {
        append(new JsonObject().put("entry", "GATE_ACK").put("arrivalId", arrivalId).put("lane", lane)
                .put("state", state).put("at", DecisionMessages.time(java.time.Instant.ofEpochMilli(atMillis))));
    }

    private void append(JsonObject entry) {
        journal.append(entry.encode().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        journal.close();
    }
}
