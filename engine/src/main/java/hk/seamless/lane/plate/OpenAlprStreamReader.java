package hk.seamless.lane.plate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;

/**
 * Reads an OpenALPR {@code alpr_results} document straight from its text into a {@link PlateRead},
 * with Jackson's streaming parser: no JSON tree (about 10 kB of garbage a document on the event
 * loop), only the fields the lane reads kept, in reused buffers; the others are skipped.
 *
 * <p>It accepts and refuses exactly what {@link OpenAlprDocument} does over the tree Vert.x builds,
 * with the same messages: the parser is Vert.x's own ({@link JacksonCodec#createParser}, so the same
 * JSON is malformed, with the same message), a key given twice counts with its last value, and
 * the checks run after the whole text is read and in the tree reader's order (data_type,
 * epoch_time, results one by one; then the chosen result's region and candidates), whatever order
 * the fields came in. A body that is not a JSON object is left to the tree reader's path, which
 * refuses it as it always has.
 *
 * <p>One instance per event-loop thread: it owns its buffers and is not thread-safe.
 */
public final class OpenAlprStreamReader {

    private final JsonValueSeen dataType = new JsonValueSeen();
    private final JsonValueSeen epochTime = new JsonValueSeen();
    private final JsonValueSeen results = new JsonValueSeen();
    private final JsonValueSeen kind = new JsonValueSeen();
    private final JsonValueSeen element = new JsonValueSeen();
    /** The result being read, and the best so far: swapped when the one read is better. */
    private ResultSeen current = new ResultSeen();

    private ResultSeen best = new ResultSeen();
    private int chosen;
    private double chosenConfidence;
    private boolean chosenHasHan;
    /** The first result the tree reader would refuse, if any: it is told after data_type and epoch_time. */
    private String resultsErrorField;

    private String resultsErrorMessage;

    /**
     * Reads an HTTP body.
     *
     * @return false, having read nothing, when the body is not a JSON object (or does not even start
     *         like JSON): decode it the tree way for the answer it has always had
     * @throws DecodeException               for malformed JSON, with Vert.x's message
     * @throws InvalidPlateDocumentException as {@link OpenAlprDocument#read}
     */
    public boolean read(Buffer body, PlateRead into) {
        if (!scan(JacksonCodec.createParser(body))) {
            return false;
        }
        fill(into);
        return true;
    }

    /**
     * Reads a lane stream message that should be a camera's plate read: a document with
     * {@code "kind": "plate"}.
     *
     * @return false, having read nothing, when the text is not a JSON object or its kind is not the
     *         string "plate": the stream's tree-based handling answers those as it always has
     */
    public boolean readPlateMessage(String text, PlateRead into) {
        if (!scan(JacksonCodec.createParser(text)) || !kind.isString("plate")) {
            return false;
        }
        fill(into);
        return true;
    }

    // ---- the pass over the text: keeps what the checks need, checks nothing yet ----

