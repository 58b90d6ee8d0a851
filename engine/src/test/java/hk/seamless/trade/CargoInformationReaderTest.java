package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.Direction;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CargoInformationReaderTest {

    /** 10:00 in Hong Kong on 26 November 2026. */
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    private final CargoInformationReader reader =
            new CargoInformationReader(LodgementWindow.hongKong(Period.ofDays(14)));

    private static JsonObject packaged() {
        return new JsonObject()
                .put("direction", "IMPORT")
                .put("expectedDate", "2026-12-01")
                .put("consignor", new JsonObject().put("name", "深圳市華強電子有限公司").put("address", "深圳市福田區華強北路"))
                .put(
                        "consignee",
                        new JsonObject().put("name", "Kwun Tong Traders Ltd").put("address", "Kwun Tong"))
                .put(
                        "packaged",
                        new JsonObject()
                                .put("packageDescription", "CARTONS")
                                .put("packageCount", 120)
                                .put("articlesDescription", "mobile phones"));
    }

    private List<FieldError> errors(Consumer<JsonObject> change) {
        JsonObject body = packaged();
        change.accept(body);
        return assertThrows(InvalidInputException.class, () -> reader.read(body, NOW))
                .errors();
    }

    private void assertError(String field, String messagePart, Consumer<JsonObject> change) {
        List<FieldError> errors = errors(change);
        assertTrue(
                errors.stream()
                        .anyMatch(e -> e.field().equals(field) && e.message().contains(messagePart)),
                "expected " + field + " '" + messagePart + "' in " + errors);
    }

    @Test
    void readsAllEightPiecesOfPackagedCargo() {
        CargoInformation cargo = reader.read(packaged(), NOW);
        assertEquals(Direction.IMPORT, cargo.direction());
        assertEquals("2026-12-01", cargo.expectedDate().toString());
        assertEquals("深圳市華強電子有限公司", cargo.consignor().name());
        assertEquals(120, cargo.packaged().packageCount());
        assertNull(cargo.bulk());
    }

    @Test
    void readsBulkCargoByWeightOrVolume() {
        JsonObject body = packaged();
        body.remove("packaged");
        body.put(
                "bulk",
                new JsonObject()
                        .put("grossWeightKg", 18000.5)
                        .put("quantity", "2 tanks")
                        .put("description", "diesel"));
        CargoInformation cargo = reader.read(body, NOW);
        assertEquals(new BigDecimal("18000.5"), cargo.bulk().grossWeightKg());
        assertNull(cargo.packaged());

        body.put("bulk", new JsonObject().put("grossVolumeM3", 40).put("description", "sand"));
        assertEquals(new BigDecimal("40"), reader.read(body, NOW).bulk().grossVolumeM3());
    }

    @Test
    void namesEveryFieldInErrorAtOnce() {
        List<FieldError> errors = errors(b -> {
            b.put("direction", "NORTH");
            b.put("expectedDate", "2026-02-30");
            b.getJsonObject("consignor").remove("address");
        });
        assertEquals(
                List.of("direction", "expectedDate", "consignor.address"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void theCargoKindIsExactlyOne() {
        assertError("packaged", "either packaged or bulk", b -> b.remove("packaged"));
        assertError(
                "bulk",
                "not both",
                b -> b.put("bulk", new JsonObject().put("grossWeightKg", 1).put("description", "x")));
        assertError("bulk.grossVolumeM3", "not both", b -> {
            b.remove("packaged");
            b.put(
                    "bulk",
                    new JsonObject()
                            .put("grossWeightKg", 1)
                            .put("grossVolumeM3", 1)
                            .put("description", "x"));
        });
        assertError("bulk.grossWeightKg", "is required", b -> {
            b.remove("packaged");
            b.put("bulk", new JsonObject().put("description", "x"));
        });
    }

    @ParameterizedTest
    @CsvSource({"0,must be from 1", "-1,must be from 1", "1.5,whole number", "10000001,must be from 1"})
    void packageCountIsAWholePositiveNumber(String count, String message) {
        assertError(
                "packaged.packageCount",
                message,
                b -> b.getJsonObject("packaged").put("packageCount", new BigDecimal(count)));
    }

    @Test
    void wrongTypesAreNamedNotCoerced() {
        assertError(
                "packaged.packageCount",
                "must be a number",
                b -> b.getJsonObject("packaged").put("packageCount", "12"));
        assertError("consignor", "must be an object", b -> b.put("consignor", "Mr Chan"));
        assertError(
                "consignor.name",
                "must be a string",
                b -> b.getJsonObject("consignor").put("name", 7));
        assertError("bulk.grossWeightKg", "greater than 0", b -> {
            b.remove("packaged");
            b.put("bulk", new JsonObject().put("grossWeightKg", -3).put("description", "x"));
        });
    }

    @Test
    void overLongAndUnknownFieldsAreRefused() {
        assertError(
                "consignor.name",
                "at most 200",
                b -> b.getJsonObject("consignor").put("name", "名".repeat(201)));
        assertEquals(
                200,
                reader.read(with(b -> b.getJsonObject("consignor").put("name", "名".repeat(200))), NOW)
                        .consignor()
                        .name()
                        .codePointCount(0, 200));
        assertError("colour", "not a known field", b -> b.put("colour", "red"));
        assertError(
                "packaged.weight",
                "not a known field",
                b -> b.getJsonObject("packaged").put("weight", 3));
    }

    @Test
    void theExpectedDateMustBeInTheWindow() {
        assertError("expectedDate", "14 days", b -> b.put("expectedDate", "2026-12-11"));
        assertError("expectedDate", "past", b -> b.put("expectedDate", "2026-11-25"));
        assertEquals(
                "2026-12-10",
                reader.read(with(b -> b.put("expectedDate", "2026-12-10")), NOW)
                        .expectedDate()
                        .toString());
        assertEquals(
                "2026-11-26",
                reader.read(with(b -> b.put("expectedDate", "2026-11-26")), NOW)
                        .expectedDate()
                        .toString());
    }

    private static JsonObject with(Consumer<JsonObject> change) {
        JsonObject body = packaged();
        change.accept(body);
        return body;
    }
}
