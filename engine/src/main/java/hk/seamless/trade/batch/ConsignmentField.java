package hk.seamless.trade.batch;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The leaf fields of the single-consignment JSON body that a batch file may carry. One list
 * serves both formats, so CSV column names and XML element paths cannot drift apart.
 */
enum ConsignmentField {
    DIRECTION("direction", false),
    EXPECTED_DATE("expectedDate", false),
    CONSIGNOR_NAME("consignor.name", false),
    CONSIGNOR_ADDRESS("consignor.address", false),
    CONSIGNEE_NAME("consignee.name", false),
    CONSIGNEE_ADDRESS("consignee.address", false),
    PACKAGE_DESCRIPTION("packaged.packageDescription", false),
    PACKAGE_COUNT("packaged.packageCount", true),
    ARTICLES_DESCRIPTION("packaged.articlesDescription", false),
    GROSS_WEIGHT_KG("bulk.grossWeightKg", true),
    GROSS_VOLUME_M3("bulk.grossVolumeM3", true),
    BULK_QUANTITY("bulk.quantity", false),
    BULK_DESCRIPTION("bulk.description", false);

    private static final ConsignmentField[] ALL = values();

    private final String path;
    private final String parent; // null for top-level fields
    private final String leaf;
    private final boolean numeric;

    ConsignmentField(String path, boolean numeric) {
        this.path = path;
        int dot = path.indexOf('.');
        this.parent = dot < 0 ? null : path.substring(0, dot);
        this.leaf = dot < 0 ? path : path.substring(dot + 1);
        this.numeric = numeric;
    }

    String path() {
        return path;
    }

    String parent() {
        return parent;
    }

    String leaf() {
        return leaf;
    }

    /** @return the field with this dotted path (exact, case-sensitive), or null */
    static ConsignmentField byPath(String path) {
        for (ConsignmentField f : ALL) {
            if (f.path.equals(path)) {
                return f;
            }
        }
        return null;
    }

    /** @return the field named {@code leaf} under {@code parent} (null = top level), or null */
    static ConsignmentField find(String parent, String leaf) {
        for (ConsignmentField f : ALL) {
            if (f.leaf.equals(leaf) && (parent == null ? f.parent == null : parent.equals(f.parent))) {
                return f;
            }
        }
        return null;
    }

    /** True when {@code name} is a nested object (consignor, consignee, packaged, bulk). */
    static boolean isGroup(String name) {
        for (ConsignmentField f : ALL) {
            if (name.equals(f.parent)) {
                return true;
            }
        }
        return false;
    }

    /** Names allowed directly under {@code parent} (null = the consignment itself), for messages. */
    static List<String> childNames(String parent) {
        Set<String> names = new LinkedHashSet<>();
        for (ConsignmentField f : ALL) {
            if (parent == null) {
                names.add(f.parent == null ? f.leaf : f.parent);
            } else if (parent.equals(f.parent)) {
                names.add(f.leaf);
            }
        }
        return new ArrayList<>(names);
    }

    static List<String> allPaths() {
        List<String> paths = new ArrayList<>(ALL.length);
        for (ConsignmentField f : ALL) {
            paths.add(f.path);
        }
        return paths;
    }

    /**
     * Converts cell or element text to the JSON value for this field.
     *
     * @return null when the trimmed text is empty: the key is then left out, so the validator
     *     reports "is required" rather than some confusing message about an empty string
     */
    Object toJsonValue(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!numeric) {
            return text;
        }
        Number number = JsonNumbers.parse(text);
        // Text that is not a number is kept so the validator can say "must be a number".
        return number != null ? number : text;
    }

    /**
     * Puts the converted value at this field's place in {@code body}, creating the nested object
     * on first use; empty text puts nothing, so a wholly empty group (e.g. the bulk columns of a
     * packaged row) leaves no empty object behind.
     */
    void putInto(JsonObject body, String raw) {
        Object value = toJsonValue(raw);
        if (value == null) {
            return;
        }
        if (parent == null) {
            body.put(leaf, value);
            return;
        }
        JsonObject group = body.getJsonObject(parent);
        if (group == null) {
            group = new JsonObject();
            body.put(parent, group);
        }
        group.put(leaf, value);
    }
}
