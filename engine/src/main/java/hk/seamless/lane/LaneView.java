package hk.seamless.lane;

import hk.seamless.store.JsonCodec;
import hk.seamless.store.KeyValueStore;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;

import java.util.Optional;

/**
 * The lane side's off-heap maps: ACTIVE bundles by vehicle mark and direction, vehicles by RFID
 * tag. Fed only by the registry-change stream, so that when each control point runs its own engine
 * the same feed can come over a topic and the lane side never reaches into the registry.
 */
public final class LaneView implements RegistryChangeListener {

    private final KeyValueStore bundles;
    private final KeyValueStore vehiclesByTag;
    private final KeyValueStore consignments;

    public LaneView(Stores stores) {
        this.bundles = stores.store(StoreName.LANE_BUNDLES);
        this.vehiclesByTag = stores.store(StoreName.LANE_VEHICLES_BY_TAG);
        this.consignments = stores.store(StoreName.LANE_CONSIGNMENTS);
    }

    @Override
    public void onChange(RegistryChange change) {
        for (RegistryChange.Write write : change.writes()) {
            if (write.value() == null) {
                continue;
            }
            if (write.store() == StoreName.BUNDLES) {
                onBundle(JsonCodec.read(write.value(), LaneBundle.class));
            } else if (write.store() == StoreName.VEHICLES) {
                onVehicle(JsonCodec.read(write.value(), LaneVehicle.class));
            } else if (write.store() == StoreName.CONSIGNMENTS) {
                onConsignment(io.vertx.core.json.Json.decodeValue(write.value(), io.vertx.core.json.JsonObject.class));
            }
        }
    }

    private void onBundle(LaneBundle bundle) {
        String key = key(bundle.vehicleMark(), bundle.direction());
        if ("ACTIVE".equals(bundle.status())) {
            bundles.put(key, JsonCodec.write(bundle));
        } else {
            String current = bundles.get(key);
            // Only the bundle that ended is dropped: a newer ACTIVE one for the same vehicle stays.
            if (current != null && JsonCodec.read(current, LaneBundle.class).id().equals(bundle.id())) {
                bundles.remove(key);
            }
        }
    }

    private void onVehicle(LaneVehicle vehicle) {
        if (vehicle.rfidTag() != null) {
            vehiclesByTag.put(vehicle.rfidTag(), vehicle.registrationMark());
        }
    }

    /**
     * Keeps what the lane checks of a consignment. Parties are kept in the watch list's canonical
     * form, so that the lane compares without normalising names on the hot path.
     */
    private void onConsignment(io.vertx.core.json.JsonObject c) {
        io.vertx.core.json.JsonObject cargo = c.getJsonObject("cargo", new io.vertx.core.json.JsonObject());
        String consignor = cargo.getJsonObject("consignor", new io.vertx.core.json.JsonObject()).getString("name", "");
        String consignee = cargo.getJsonObject("consignee", new io.vertx.core.json.JsonObject()).getString("name", "");
        io.vertx.core.json.JsonObject packaged = cargo.getJsonObject("packaged");
        io.vertx.core.json.JsonObject bulk = cargo.getJsonObject("bulk");
        String goods = packaged != null ? packaged.getString("articlesDescription", "")
                : bulk != null ? bulk.getString("description", "") : "";
        LaneConsignment lane = new LaneConsignment(c.getString("ccrn"), c.getString("status"),
                java.time.LocalDate.parse(cargo.getString("expectedDate")),
                hk.seamless.risk.PartyNames.canonical(consignor), hk.seamless.risk.PartyNames.canonical(consignee),
                goods.toUpperCase(java.util.Locale.ROOT));
        consignments.put(lane.ccrn(), JsonCodec.write(lane));
    }

    public Optional<LaneConsignment> consignment(String ccrn) {
        String json = consignments.get(ccrn);
        return Optional.ofNullable(json).map(j -> JsonCodec.read(j, LaneConsignment.class));
    }

    /** Whether the vehicle has an ACTIVE bundle for the direction: who is expected at the lane. */
    public boolean hasActiveBundle(CharSequence canonicalMark, String direction) {
        return bundles.get(canonicalMark + "|" + direction) != null;
    }

    public Optional<LaneBundle> activeBundle(String canonicalMark, String direction) {
        String json = bundles.get(key(canonicalMark, direction));
        return Optional.ofNullable(json).map(j -> JsonCodec.read(j, LaneBundle.class));
    }

    public Optional<String> vehicleByTag(String epc) {
        return Optional.ofNullable(vehiclesByTag.get(epc));
    }

    private static String key(String mark, String direction) {
        return mark + "|" + direction;
    }
}
