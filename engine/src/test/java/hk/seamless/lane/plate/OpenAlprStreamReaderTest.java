package hk.seamless.lane.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streaming reader against the rules for an OpenALPR document (expected results written out),
 * then against the tree reader it replaces over thousands of mutated documents: the same read, the
 * same refusal with the same field and message, the same malformed JSON.
 */
class OpenAlprStreamReaderTest {

    private final OpenAlprStreamReader reader = new OpenAlprStreamReader();

    /** What the streaming reader makes of a body: the read, the refusal, or "not an object". */
    private String streamed(String body) {
        PlateRead read = new PlateRead();
        try {
            return reader.read(Buffer.buffer(body), read) ? describe(read) : "NOT AN OBJECT";
        } catch (InvalidPlateDocumentException e) {
            return "REFUSED " + e.field() + " | " + e.reason();
        } catch (DecodeException e) {
            return "MALFORMED " + e.getMessage();
        }
    }

    /** What the tree path makes of it: Vert.x decodes the body, then OpenAlprDocument reads it. */
    private static String tree(String body) {
        PlateRead read = new PlateRead();
        try {
            Object value = Json.decodeValue(Buffer.buffer(body));
            if (!(value instanceof JsonObject object)) {
                return "NOT AN OBJECT";
            }
            OpenAlprDocument.read(object, read);
            return describe(read);
        } catch (InvalidPlateDocumentException e) {
            return "REFUSED " + e.field() + " | " + e.reason();
        } catch (DecodeException e) {
            return "MALFORMED " + e.getMessage();
        }
    }

    private static String describe(PlateRead read) {
        StringBuilder out = new StringBuilder("READ ")
                .append(read.epochMillis())
                .append(' ')
                .append(read.plate())
                .append(' ')
                .append(read.confidence())
                .append(" region=")
                .append(read.region());
        for (int i = 0; i < read.candidateCount(); i++) {
            out.append(' ').append(read.candidate(i)).append(':').append(read.candidateConfidence(i));
        }
        return out.toString();
    }

    private static final String RESULT = "{\"plate\":\"AB1234\",\"confidence\":94.12,\"region\":\"hk\","
            + "\"candidates\":[{\"plate\":\"AB1234\",\"confidence\":94.12},{\"plate\":\"A81234\",\"confidence\":80.1}]}";

