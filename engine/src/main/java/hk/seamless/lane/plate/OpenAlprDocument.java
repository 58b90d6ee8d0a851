package hk.seamless.lane.plate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads an OpenALPR {@code alpr_results} document, as ANPR software (OpenALPR agent or cloud,
 * and the many products that post its format) sends it to {@code POST /lane/v1/lanes/{lane}/plate-reads}.
 *
 * <p>The lane's routes read a document with {@link OpenAlprStreamReader} (no JSON tree), which
 * must accept and refuse exactly what this reader does over a Vert.x tree: this one stays as the
 * statement of the rules it is tested against, and for a router that checks bodies against the
 * API contract (the contract check needs the tree anyway). It copies into a reused
 * {@link PlateRead} so that the pipeline allocates nothing.
 *
 * <p>Read: {@code epoch_time} (required, milliseconds), and from the best result its
 * {@code plate}, {@code confidence}, {@code region} and {@code candidates}. Everything else
 * (coordinates, timings, image size, vehicle attributes) is ignored, so that richer agents'
 * documents are accepted. An empty {@code results} array is a legal read of "no plate
 * readable": the plate stays empty and the lane will REFER.
 *
 * <p>Best result: the highest confidence, first on ties. But a result whose plate has a Han
 * character (a Guangdong plate, e.g. 粤Z·A123港, which cross-boundary trucks carry next to the
 * Hong Kong one) is chosen only when every result has one: the rules say that plate is not
 * the Hong Kong mark, and a camera seeing both plates must not REFER the truck for it.
 */
public final class OpenAlprDocument {

    /** The one document type that carries plate reads; agents also post e.g. "alpr_group", "heartbeat". */
    public static final String DATA_TYPE = "alpr_results";

    /** More candidates than any ANPR's top-N: a larger list is not a camera read. */
    public static final int MAX_CANDIDATES_IN_DOCUMENT = 50;

    private OpenAlprDocument() {}

    /**
     * Clears {@code into} and fills it from {@code doc}.
     *
     * @throws InvalidPlateDocumentException naming the field, when a required field is missing or
     *                                       has the wrong type, a plate is longer than 16 characters, a confidence is
     *                                       outside 0 to 100, or a result has more than 50 candidates
     */
    public static void read(JsonObject doc, PlateRead into) {
        into.clear();
        if (doc == null) {
            throw new InvalidPlateDocumentException("$", "the body must be a JSON object");
        }
        Object dataType = doc.getValue("data_type");
        if (dataType != null && !DATA_TYPE.equals(dataType)) {
            throw new InvalidPlateDocumentException(
                    "data_type", "must be \"" + DATA_TYPE + "\" (got " + describe(dataType) + ")");
        }
        into.setEpochMillis(epochMillis(doc.getValue("epoch_time")));
        JsonArray results = array(doc, "results", "results", true);
        int chosen = -1;
        double chosenConfidence = -1;
        boolean chosenHasHan = true;
        for (int i = 0; i < results.size(); i++) {
            String path = "results[" + i + "]";
            JsonObject result = object(results.getValue(i), path);
            String plate = plate(result.getValue("plate"), path + ".plate");
            double confidence = confidence(result.getValue("confidence"), path + ".confidence");
            boolean hasHan = PlateNormaliser.hasHan(plate);
            // A Hong Kong-looking plate beats a Guangdong one whatever the confidences.
            boolean better = chosen < 0
                    || (chosenHasHan && !hasHan)
                    || (chosenHasHan == hasHan && confidence > chosenConfidence);
            if (better) {
                chosen = i;
                chosenConfidence = confidence;
                chosenHasHan = hasHan;
            }
        }
        if (chosen < 0) {
            return; // no plate readable: a legal read, the lane refers it to an officer
        }
        String path = "results[" + chosen + "]";
        JsonObject result = results.getJsonObject(chosen);
        into.setPlate(result.getString("plate"));
        into.setConfidence((int) Math.floor(chosenConfidence));
        Object region = result.getValue("region");
        if (region != null) {
            into.setRegion(text(region, path + ".region"));
        }
        JsonArray candidates = array(result, "candidates", path + ".candidates", false);
        if (candidates == null) {
            return;
        }
        if (candidates.size() > MAX_CANDIDATES_IN_DOCUMENT) {
            throw new InvalidPlateDocumentException(
                    path + ".candidates",
                    "must have at most " + MAX_CANDIDATES_IN_DOCUMENT + " entries (got " + candidates.size() + ")");
        }
        for (int j = 0; j < candidates.size(); j++) {
            String candidatePath = path + ".candidates[" + j + "]";
            JsonObject candidate = object(candidates.getValue(j), candidatePath);
            String plate = plate(candidate.getValue("plate"), candidatePath + ".plate");
            double confidence = confidence(candidate.getValue("confidence"), candidatePath + ".confidence");
            // PlateRead keeps the best ten, whatever order the agent listed them in.
            into.addCandidate(plate, (int) Math.floor(confidence));
        }
    }

