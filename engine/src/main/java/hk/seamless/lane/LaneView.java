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

    public LaneView(Stores stores) {
        this.bundles = stores.store(StoreName.LANE_BUNDLES);
        this.vehiclesByTag = stores.store(StoreName.LANE_VEHICLES_BY_TAG);
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
