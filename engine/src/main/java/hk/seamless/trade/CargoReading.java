package hk.seamless.trade;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A body read into cargo information on the event loop, before its command reaches the registry
 * writer: reading and checking every field was a tenth of a lodgement's time on that single thread,
 * and it depends on nothing the registry holds, only on the Hong Kong day (the lodgement window).
 * The writer takes this reading, or its refusal, when its own instant falls on the same day, and
 * reads the body again when it does not (a request that crossed midnight on its way), so the rules
 * are always those of the instant the change is recorded at.
 */
public final class CargoReading {

    private final CargoInformationReader reader;
    private final JsonObject body;
    private final LocalDate readOn;
    private final CargoInformation cargo;
    private final RuntimeException refusal;

    private CargoReading(
            CargoInformationReader reader,
            JsonObject body,
            LocalDate readOn,
            CargoInformation cargo,
            RuntimeException refusal) {
        this.reader = reader;
        this.body = body;
        this.readOn = readOn;
        this.cargo = cargo;
        this.refusal = refusal;
    }

    /** Reads {@code body} now; a refusal is kept to be given when the writer asks for the cargo. */
    public static CargoReading of(CargoInformationReader reader, JsonObject body, Instant now) {
        LocalDate day = reader.window().today(now);
        try {
            return new CargoReading(reader, body, day, reader.read(body, now), null);
        } catch (RuntimeException refused) {
            return new CargoReading(reader, body, day, null, refused);
        }
    }

    /**
     * The cargo as read at {@code now}, the transaction's instant.
     *
     * @throws hk.seamless.rules.InvalidInputException naming every field in error
     */
    public CargoInformation at(Instant now) {
        if (!reader.window().today(now).equals(readOn)) {
            return reader.read(body, now);
        }
        if (refusal != null) {
            throw refusal;
        }
        return cargo;
    }
}
