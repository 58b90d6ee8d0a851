package hk.seamless.trade;

import hk.seamless.config.Direction;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A trucker's bundling: a vehicle, a direction, and CCRNs or the EMPTY declaration. */
public record BundleRequest(VehicleMark vehicleMark, Direction direction, List<Ccrn> ccrns, boolean empty) {

    public static final int MAX_CCRNS = 100;
    private static final Set<String> FIELDS = Set.of("vehicleMark", "direction", "ccrns", "empty");

    public BundleRequest {
        ccrns = List.copyOf(ccrns);
    }

    public static BundleRequest read(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", FIELDS);
        VehicleMark mark = f.vehicleMark(body, "vehicleMark");
        Direction direction = f.enumValue(body, "direction", "direction", Direction.class);
        Object emptyValue = body.getValue("empty");
        boolean empty = false;
        if (emptyValue != null && !(emptyValue instanceof Boolean)) {
            f.add("empty", "must be true or false");
        } else if (emptyValue != null) {
            empty = (Boolean) emptyValue;
        }
        List<Ccrn> ccrns = ccrns(body, f, errors, empty);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new BundleRequest(mark, direction, ccrns, empty);
    }

    private static List<Ccrn> ccrns(JsonObject body, JsonFields f, List<FieldError> errors, boolean empty) {
        Object raw = body.getValue("ccrns");
        if (raw == null) {
            if (!empty) {
                f.add("ccrns", "give one or more CCRNs, or declare the vehicle empty with \"empty\": true");
            }
            return List.of();
        }
        if (!(raw instanceof JsonArray array)) {
            f.add("ccrns", "must be an array of CCRNs");
            return List.of();
        }
        if (empty && !array.isEmpty()) {
            f.add("empty", "an EMPTY vehicle carries no CCRNs: give ccrns or empty, not both");
            return List.of();
        }
        if (!empty && array.isEmpty()) {
            f.add("ccrns", "give at least one CCRN");
        }
        if (array.size() > MAX_CCRNS) {
            f.add("ccrns", "at most " + MAX_CCRNS + " CCRNs in one bundle");
            return List.of();
        }
        Set<Ccrn> seen = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String field = "ccrns[" + i + "]";
            Object item = array.getValue(i);
            if (!(item instanceof String s)) {
                f.add(field, "must be a string of 16 digits");
                continue;
            }
            try {
                Ccrn ccrn = Ccrn.parse(s, field);
                if (!seen.add(ccrn)) {
                    f.add(field, "is given twice");
                }
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        return new ArrayList<>(seen);
    }
}