    private boolean scan(JsonParser parser) {
        try (parser) {
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (IOException e) {
                return false;
            }
            if (first != JsonToken.START_OBJECT) {
                return false;
            }
            dataType.clear();
            epochTime.clear();
            kind.clear();
            startResults();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "data_type" -> dataType.take(parser);
                    case "epoch_time" -> epochTime.take(parser);
                    case "kind" -> kind.take(parser);
                    case "results" -> results(parser);
                    default -> skip(parser);
                }
            }
            if (parser.nextToken() != null) {
                throw new DecodeException("Unexpected trailing token");
            }
            return true;
        } catch (IOException e) {
            throw new DecodeException("Failed to decode:" + e.getMessage(), e);
        }
    }

    /** A key given twice counts with its last value: each "results" starts over. */
    private void startResults() {
        results.clear();
        chosen = -1;
        chosenConfidence = -1;
        chosenHasHan = true;
        resultsErrorField = null;
        resultsErrorMessage = null;
    }

    private void results(JsonParser parser) throws IOException {
        startResults();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            results.take(parser);
            return;
        }
        results.type = JsonValueSeen.Type.ARRAY;
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                current.read(parser);
                if (resultsErrorField == null) {
                    consider(index);
                }
            } else {
                element.take(parser);
                if (resultsErrorField == null) {
                    resultsError("results[" + index + "]", "must be an object (got " + element.describe() + ")");
                }
            }
            index++;
        }
    }

    /** The tree reader's choice: a Hong Kong-looking plate first, then the highest confidence, first on ties. */
    private void consider(int index) {
        String problem = plateProblem(current.plate);
        if (problem != null) {
            resultsError("results[" + index + "].plate", problem);
            return;
        }
        problem = confidenceProblem(current.confidence);
        if (problem != null) {
            resultsError("results[" + index + "].confidence", problem);
            return;
        }
        boolean hasHan = PlateNormaliser.hasHan(current.plate.text);
        double confidence = current.confidence.decimal;
        if (chosen < 0 || (chosenHasHan && !hasHan) || (chosenHasHan == hasHan && confidence > chosenConfidence)) {
            chosen = index;
            chosenConfidence = confidence;
            chosenHasHan = hasHan;
            ResultSeen swap = best;
            best = current;
            current = swap;
        }
    }

    private void resultsError(String field, String message) {
        resultsErrorField = field;
        resultsErrorMessage = message;
    }

    /**
     * Skips the value starting at the current token, decoding every string and number in it as
     * the tree would: a byte sequence that is not UTF-8 in an ignored field is refused all the same.
     */
    static void skip(JsonParser parser) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (true) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> parser.getTextLength();
                // Numbers are not parsed: the tokenizer has checked their form and length already,
                // and jackson-core 2.18.2 then returns a stale double for the next decimal after
                // getNumberType() of a BigInteger alone (found by OpenAlprStreamReaderTest).
                default -> {}
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        }
    }

    // ---- the checks, in the tree reader's order, then the copy ----

    private void fill(PlateRead into) {
        into.clear();
        if (dataType.type != JsonValueSeen.Type.NONE && !dataType.isString(OpenAlprDocument.DATA_TYPE)) {
            throw new InvalidPlateDocumentException(
                    "data_type", "must be \"" + OpenAlprDocument.DATA_TYPE + "\" (got " + dataType.describe() + ")");
        }
        into.setEpochMillis(epochMillis());
        if (results.type == JsonValueSeen.Type.NONE) {
            throw new InvalidPlateDocumentException("results", "is required (an array, empty when no plate was read)");
        }
        if (results.type != JsonValueSeen.Type.ARRAY) {
            throw new InvalidPlateDocumentException("results", "must be an array (got " + results.describe() + ")");
        }
        if (resultsErrorField != null) {
            throw new InvalidPlateDocumentException(resultsErrorField, resultsErrorMessage);
        }
        if (chosen < 0) {
            return; // no plate readable: a legal read, the lane refers it to an officer
        }
        into.setPlate(best.plate.text);
        into.setConfidence((int) Math.floor(chosenConfidence));
        if (best.region.type != JsonValueSeen.Type.NONE) {
            String problem = textProblem(best.region);
            if (problem != null) {
                throw new InvalidPlateDocumentException(path() + ".region", problem);
            }
            into.setRegion(best.region.text);
        }
        best.fillCandidates(this, into);
    }

    String path() {
        return "results[" + chosen + "]";
    }

    private long epochMillis() {
        JsonValueSeen value = epochTime;
        if (value.type == JsonValueSeen.Type.NONE) {
            throw new InvalidPlateDocumentException("epoch_time", "is required (milliseconds since 1970-01-01T00:00Z)");
        }
        if (!value.isNumber()) {
            throw new InvalidPlateDocumentException(
                    "epoch_time", "must be a number of milliseconds (got " + value.describe() + ")");
        }
        // As Number.longValue and doubleValue of the tree's Integer, Long, BigInteger or Double.
        long millis = value.type == JsonValueSeen.Type.INTEGER ? value.integer : (long) value.decimal;
        boolean whole = value.type == JsonValueSeen.Type.INTEGER
                || (value.type == JsonValueSeen.Type.DECIMAL
                        && value.decimal == (double) millis
                        && !Double.isInfinite(value.decimal));
        if (!whole) {
            // A BigInteger's low 64 bits never equal it as a double: it is beyond a long.
            throw new InvalidPlateDocumentException(
                    "epoch_time", "must be a whole number of milliseconds (got " + value.numberText() + ")");
        }
        if (millis < 0) {
            throw new InvalidPlateDocumentException(
                    "epoch_time", "must not be negative (got " + value.numberText() + ")");
        }
        return millis;
    }

    static String plateProblem(JsonValueSeen value) {
        if (value.type == JsonValueSeen.Type.NONE) {
            return "is required";
        }
        return textProblem(value);
    }

    /** A string no longer than a {@link PlateRead} buffer holds, so that copying it never grows one. */
    static String textProblem(JsonValueSeen value) {
        if (value.type != JsonValueSeen.Type.STRING) {
            return "must be a string (got " + value.describe() + ")";
        }
        if (value.length > PlateRead.MAX_TEXT_LENGTH) {
            return "must be at most " + PlateRead.MAX_TEXT_LENGTH + " characters (got " + value.length + ")";
        }
        return null;
    }

    static String confidenceProblem(JsonValueSeen value) {
        if (value.type == JsonValueSeen.Type.NONE) {
            return "is required (0 to 100)";
        }
        if (!value.isNumber()) {
            return "must be a number from 0 to 100 (got " + value.describe() + ")";
        }
        if (!(value.decimal >= 0 && value.decimal <= 100)) {
            return "must be from 0 to 100 (got " + value.numberText() + ")";
        }
        return null;
    }
}
