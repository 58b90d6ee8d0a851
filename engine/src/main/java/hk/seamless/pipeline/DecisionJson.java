package hk.seamless.pipeline;

import hk.seamless.config.HongKongTimes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes the decision message and the lane journal's arrival entry straight to text, key for key
 * as {@link DecisionMessages} builds them as JSON objects (the same keys, order, nulls and escaping:
 * {@code DecisionJsonTest} holds the two to the same characters), without building the tree, running
 * the databind encoder or a {@code DateTimeFormatter}. Both are written on the pipeline thread between
 * the decision and the gate, once per arrival, so they are on every truck's way to its boom.
 *
 * <p>One instance per thread: it reuses its buffer.
 */
final class DecisionJson {

    private final StringBuilder text = new StringBuilder(1024);

    /** The decision message gates, devices and consoles receive. */
    String decision(ArrivalRecord r, long releaseValidityMillis) {
        text.setLength(0);
        decisionFields(r, releaseValidityMillis, "decision");
        text.append('}');
        return text.toString();
    }

    /**
     * The lane journal's entry for an arrival: everything the console's detail shows, and which
     * entry it is ({@code DECISION} or {@code OVERRIDE}), in UTF-8.
     */
    byte[] journalEntry(ArrivalRecord r, long releaseValidityMillis, String entry) {
        text.setLength(0);
        decisionFields(r, releaseValidityMillis, "arrival");
        detailFields(r);
        key("entry").string(entry);
        text.append('}');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The journal's entry for a gate's acknowledgement of a decision: one per arrival, as decisions are. */
    byte[] gateAcknowledged(String arrivalId, String lane, String state, long atMillis) {
        text.setLength(0);
        text.append("{\"entry\":\"GATE_ACK\"");
        key("arrivalId").string(arrivalId);
        key("lane").string(lane);
        key("state").string(state);
        key("at").time(Instant.ofEpochMilli(atMillis));
        text.append('}');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void decisionFields(ArrivalRecord r, long releaseValidityMillis, String kind) {
        text.append("{\"kind\":");
        string(kind);
        key("arrivalId").string(r.id());
        key("controlPoint").string(r.controlPoint());
        key("lane").string(r.lane());
        key("direction").string(r.direction());
        key("vehicleMark").string(r.vehicleMark());
        key("decision").string(r.decision().name());
        key("reasons").text.append('[');
        List<ReasonCode> reasons = r.reasons();
        for (int i = 0; i < reasons.size(); i++) {
            comma(i).string(reasons.get(i).name());
        }
        text.append(']');
        key("display").string(r.decision().display());
        key("bundleId").string(r.bundleId());
        key("ccrns").strings(r.ccrns());
        key("decidedAt").time(r.decidedAt());
        if (r.decision() == Verdict.RELEASE) {
            key("validUntil").time(r.decidedAt().plusMillis(releaseValidityMillis));
        }
    }

    private void detailFields(ArrivalRecord r) {
        ArrivalRecord.Reads reads = r.reads();
        key("reads").text.append('{');
        text.append("\"plate\":");
        string(reads.plate());
        key("confidence").text.append(reads.confidence());
        key("candidates").text.append('[');
        List<ArrivalRecord.Candidate> candidates = reads.candidates();
        for (int i = 0; i < candidates.size(); i++) {
            comma(i).text.append("{\"plate\":");
            string(candidates.get(i).plate());
            key("confidence").text.append(candidates.get(i).confidence()).append('}');
        }
        text.append(']');
        key("epc").string(reads.epc());
        key("emptyPressed").text.append(reads.emptyPressed()).append('}');
        key("gateState").string(r.gateState());
        key("repeatReads").text.append(r.repeatReads());
        key("overrides").text.append('[');
        List<ArrivalRecord.Override> overrides = r.overrides();
        for (int i = 0; i < overrides.size(); i++) {
            ArrivalRecord.Override o = overrides.get(i);
            comma(i).text.append("{\"officer\":");
            string(o.officer());
            key("officerName").string(o.officerName());
            key("from").string(o.from().name());
            key("to").string(o.to().name());
            key("reason").string(o.reason());
            key("inspectionResult").string(o.inspectionResult());
            key("keyedMark").string(o.keyedMark());
            key("at").time(o.at());
            text.append('}');
        }
        text.append(']');
    }

    /** A key after the object's first: every object here starts with a key written by hand. */
    private DecisionJson key(String name) {
        text.append(',').append('"').append(name).append('"').append(':');
        return this;
    }

    private DecisionJson comma(int index) {
        if (index > 0) {
            text.append(',');
        }
        return this;
    }

    private void strings(List<String> values) {
        text.append('[');
        for (int i = 0; i < values.size(); i++) {
            comma(i).string(values.get(i));
        }
        text.append(']');
    }

    private void time(Instant at) {
        if (at == null) {
            text.append("null");
        } else {
            text.append('"');
            HongKongTimes.append(at, text);
            text.append('"');
        }
    }

    /** A JSON string escaped as Jackson escapes it by default: quote, backslash and control characters. */
    private void string(String value) {
        if (value == null) {
            text.append("null");
            return;
        }
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (c < 0x20) {
                controlCharacter(c);
            } else {
                text.append(c);
            }
        }
        text.append('"');
    }

    private void controlCharacter(char c) {
        switch (c) {
            case '\b' -> text.append("\\b");
            case '\t' -> text.append("\\t");
            case '\n' -> text.append("\\n");
            case '\f' -> text.append("\\f");
            case '\r' -> text.append("\\r");
            default ->
                text.append("\\u00")
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
    }
}
