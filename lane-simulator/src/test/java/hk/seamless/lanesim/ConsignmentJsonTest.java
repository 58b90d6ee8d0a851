package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated lodgement bodies are JSON the engine's reader would accept in shape and range. */
class ConsignmentJsonTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void bodiesAreValidJsonWithTheEngineFieldsOnly() {
        CargoSampleGenerator generator = new CargoSampleGenerator(7, TODAY);
        int packaged = 0;
        int bulk = 0;
        boolean chinese = false;
        for (int i = 0; i < 2_000; i++) {
            // An independent parser: a quoting mistake in the hand-built JSON fails here.
            JsonObject body = new JsonObject(ConsignmentJson.body(generator.next()));
            assertTrue(
                    Set.of("direction", "expectedDate", "consignor", "consignee", "packaged", "bulk")
                            .containsAll(body.fieldNames()),
                    body::encode);
            assertTrue(Set.of("IMPORT", "EXPORT").contains(body.getString("direction")));
            LocalDate expected = LocalDate.parse(body.getString("expectedDate"));
            assertTrue(
                    !expected.isBefore(TODAY.plusDays(1)) && !expected.isAfter(TODAY.plusDays(14)), expected::toString);
            assertNotNull(body.getJsonObject("consignor").getString("name"));
            assertNotNull(body.getJsonObject("consignee").getString("address"));
            chinese |= body.getJsonObject("consignor")
                    .getString("name")
                    .codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (body.containsKey("packaged")) {
                packaged++;
                assertTrue(body.getJsonObject("packaged").getLong("packageCount") >= 1);
                assertTrue(body.getJsonObject("packaged")
                                .getString("articlesDescription")
                                .length()
                        <= 1000);
            } else {
                bulk++;
                JsonObject b = body.getJsonObject("bulk");
                assertTrue(b.containsKey("grossWeightKg") ^ b.containsKey("grossVolumeM3"), b::encode);
                assertTrue(b.getString("description").length() <= 1000);
            }
        }
        assertTrue(packaged > 1_000 && bulk > 300, "mix was " + packaged + " packaged, " + bulk + " bulk");
        assertTrue(chinese, "some consignor names should be in Chinese");
    }

    @Test
    void quotesAndControlCharactersAreEscaped() {
        String json =
                JsonTemplate.field(new StringBuilder("{"), "name", "Zhuhai \"Export\" Division\\\n\t\u0001") + "}";
        assertEquals("Zhuhai \"Export\" Division\\\n\t\u0001", new JsonObject(json).getString("name"));
    }
}
