package hk.seamless.store;

import hk.seamless.config.UtcTimes;
import java.util.List;

/**
 * A registry change as its journal entry: the JSON {@link JsonCodec} writes for it (fields in the
 * record's order, nulls left out), written by hand into UTF-8 bytes ({@link JsonBytes}) instead of
 * through Jackson's data binding, which looked up each record's properties by reflection and copied
 * the embedded records through several buffers: a fifth of the registry writer's time on a
 * lodgement. {@code RegistryChangeJsonTest} holds the two to the same bytes.
 */
final class RegistryChangeJson {

    /** The registry writer's buffer, kept between entries (the audit trail's reader has its own). */
    private static final ThreadLocal<JsonBytes> BUFFER = ThreadLocal.withInitial(JsonBytes::new);

    private RegistryChangeJson() {}

    static byte[] bytes(RegistryChange change) {
        return write(change, BUFFER.get().reset()).toByteArray();
    }

    private static JsonBytes write(RegistryChange change, JsonBytes json) {
        json.ascii("{\"sequence\":").number(change.sequence());
        if (change.at() != null) {
            json.ascii(",\"at\":").string(UtcTimes.format(change.at()));
        }
        field(json, ",\"actor\":", change.actor());
        json.ascii(",\"events\":[");
        for (int i = 0; i < change.events().size(); i++) {
            RegistryChange.AuditEvent event = change.events().get(i);
            json.ascii(i == 0 ? "{" : ",{");
            boolean first = field(json, "\"action\":", event.action(), true);
            first = field(json, "\"subject\":", event.subject(), first);
            first = field(json, "\"detail\":", event.detail(), first);
            names(json, event.names(), first);
            json.ascii("}");
        }
        json.ascii("],\"writes\":[");
        for (int i = 0; i < change.writes().size(); i++) {
            RegistryChange.Write write = change.writes().get(i);
            json.ascii(i == 0 ? "{" : ",{");
            boolean first = field(
                    json,
                    "\"store\":",
                    write.store() == null ? null : write.store().name(),
                    true);
            first = field(json, "\"key\":", write.key(), first);
            field(json, "\"value\":", write.value(), first);
            json.ascii("}");
        }
        json.ascii("]");
        field(json, ",\"origin\":", change.origin());
        return json.ascii("}");
    }

    /** A field after others (its name written with its comma); left out when null. */
    private static void field(JsonBytes json, String commaAndName, String value) {
        if (value != null) {
            json.ascii(commaAndName).string(value);
        }
    }

    /** A field of an object; left out when null. Whether the object has no field yet, after it. */
    private static boolean field(JsonBytes json, String name, String value, boolean first) {
        if (value == null) {
            return first;
        }
        if (!first) {
            json.ascii(",");
        }
        json.ascii(name).string(value);
        return false;
    }

    private static void names(JsonBytes json, List<String> names, boolean first) {
        if (names == null) {
            return;
        }
        json.ascii(first ? "\"names\":[" : ",\"names\":[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                json.ascii(",");
            }
            if (names.get(i) == null) {
                json.ascii("null");
            } else {
                json.string(names.get(i));
            }
        }
        json.ascii("]");
    }
}