    /** Written from the rules (OpenAlprDocument's contract), not from either reader's output. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '`', textBlock = """
            {"epoch_time":5,"results":[RESULT]}                            ~ READ 5 AB1234 94 region=hk AB1234:94 A81234:80
            {"results":[RESULT],"epoch_time":5,"data_type":"alpr_results"} ~ READ 5 AB1234 94 region=hk AB1234:94 A81234:80
            {"epoch_time":5,"results":[]}                                  ~ READ 5  0 region=
            {"epoch_time":5.0,"results":[]}                                ~ READ 5  0 region=
            {"epoch_time":1.732592400123E12,"results":[]}                  ~ READ 1732592400123
            {"epoch_time":5,"results":[],"epoch_time":6}                   ~ READ 6  0 region=
            {"epoch_time":5,"results":[{"plate":"X"}],"results":[]}         ~ READ 5  0 region=
            {"results":[]}                                                 ~ REFUSED epoch_time | is required (milliseconds since 1970-01-01T00:00Z)
            {"epoch_time":null,"results":[]}                               ~ REFUSED epoch_time | is required (milliseconds since 1970-01-01T00:00Z)
            {"epoch_time":"5","results":[]}                                ~ REFUSED epoch_time | must be a number of milliseconds (got the string "5")
            {"epoch_time":5.5,"results":[]}                                ~ REFUSED epoch_time | must be a whole number of milliseconds (got 5.5)
            {"epoch_time":1e400,"results":[]}                              ~ REFUSED epoch_time | must be a whole number of milliseconds (got Infinity)
            {"epoch_time":123456789012345678901234567890,"results":[]}     ~ REFUSED epoch_time | must be a whole number of milliseconds (got 123456789012345678901234567890)
            {"epoch_time":-1,"results":[]}                                 ~ REFUSED epoch_time | must not be negative (got -1)
            {"epoch_time":5,"results":[],"data_type":"heartbeat"}          ~ REFUSED data_type | must be "alpr_results" (got the string "heartbeat")
            {"data_type":7,"results":"x"}                                  ~ REFUSED data_type | must be "alpr_results" (got the number 7)
            {"epoch_time":5}                                               ~ REFUSED results | is required (an array, empty when no plate was read)
            {"epoch_time":5,"results":{"plate":"AB1"}}                     ~ REFUSED results | must be an array (got an object)
            {"results":[{"plate":5}],"epoch_time":true}                    ~ REFUSED epoch_time | must be a number of milliseconds (got the boolean true)
            {"epoch_time":5,"results":[null]}                              ~ REFUSED results[0] | must be an object (got null)
            {"epoch_time":5,"results":[RESULT,[1]]}                        ~ REFUSED results[1] | must be an object (got an array)
            {"epoch_time":5,"results":[{"confidence":"x"}]}                ~ REFUSED results[0].plate | is required
            {"epoch_time":5,"results":[{"confidence":150,"plate":"A"}]}    ~ REFUSED results[0].confidence | must be from 0 to 100 (got 150)
            {"epoch_time":5,"results":[{"plate":"A","confidence":"90"}]}   ~ REFUSED results[0].confidence | must be a number from 0 to 100 (got the string "90")
            {"epoch_time":5,"results":[{"plate":"ABCDEFGHJKLMNPRST","confidence":1}]} ~ REFUSED results[0].plate | must be at most 16 characters (got 17)
            {"epoch_time":5,"results":[{"plate":"A","plate":5,"confidence":1}]} ~ REFUSED results[0].plate | must be a string (got the number 5)
            {"epoch_time":5,"results":[{"plate":"粤Z·A123港","confidence":99},{"plate":"FU123","confidence":50}]} ~ READ 5 FU123 50 region=
            {"epoch_time":5,"results":[{"plate":"AB1","confidence":60},{"plate":"AB2","confidence":60.5}]} ~ READ 5 AB2 60 region=
            {"epoch_time":5,"results":[{"plate":"AB1","confidence":60,"candidates":"x"},{"plate":"AB2","confidence":50,"candidates":7}]} ~ REFUSED results[0].candidates | must be an array (got the string "x")
            {"epoch_time":5,"results":[{"plate":"AB1","confidence":60,"region":["hk"]}]} ~ REFUSED results[0].region | must be a string (got an array)
            {"epoch_time":5,"results":[{"plate":"AB1","confidence":60,"candidates":[{"plate":"X","confidence":1},3]}]} ~ REFUSED results[0].candidates[1] | must be an object (got the number 3)
            {"epoch_time":5,"results":[{"plate":"AB1","confidence":60,"x":{"y":[{"z":"\\u00e9"}]}}]} ~ READ 5 AB1 60 region=
            [1]                                                            ~ NOT AN OBJECT
            "AB1234"                                                       ~ NOT AN OBJECT
            {"epoch_time":5,"results":[]} {}                               ~ MALFORMED Unexpected trailing token
            """)
    void readsAsTheRulesSay(String body, String expected) {
        String document = body.replace("RESULT", RESULT);
        String got = streamed(document);
        if (expected.startsWith("READ 1732592400123")) {
            assertTrue(got.startsWith(expected.trim()), got); // the plate part does not matter here
        } else {
            assertEquals(expected.trim(), got);
        }
    }

    @Test
    void moreThanFiftyCandidatesAreRefusedWhateverTheyHold() {
        StringBuilder candidates = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            candidates.append(i == 0 ? "" : ",").append(i == 50 ? "\"junk\"" : "{\"plate\":\"AB1\",\"confidence\":1}");
        }
        String body = "{\"epoch_time\":5,\"results\":[{\"plate\":\"AB1\",\"confidence\":9,\"candidates\":[" + candidates
                + "]}]}";
        assertEquals("REFUSED results[0].candidates | must have at most 50 entries (got 51)", streamed(body));
    }

    @Test
    void aCameraStreamMessageIsReadOnlyWhenItsKindIsPlate() {
        PlateRead read = new PlateRead();
        assertTrue(reader.readPlateMessage("{\"kind\":\"plate\",\"epoch_time\":5,\"results\":[" + RESULT + "]}", read));
        assertEquals("AB1234", read.plate().toString());
        assertEquals(false, reader.readPlateMessage("{\"kind\":\"tag\",\"epoch_time\":5,\"results\":[]}", read));
        assertEquals(false, reader.readPlateMessage("{\"kind\":7,\"epoch_time\":5,\"results\":[]}", read));
        assertEquals(false, reader.readPlateMessage("{\"kind\":\"plate\",\"kind\":\"x\"}", read));
        assertEquals(false, reader.readPlateMessage("[{\"kind\":\"plate\"}]", read));
    }

    // ---- against the tree reader ----

    private static final List<String> SEEDS = List.of(
            OpenAlprDocumentTest.AGENT_DOCUMENT,
            OpenAlprDocumentTest.CROSS_BOUNDARY_DOCUMENT,
            "{\"epoch_time\":5,\"results\":[" + RESULT + "," + RESULT.replace("94.12", "99") + "]}");

    private static final Object[] ODD_VALUES = {
        null,
        "",
        "x",
        "AB1234",
        "ABCDEFGHJKLMNPRS",
        "ABCDEFGHJKLMNPRST",
        "粤Z·A123港",
        "🚚AB1",
        "a".repeat(40),
        0,
        -1,
        100,
        101,
        99.99,
        100.0000001,
        -0.0,
        5.5,
        1e300,
        12345678901L,
        Long.MAX_VALUE,
        new java.math.BigInteger("123456789012345678901234567890"),
        true,
        false,
        new JsonArray(),
        new JsonArray().add(1),
        new JsonObject(),
        new JsonObject().put("plate", "AB1")
    };

    private static final String[] KEYS = {
        "data_type", "epoch_time", "results", "plate", "confidence", "region", "candidates", "kind", "other"
    };

    /** A random change deep in the tree: a field removed, set to an odd value, or a new one added. */
    private static void mutate(Object node, Random random, int depth) {
        if (node instanceof JsonObject object && !object.isEmpty()) {
            List<String> keys = new ArrayList<>(object.fieldNames());
            String key = keys.get(random.nextInt(keys.size()));
            Object child = object.getValue(key);
            int what = random.nextInt(6);
            if ((child instanceof JsonObject || child instanceof JsonArray) && what < 3 && depth < 6) {
                mutate(child, random, depth + 1);
            } else if (what == 3) {
                object.remove(key);
            } else if (what == 4) {
                object.put(KEYS[random.nextInt(KEYS.length)], ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
            } else {
                object.put(key, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
            }
        } else if (node instanceof JsonArray array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            Object child = array.getValue(index);
            int what = random.nextInt(5);
            if ((child instanceof JsonObject || child instanceof JsonArray) && what < 3 && depth < 6) {
                mutate(child, random, depth + 1);
            } else if (what == 3) {
                array.remove(index);
            } else {
                array.set(index, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
            }
        }
    }

    /** Changes to the text itself: duplicate keys, numbers as strings, truncation, garbage, comments. */
    private static String mutateText(String text, Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> text.replaceFirst("\"plate\":", "\"plate\":5,\"plate\":");
            case 1 -> text.replaceFirst("\"confidence\":([0-9.]+)", "\"confidence\":\"$1\"");
            case 2 -> text.substring(0, random.nextInt(text.length()));
            case 3 -> text + (random.nextBoolean() ? " x" : " {}");
            case 4 -> "/* agent */ " + text.replaceFirst("\\{", "{ // note\n");
            case 5 -> text.replaceFirst("\"results\":", "\"results\":[],\"results\":");
            case 6 -> {
                int at = random.nextInt(text.length());
                yield text.substring(0, at) + "\"',]}\\\u0000".charAt(random.nextInt(7)) + text.substring(at);
            }
            case 7 -> text.replaceFirst("\"epoch_time\":\\s*([0-9]+)", "\"epoch_time\":$1e0");
            default -> text.replaceFirst("\\[", "[{\"deep\":{\"er\":[[[{\"a\":\"\\\\u00e9\\\\ud83d\"}]]]}},");
        };
    }

    @Test
    void everyMutatedDocumentIsReadOrRefusedAsTheTreeReaderDoes() {
        Random random = new Random(1203);
        int read = 0;
        int refused = 0;
        int malformed = 0;
        for (int round = 0; round < 6_000; round++) {
            String seed = SEEDS.get(random.nextInt(SEEDS.size()));
            String body;
            if (random.nextInt(4) == 0) {
                body = mutateText(seed, random);
            } else {
                JsonObject tree = new JsonObject(seed);
                for (int m = 1 + random.nextInt(3); m > 0; m--) {
                    mutate(tree, random, 0);
                }
                body = random.nextBoolean() ? tree.encode() : tree.encodePrettily();
                if (random.nextInt(5) == 0) {
                    body = mutateText(body, random);
                }
            }
            String expected = tree(body);
            String got = streamed(body);
            if (got.equals("NOT AN OBJECT")) {
                // The route then decodes it the tree way: it must be something the tree path refuses too.
                assertTrue(!expected.startsWith("READ") && !expected.startsWith("REFUSED"), body + " -> " + expected);
            } else {
                assertEquals(expected, got, body);
            }
            read += expected.startsWith("READ") ? 1 : 0;
            refused += expected.startsWith("REFUSED") ? 1 : 0;
            malformed += expected.startsWith("MALFORMED") ? 1 : 0;
            // The stream path, where the tree is built from the text by JsonObject(String).
            String message = body.replaceFirst("\\{", "{\"kind\":\"plate\",");
            String treeAnswer = treeMessage(message);
            String streamAnswer = streamedMessage(message);
            if (streamAnswer.equals("OTHER PATH")) {
                // The stream then handles it the tree way: it must be something that path does not read.
                assertTrue(!treeAnswer.startsWith("READ") && !treeAnswer.startsWith("REFUSED"), message);
            } else {
                assertEquals(treeAnswer, streamAnswer, message);
            }
        }
        assertTrue(
                read > 500 && refused > 1_000 && malformed > 300,
                read + " read, " + refused + " refused, " + malformed + " malformed");
    }

    private String streamedMessage(String text) {
        PlateRead read = new PlateRead();
        try {
            return reader.readPlateMessage(text, read) ? describe(read) : "OTHER PATH";
        } catch (InvalidPlateDocumentException e) {
            return "REFUSED " + e.field() + " | " + e.reason();
        } catch (DecodeException e) {
            return "NOT A JSON OBJECT";
        }
    }

    /** The stream's tree path: JsonObject(String), then the kind, then the reader. */
    private static String treeMessage(String text) {
        PlateRead read = new PlateRead();
        try {
            JsonObject message = new JsonObject(text);
            if (!"plate".equals(message.getString("kind"))) {
                return "OTHER PATH";
            }
            OpenAlprDocument.read(message, read);
            return describe(read);
        } catch (InvalidPlateDocumentException e) {
            return "REFUSED " + e.field() + " | " + e.reason();
        } catch (DecodeException | ClassCastException e) {
            return "NOT A JSON OBJECT";
        }
    }
}
