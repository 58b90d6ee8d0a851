package hk.seamless.lane;

import hk.seamless.access.Tokens;
import hk.seamless.config.Lane;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import hk.seamless.trade.JsonFields;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lane devices: an admin registers each one for one lane and one kind, and it gets a token of its
 * own (shown once, kept as a hash). The admin may rotate a device's token (the old one stops
 * working) or revoke the device. Written through the registry writer like every credential.
 */
public final class Devices {

    private static final Set<String> FIELDS = Set.of("lane", "kind");

    private final Stores stores;
    private final Map<String, Lane> lanes;
    /**
     * Devices call many times a second: their token is checked once, then remembered. A rotation
     * or revocation moves the generation on and empties the map; an entry from an older generation
     * (a look-up that raced the revocation) is never trusted.
     */
    private final Map<String, Remembered> byToken = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private record Remembered(Device device, long generation) {}

    /** How to close each device's open lane connections (streams, gate sockets), by device id. */
    private final Map<String, Set<Runnable>> connections = new java.util.concurrent.ConcurrentHashMap<>();

    public Devices(Stores stores, Map<String, Lane> lanes) {
        this.stores = stores;
        this.lanes = lanes;
    }

    public record Registration(String lane, DeviceKind kind) {}

    public record Issued(Device device, String token) {}

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

    /** A new token for the device, the old one revoked. Shown this once, kept as a hash. */
    public Issued rotate(Transaction tx, String deviceId, String reason) {
        Device device = inService(tx, deviceId);
        int revoked = revokeTokens(tx, deviceId);
        String token = Tokens.newToken("dv_");
        tx.put(StoreName.DEVICE_CREDENTIALS, Tokens.hash(token), device.id());
        tx.audit(
                "DEVICE_TOKEN_ROTATED",
                device.id(),
                device.kind() + " on " + device.lane() + ", " + revoked + " revoked: " + reason);
        return new Issued(device, token);
    }

    /** The device taken out of service: its token stops working; its record stays, for the audit. */
    public Device revoke(Transaction tx, String deviceId, String reason) {
        Device device = inService(tx, deviceId);
        revokeTokens(tx, deviceId);
        Device revoked = device.revokedBy(tx.now(), tx.actor(), reason);
        tx.put(StoreName.DEVICES, revoked.id(), revoked);
        tx.audit("DEVICE_REVOKED", device.id(), device.kind() + " on " + device.lane() + ": " + reason);
        return revoked;
    }

    /**
     * Forgets every remembered token and closes the device's open connections: called once a
     * rotation or revocation is in the store, so that the old token is looked up again (and
     * refused) from the next request on, and a socket opened with it does not outlive it.
     */
    public void credentialsChanged(String deviceId) {
        generation.incrementAndGet();
        byToken.clear();
        Set<Runnable> open = connections.remove(deviceId);
        if (open != null) {
            open.forEach(Runnable::run);
        }
    }

    /**
     * Registers how to close a connection the device opened with its token; the returned action
     * unregisters it (call it when the connection closes by itself).
     */
    public Runnable whileConnected(String deviceId, Runnable close) {
        connections
                .computeIfAbsent(deviceId, id -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                .add(close);
        return () -> connections.computeIfPresent(deviceId, (id, set) -> {
            set.remove(close);
            return set.isEmpty() ? null : set;
        });
    }

    /** Every device, in service or revoked, by lane then kind. A scan: from a worker thread. */
    public List<Device> list() {
        List<Device> result = new ArrayList<>();
        stores.store(StoreName.DEVICES).forEach((id, json) -> result.add(JsonCodec.read(json, Device.class)));
        result.sort(java.util.Comparator.comparing(Device::lane)
                .thenComparing(Device::kind)
                .thenComparing(Device::registeredAt));
        return result;
    }

    private static Device inService(Transaction tx, String deviceId) {
        Device device = tx.get(StoreName.DEVICES, deviceId, Device.class);
        if (device == null) {
            throw hk.seamless.rules.RuleViolation.notFound("no device " + deviceId);
        }
        if (device.revoked()) {
            throw hk.seamless.rules.RuleViolation.conflict("device " + deviceId + " was revoked");
        }
        return device;
    }

    /** A scan of the device credentials: rare (an admin's action) and the store is small. */
    private int revokeTokens(Transaction tx, String deviceId) {
        List<String> hashes = new ArrayList<>();
        stores.store(StoreName.DEVICE_CREDENTIALS).forEach((hash, owner) -> {
            if (owner.equals(deviceId)) {
                hashes.add(hash);
            }
        });
        hashes.forEach(h -> tx.remove(StoreName.DEVICE_CREDENTIALS, h));
        return hashes.size();
    }

    /** The device a token belongs to, from any thread. */
    public Optional<Device> byToken(String token) {
        long current = generation.get();
        Remembered known = byToken.get(token);
        if (known != null && known.generation() == current) {
            return Optional.of(known.device());
        }
        String id = stores.store(StoreName.DEVICE_CREDENTIALS).get(Tokens.hash(token));
        String json = id == null ? null : stores.store(StoreName.DEVICES).get(id);
        Optional<Device> device = Optional.ofNullable(json)
                .map(j -> JsonCodec.read(j, Device.class))
                .filter(d -> !d.revoked());
        device.ifPresent(d -> byToken.put(token, new Remembered(d, current)));
        return device;
    }

    public Optional<Lane> lane(String laneId) {
        return Optional.ofNullable(lanes.get(laneId));
    }
}
