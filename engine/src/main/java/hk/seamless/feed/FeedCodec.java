package hk.seamless.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The feed's wire form: JSON, each lane change tagged with its type in {@code "type"} (the record's
 * simple name, e.g. {@code "BundleActivated"}). What the embedded engine applies and what travels
 * to a remote lane engine are the same bytes read the same way. A type this version does not know
 * is refused (a lane that silently skipped a change it did not understand could release a truck it
 * should not); an unknown field is ignored, so a producer may add one without breaking consumers.
 */
public final class FeedCodec {

    /** Every lane change type by its wire name; kept in step with the sealed interface by a test. */
    static final List<Class<? extends LaneChange>> TYPES = Arrays.stream(LaneChange.class.getPermittedSubclasses())
            .<Class<? extends LaneChange>>map(c -> c.asSubclass(LaneChange.class))
            .toList();

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface TypedChange {}

    private static final ObjectMapper MAPPER = mapper();

    private FeedCodec() {}

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .addMixIn(LaneChange.class, TypedChange.class);
        TYPES.forEach(type -> mapper.registerSubtypes(
                new com.fasterxml.jackson.databind.jsontype.NamedType(type, type.getSimpleName())));
        return mapper;
    }

    public static byte[] write(FeedEntry entry) {
        try {
            return MAPPER.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode feed entry " + entry.sequence(), e);
        }
    }

    public static String writeChange(LaneChange change) {
        try {
            return MAPPER.writerFor(LaneChange.class).writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + change.getClass().getSimpleName(), e);
        }
    }

    /** @throws FeedFormatException when the bytes are not a feed entry this version can apply */
    public static FeedEntry read(byte[] json) {
        try {
            FeedEntry entry = MAPPER.readValue(json, FeedEntry.class);
            if (entry == null) {
                throw new FeedFormatException("a feed entry is a JSON object, not null", null);
            }
            return entry;
        } catch (IOException | IllegalArgumentException e) {
            throw refused(e);
        }
    }

    public static byte[] writeReport(LaneReport report) {
        try {
            return MAPPER.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode lane report " + report.arrivalId(), e);
        }
    }

    /** @throws FeedFormatException when the bytes are not a lane report this version can record */
    public static LaneReport readReport(byte[] json) {
        try {
            LaneReport report = MAPPER.readValue(json, LaneReport.class);
            if (report == null) {
                throw new FeedFormatException("a lane report is a JSON object, not null", null);
            }
            return report;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw refused(e);
        }
    }

    /** @throws FeedFormatException when the text is not a lane change this version knows */
    public static LaneChange readChange(String json) {
        try {
            LaneChange change = MAPPER.readValue(json, LaneChange.class);
            if (change == null) {
                throw new FeedFormatException("a lane change is a JSON object, not null", null);
            }
            return change;
        } catch (IOException | IllegalArgumentException e) {
            throw refused(e);
        }
    }

    private static FeedFormatException refused(Exception e) {
        if (e instanceof InvalidTypeIdException unknown) {
            return new FeedFormatException(
                    "unknown lane change type '" + unknown.getTypeId() + "': this consumer knows "
                            + TYPES.stream().map(Class::getSimpleName).toList()
                            + "; upgrade it before reading this feed",
                    e);
        }
        return new FeedFormatException("unreadable feed entry: " + e.getMessage(), e);
    }

    /** Bytes that are not a feed entry this consumer can apply: it must stop, never skip them. */
    public static final class FeedFormatException extends RuntimeException {
        public FeedFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
