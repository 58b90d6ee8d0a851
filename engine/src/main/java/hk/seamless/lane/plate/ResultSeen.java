package hk.seamless.lane.plate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One entry of a document's {@code results} as {@link OpenAlprStreamReader} saw it: its plate,
 * confidence and region, and its first {@link OpenAlprDocument#MAX_CANDIDATES_IN_DOCUMENT}
 * candidates (a longer list is refused whatever it holds), in reused buffers.
 */
final class ResultSeen {

    private static final int KEPT_CANDIDATES = OpenAlprDocument.MAX_CANDIDATES_IN_DOCUMENT;

    final JsonValueSeen plate = new JsonValueSeen();
    final JsonValueSeen confidence = new JsonValueSeen();
    final JsonValueSeen region = new JsonValueSeen();
    /** The candidates field itself: NONE, ARRAY, or what it wrongly was. */
    private final JsonValueSeen candidates = new JsonValueSeen();

    private int candidateCount;
    /** Per candidate: the element (OBJECT, or what it wrongly was), its plate, its confidence. */
    private JsonValueSeen[] candidateElements = new JsonValueSeen[0];

    private JsonValueSeen[] candidatePlates = new JsonValueSeen[0];
    private JsonValueSeen[] candidateConfidences = new JsonValueSeen[0];

    /** Reads the object starting at the parser's current token; a key given twice counts with its last value. */
    void read(JsonParser parser) throws IOException {
        plate.clear();
        confidence.clear();
        region.clear();
        candidates.clear();
        candidateCount = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "plate" -> plate.take(parser);
                case "confidence" -> confidence.take(parser);
                case "region" -> region.take(parser);
                case "candidates" -> candidates(parser);
                default -> OpenAlprStreamReader.skip(parser);
            }
        }
    }

    private void candidates(JsonParser parser) throws IOException {
        candidateCount = 0;
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            candidates.take(parser);
            return;
        }
        candidates.clear();
        candidates.type = JsonValueSeen.Type.ARRAY;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int index = candidateCount++;
            if (index >= KEPT_CANDIDATES) {
                OpenAlprStreamReader.skip(parser);
                continue;
            }
            ensureRoom(index);
            JsonValueSeen candidatePlate = candidatePlates[index];
            JsonValueSeen candidateConfidence = candidateConfidences[index];
            candidatePlate.clear();
            candidateConfidence.clear();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                candidateElements[index].take(parser);
                continue;
            }
            candidateElements[index].clear();
            candidateElements[index].type = JsonValueSeen.Type.OBJECT;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "plate" -> candidatePlate.take(parser);
                    case "confidence" -> candidateConfidence.take(parser);
                    default -> OpenAlprStreamReader.skip(parser);
                }
            }
        }
    }

    private void ensureRoom(int index) {
        if (index < candidatePlates.length) {
            return;
        }
        int size = Math.min(KEPT_CANDIDATES, Math.max(16, candidatePlates.length * 2));
        candidateElements = grown(candidateElements, size);
        candidatePlates = grown(candidatePlates, size);
        candidateConfidences = grown(candidateConfidences, size);
    }

    private static JsonValueSeen[] grown(JsonValueSeen[] values, int size) {
        JsonValueSeen[] bigger = java.util.Arrays.copyOf(values, size);
        for (int i = values.length; i < size; i++) {
            bigger[i] = new JsonValueSeen();
        }
        return bigger;
    }

    /** The chosen result's candidates, checked in order as the tree reader checks them. */
    void fillCandidates(OpenAlprStreamReader reader, PlateRead into) {
        if (candidates.type == JsonValueSeen.Type.NONE) {
            return;
        }
        if (candidates.type != JsonValueSeen.Type.ARRAY) {
            throw new InvalidPlateDocumentException(
                    reader.path() + ".candidates", "must be an array (got " + candidates.describe() + ")");
        }
        if (candidateCount > OpenAlprDocument.MAX_CANDIDATES_IN_DOCUMENT) {
            throw new InvalidPlateDocumentException(
                    reader.path() + ".candidates",
                    "must have at most " + OpenAlprDocument.MAX_CANDIDATES_IN_DOCUMENT + " entries (got "
                            + candidateCount + ")");
        }
        for (int j = 0; j < candidateCount; j++) {
            if (candidateElements[j].type != JsonValueSeen.Type.OBJECT) {
                throw new InvalidPlateDocumentException(
                        candidatePath(reader, j), "must be an object (got " + candidateElements[j].describe() + ")");
            }
            String problem = OpenAlprStreamReader.plateProblem(candidatePlates[j]);
            if (problem != null) {
                throw new InvalidPlateDocumentException(candidatePath(reader, j) + ".plate", problem);
            }
            problem = OpenAlprStreamReader.confidenceProblem(candidateConfidences[j]);
            if (problem != null) {
                throw new InvalidPlateDocumentException(candidatePath(reader, j) + ".confidence", problem);
            }
            // PlateRead keeps the best ten, whatever order the agent listed them in.
            into.addCandidate(candidatePlates[j].text, (int) Math.floor(candidateConfidences[j].decimal));
        }
    }

    private static String candidatePath(OpenAlprStreamReader reader, int index) {
        return reader.path() + ".candidates[" + index + "]";
    }
}
