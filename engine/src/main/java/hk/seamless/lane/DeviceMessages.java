package hk.seamless.lane;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.trade.JsonFields;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the tag-read and EMPTY-button messages of lane devices. A malformed message is refused
 * whole (400 naming the field) and never reaches the pipeline: no decision, the gate stays closed.
 */
public final class DeviceMessages {

    private static final Set<String> TAG_FIELDS = Set.of("kind", "epc", "antenna", "rssi", "seenAt");
    private static final Set<String> EMPTY_FIELDS = Set.of("kind", "pressedAt");

    private DeviceMessages() {}

    /** @return the EPC, upper-case hexadecimal */
    public static String tagRead(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", TAG_FIELDS);
        String epc = f.text(body, "epc", "epc", 124, true);
        if (epc != null) {
            epc = epc.toUpperCase(Locale.ROOT);
            if (epc.length() < 8 || !isHex(epc)) {
                f.add("epc", "must be an EPC in hexadecimal (8 to 124 hex digits)");
            }
        }
        if (body.getValue("antenna") != null) {
            f.wholeNumber(body, "antenna", "antenna", 0, 64);
        }
        if (body.getValue("rssi") != null && !(body.getValue("rssi") instanceof Number)) {
            f.add("rssi", "must be a number (dBm)");
        }
        instant(body, "seenAt", f);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return epc;
    }

    public static void emptyDeclaration(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", EMPTY_FIELDS);
        instant(body, "pressedAt", f);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void instant(JsonObject body, String name, JsonFields f) {
        String text = f.text(body, name, name, 40, false);
        if (text != null) {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                f.add(name, "must be an ISO-8601 time with offset, e.g. 2026-11-26T10:15:30+08:00");
            }
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
