package hk.seamless.lane;

import hk.seamless.access.Tokens;
import hk.seamless.config.Lane;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import hk.seamless.trade.FieldError;
import hk.seamless.trade.InvalidInputException;
import hk.seamless.trade.JsonFields;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lane devices: an admin registers each one for one lane and one kind, and it gets a token of its
 * own (shown once, kept as a hash). Written through the registry writer like every credential.
 */
public final class Devices {

    private static final Set<String> FIELDS = Set.of("lane", "kind");

    private final Stores stores;
    private final Map<String, Lane> lanes;
    /** Devices call many times a second: their token is checked once, then remembered. */
    private final Map<String, Device> byToken = new java.util.concurrent.ConcurrentHashMap<>();

    public Devices(Stores stores, Map<String, Lane> lanes) {
        this.stores = stores;
        this.lanes = lanes;
    }

    public record Registration(String lane, DeviceKind kind) {
    }

    public record Issued(Device device, String token) {
    }

    public Registration read(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        JsonFields f = new JsonFields(errors);
        f.rejectUnknown(body, "", FIELDS);
        String lane = f.text(body, "lane", "lane", 40, true);
        if (lane != null && !lanes.containsKey(lane)) {
            f.add("lane", "no lane " + lane + " (see GET /api/v1/settings)");
        }
        DeviceKind kind = f.enumValue(body, "kind", "kind", DeviceKind.class);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Registration(lane, kind);
    }

    public Issued register(Transaction tx, Registration registration) {
        Device device = new Device(Tokens.newId("D"), registration.lane(), registration.kind(), tx.now(), tx.actor());
        String token = Tokens.newToken("dv_");
        tx.put(StoreName.DEVICES, device.id(), device);
        tx.put(StoreName.DEVICE_CREDENTIALS, Tokens.hash(token), device.id());
        tx.audit("DEVICE_REGISTERED", device.id(), device.kind() + " on " + device.lane());
        return new Issued(device, token);
    }

    /** The device a token belongs to, from any thread. */
    public Optional<Device> byToken(String token) {
        Device known = byToken.get(token);
        if (known != null) {
            return Optional.of(known);
        }
        String id = stores.store(StoreName.DEVICE_CREDENTIALS).get(Tokens.hash(token));
        String json = id == null ? null : stores.store(StoreName.DEVICES).get(id);
        Optional<Device> device = Optional.ofNullable(json).map(j -> JsonCodec.read(j, Device.class));
        device.ifPresent(d -> byToken.put(token, d));
        return device;
    }

    public Optional<Lane> lane(String laneId) {
        return Optional.ofNullable(lanes.get(laneId));
    }
}