    private static long epochMillis(Object value) {
        if (value == null) {
            throw new InvalidPlateDocumentException("epoch_time", "is required (milliseconds since 1970-01-01T00:00Z)");
        }
        if (!(value instanceof Number number)) {
            throw new InvalidPlateDocumentException(
                    "epoch_time", "must be a number of milliseconds (got " + describe(value) + ")");
        }
        double asDouble = number.doubleValue();
        long millis = number.longValue();
        // Integer, Long, or a whole-valued double such as 1.732592400123E12; never a fraction.
        if (asDouble != (double) millis || Double.isInfinite(asDouble)) {
            throw new InvalidPlateDocumentException(
                    "epoch_time", "must be a whole number of milliseconds (got " + value + ")");
        }
        if (millis < 0) {
            throw new InvalidPlateDocumentException("epoch_time", "must not be negative (got " + value + ")");
        }
        return millis;
    }

    private static JsonArray array(JsonObject parent, String key, String path, boolean required) {
        Object value = parent.getValue(key);
        if (value == null) {
            if (required) {
                throw new InvalidPlateDocumentException(path, "is required (an array, empty when no plate was read)");
            }
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidPlateDocumentException(path, "must be an array (got " + describe(value) + ")");
        }
        return array;
    }

    private static JsonObject object(Object value, String path) {
        if (!(value instanceof JsonObject object)) {
            throw new InvalidPlateDocumentException(path, "must be an object (got " + describe(value) + ")");
        }
        return object;
    }

    private static String plate(Object value, String path) {
        if (value == null) {
            throw new InvalidPlateDocumentException(path, "is required");
        }
        return text(value, path);
    }

    /** A string no longer than a {@link PlateRead} buffer holds, so that copying it never grows one. */
    private static String text(Object value, String path) {
        if (!(value instanceof String text)) {
            throw new InvalidPlateDocumentException(path, "must be a string (got " + describe(value) + ")");
        }
        if (text.length() > PlateRead.MAX_TEXT_LENGTH) {
            throw new InvalidPlateDocumentException(
                    path, "must be at most " + PlateRead.MAX_TEXT_LENGTH + " characters (got " + text.length() + ")");
        }
        return text;
    }

    private static double confidence(Object value, String path) {
        if (value == null) {
            throw new InvalidPlateDocumentException(path, "is required (0 to 100)");
        }
        if (!(value instanceof Number number)) {
            throw new InvalidPlateDocumentException(
                    path, "must be a number from 0 to 100 (got " + describe(value) + ")");
        }
        double confidence = number.doubleValue();
        if (!(confidence >= 0 && confidence <= 100)) {
            throw new InvalidPlateDocumentException(path, "must be from 0 to 100 (got " + value + ")");
        }
        return confidence;
    }

    /** Names the JSON type received, for messages; never echoes a long value. */
    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return text.length() <= 32 ? "the string \"" + text + "\"" : "a string of " + text.length() + " characters";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof JsonArray) {
            return "an array";
        }
        if (value instanceof JsonObject) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
