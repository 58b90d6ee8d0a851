package hk.seamless.trade;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Vehicles registered by truckers: one owner each; an RFID tag names at most one vehicle. */
public final class Vehicles {

    /** An EPC as RFID readers report it: hexadecimal, 96 bits usually, up to 496. */
    private static final Pattern EPC = Pattern.compile("^[0-9A-F]{8,124}$");

    private static final Set<String> FIELDS = Set.of("registrationMark", "rfidTag");

    private final Stores stores;

    public Vehicles(Stores stores) {
        this.stores = stores;
    }

    public record Registration(VehicleMark mark, String rfidTag) {}

    public static Registration read(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", FIELDS);
        VehicleMark mark = f.vehicleMark(body, "registrationMark");
        String tag = f.text(body, "rfidTag", "rfidTag", 124, false);
        if (tag != null) {
            tag = tag.toUpperCase(Locale.ROOT);
            if (!EPC.matcher(tag).matches()) {
                f.add("rfidTag", "must be an EPC in hexadecimal (8 to 124 hex digits)");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Registration(mark, tag);
    }

    public Vehicle register(Transaction tx, Registration registration) {
        String key = registration.mark().value();
        Vehicle existing = tx.get(StoreName.VEHICLES, key, Vehicle.class);
        if (existing != null) {
            throw RuleViolation.conflict(
                    existing.owner().equals(tx.actor())
                            ? "you have already registered "
                                    + registration.mark().display()
                            : registration.mark().display() + " is registered to another account");
        }
        if (registration.rfidTag() != null && tx.get(StoreName.VEHICLES_BY_TAG, registration.rfidTag()) != null) {
            throw RuleViolation.conflict("RFID tag " + registration.rfidTag() + " is already bound to another vehicle");
        }
        Vehicle vehicle = new Vehicle(key, registration.mark().display(), tx.actor(), registration.rfidTag(), tx.now());
        tx.put(StoreName.VEHICLES, key, vehicle);
        if (vehicle.rfidTag() != null) {
            tx.put(StoreName.VEHICLES_BY_TAG, vehicle.rfidTag(), key);
        }
        tx.audit("VEHICLE_REGISTERED", key, vehicle.rfidTag() == null ? "no tag" : "tag " + vehicle.rfidTag());
        return vehicle;
    }

    public Vehicle find(String canonicalMark) {
        String json = stores.store(StoreName.VEHICLES).get(canonicalMark);
        return json == null ? null : JsonCodec.read(json, Vehicle.class);
    }

    /** A trucker's vehicles, for the portal and the phone line. A scan: call it from a worker thread. */
    public List<Vehicle> ownedBy(String accountId) {
        List<Vehicle> result = new ArrayList<>();
        stores.store(StoreName.VEHICLES).forEach((key, json) -> {
            Vehicle v = JsonCodec.read(json, Vehicle.class);
            if (v.owner().equals(accountId)) {
                result.add(v);
            }
        });
        result.sort(Comparator.comparing(Vehicle::registrationMark, Vehicles::inReadingOrder));
        return result;
    }

    /**
     * Marks as people list them, the number by its value: BK997 before BK1000 (a phone menu reads
     * them out in this order). Digit runs compare as numbers, everything else character by character.
     */
    static int inReadingOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                // Marks have no leading zeros: the longer run is the larger number.
                int byValue = endA - i != endB - j
                        ? Integer.compare(endA - i, endB - j)
                        : a.substring(i, endA).compareTo(b.substring(j, endB));
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                int byChar = Character.compare(a.charAt(i), b.charAt(j));
                if (byChar != 0) {
                    return byChar;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }
}
