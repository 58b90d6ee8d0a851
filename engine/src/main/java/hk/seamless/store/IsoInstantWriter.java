package hk.seamless.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import hk.seamless.config.UtcTimes;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes instants as Jackson's own serializer does with dates as text ({@link Instant#toString()}),
 * through {@link UtcTimes}: its formatter was a tenth of the registry writer's time on a lodgement.
 * {@link IsoInstantReader} reads them back.
 */
final class IsoInstantWriter extends StdSerializer<Instant> {

    IsoInstantWriter() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(UtcTimes.format(value));
    }
}
