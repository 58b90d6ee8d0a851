package hk.seamless.trade;

import hk.seamless.config.Direction;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a consignment body (API, portal or one batch row) into {@link CargoInformation}, or refuses
 * it with every field error named. The same reader serves every channel, so one rule cannot drift
 * between them.
 */
public final class CargoInformationReader {

    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 500;
    static final int DESCRIPTION_MAX = 1000;
    static final long PACKAGE_COUNT_MAX = 10_000_000;
    static final BigDecimal WEIGHT_MAX_KG = new BigDecimal("1000000");
    static final BigDecimal VOLUME_MAX_M3 = new BigDecimal("100000");

    private static final Set<String> TOP =
            Set.of("direction", "expectedDate", "consignor", "consignee", "packaged", "bulk");
    private static final Set<String> PARTY = Set.of("name", "address");
    private static final Set<String> PACKAGED = Set.of("packageDescription", "packageCount", "articlesDescription");
    private static final Set<String> BULK = Set.of("grossWeightKg", "grossVolumeM3", "quantity", "description");

    private final LodgementWindow window;

    public CargoInformationReader(LodgementWindow window) {
        this.window = window;
    }

    /** The window whose day the reading depends on (and nothing else of the time). */
    public LodgementWindow window() {
        return window;
    }

    /** @throws InvalidInputException naming every field in error */
    public CargoInformation read(JsonObject body, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", TOP);
        Direction direction = f.enumValue(body, "direction", "direction", Direction.class);
        LocalDate expectedDate = expectedDate(body, f, now);
        Party consignor = party(body, "consignor", f);
        Party consignee = party(body, "consignee", f);
        JsonObject packagedJson = f.object(body, "packaged", "packaged", false);
        JsonObject bulkJson = f.object(body, "bulk", "bulk", false);
        PackagedCargo packaged = null;
        BulkCargo bulk = null;
        if (body.getValue("packaged") != null && body.getValue("bulk") != null) {
            f.add("bulk", "give either packaged or bulk cargo, not both");
        } else if (body.getValue("packaged") == null && body.getValue("bulk") == null) {
            f.add("packaged", "either packaged or bulk cargo is required");
        } else if (packagedJson != null) {
            packaged = packaged(packagedJson, f);
        } else if (bulkJson != null) {
            bulk = bulk(bulkJson, f);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CargoInformation(direction, expectedDate, consignor, consignee, packaged, bulk);
    }

    private LocalDate expectedDate(JsonObject body, JsonFields f, Instant now) {
        String text = f.text(body, "expectedDate", "expectedDate", 10, true);
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            f.add("expectedDate", "must be a real date written YYYY-MM-DD");
            return null;
        }
        window.violation(date, now)
                .ifPresent(message -> f.add(
                        "expectedDate",
                        window.isBeforeToday(date, now) ? FieldError.DATE_IN_PAST : FieldError.DATE_TOO_FAR_AHEAD,
                        message));
        return date;
    }

    private static Party party(JsonObject body, String name, JsonFields f) {
        JsonObject json = f.object(body, name, name, true);
        if (json == null) {
            return null;
        }
        f.rejectUnknown(json, name + ".", PARTY);
        String partyName = f.text(json, "name", name + ".name", NAME_MAX, true);
        String address = f.text(json, "address", name + ".address", ADDRESS_MAX, true);
        return new Party(partyName, address);
    }

    private static PackagedCargo packaged(JsonObject json, JsonFields f) {
        f.rejectUnknown(json, "packaged.", PACKAGED);
        String description = f.text(json, "packageDescription", "packaged.packageDescription", NAME_MAX, true);
        Long count = f.wholeNumber(json, "packageCount", "packaged.packageCount", 1, PACKAGE_COUNT_MAX);
        String articles = f.text(json, "articlesDescription", "packaged.articlesDescription", DESCRIPTION_MAX, true);
        return new PackagedCargo(description, count == null ? 0 : count, articles);
    }

    private static BulkCargo bulk(JsonObject json, JsonFields f) {
        f.rejectUnknown(json, "bulk.", BULK);
        BigDecimal weight = f.positiveDecimal(json, "grossWeightKg", "bulk.grossWeightKg", WEIGHT_MAX_KG);
        BigDecimal volume = f.positiveDecimal(json, "grossVolumeM3", "bulk.grossVolumeM3", VOLUME_MAX_M3);
        boolean hasWeight = json.getValue("grossWeightKg") != null;
        boolean hasVolume = json.getValue("grossVolumeM3") != null;
        if (hasWeight && hasVolume) {
            f.add("bulk.grossVolumeM3", "give either gross weight or gross volume, not both");
        } else if (!hasWeight && !hasVolume) {
            f.add("bulk.grossWeightKg", "gross weight (kg) or gross volume (m3) is required");
        }
        String quantity = f.text(json, "quantity", "bulk.quantity", NAME_MAX, false);
        String description = f.text(json, "description", "bulk.description", DESCRIPTION_MAX, true);
        return new BulkCargo(weight, volume, quantity, description);
    }
}
