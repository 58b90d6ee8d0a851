package hk.seamless.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import hk.seamless.config.UtcTimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A registry change as its journal entry: the JSON {@link JsonCodec} writes for it (fields in the
 * record's order, nulls left out), written field by field with Jackson's streaming generator instead
 * of through its data binding, which looked up each record's properties by reflection and was a fifth
 * of the registry writer's time on a lodgement. {@code RegistryChangeJsonTest} holds the two to the
 * same bytes.
 */
final class RegistryChangeJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private RegistryChangeJson() {}

    static byte[] bytes(RegistryChange change) {
        try (ByteArrayBuilder buffer = new ByteArrayBuilder(512)) {
            try (JsonGenerator json = FACTORY.createGenerator(buffer, JsonEncoding.UTF8)) {
                write(change, json);
            }
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode registry change " + change.sequence(), e);
        }
    }

    private static void write(RegistryChange change, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("sequence", change.sequence());
        if (change.at() != null) {
            json.writeStringField("at", UtcTimes.format(change.at()));
        }
        text(json, "actor", change.actor());
        json.writeArrayFieldStart("events");
        for (RegistryChange.AuditEvent event : change.events()) {
            json.writeStartObject();
            text(json, "action", event.action());
            text(json, "subject", event.subject());
            text(json, "detail", event.detail());
            names(json, event.names());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("writes");
        for (RegistryChange.Write write : change.writes()) {
            json.writeStartObject();
            text(json, "store", write.store() == null ? null : write.store().name());
            text(json, "key", write.key());
            text(json, "value", write.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        text(json, "origin", change.origin());
        json.writeEndObject();
    }

    private static void text(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static void names(JsonGenerator json, List<String> names) throws IOException {
        if (names == null) {
            return;
        }
        json.writeArrayFieldStart("names");
        for (String name : names) {
            json.writeString(name);
        }
        json.writeEndArray();
    }
}
