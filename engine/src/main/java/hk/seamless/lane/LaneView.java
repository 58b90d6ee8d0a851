package hk.seamless.lane;

import hk.seamless.config.Direction;
import hk.seamless.risk.PartyNames;
import hk.seamless.store.KeyValueStore;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The lane side's off-heap maps: ACTIVE bundles by vehicle mark and direction, vehicles by RFID
 * tag, registered vehicles' marks, bundled consignments by CCRN, accounts suspended now. Fed only by the registry-change stream (the registry's JSON,
 * read as plain JSON: the lane side never uses the registry's classes), so that when each control
 * point runs its own engine the same feed can come over a topic.
 *
 * <p>Written on the registry writer thread; read on the pipeline thread, in compact layouts, into
 * the caller's reusable buffers ({@code getUsing}): a decision's look-ups allocate nothing.
 */
public final class LaneView implements RegistryChangeListener {

    private final KeyValueStore bundles;
    private final KeyValueStore vehiclesByTag;
    private final KeyValueStore consignments;
    private final KeyValueStore registeredVehicles;
    private final KeyValueStore suspendedAccounts;
    /** The pipeline thread's key buffer (reads happen on that thread only). */
    private final StringBuilder readKey = new StringBuilder(32);

    public LaneView(Stores stores) {
        this.bundles = stores.store(StoreName.LANE_BUNDLES);
        this.vehiclesByTag = stores.store(StoreName.LANE_VEHICLES_BY_TAG);
        this.consignments = stores.store(StoreName.LANE_CONSIGNMENTS);
        this.registeredVehicles = stores.store(StoreName.LANE_VEHICLES);
        this.suspendedAccounts = stores.store(StoreName.LANE_SUSPENDED_ACCOUNTS);
    }

    @Override
    public void onChange(RegistryChange change) {
        for (RegistryChange.Write write : change.writes()) {
            if (write.value() == null) {
                continue;
            }
            switch (write.store()) {
                case BUNDLES -> onBundle(new JsonObject(write.value()));
                case VEHICLES -> onVehicle(new JsonObject(write.value()));
                case CONSIGNMENTS -> onConsignment(new JsonObject(write.value()));
                case ACCOUNTS -> onAccount(new JsonObject(write.value()));
                default -> { }
            }
        }
    }

    private void onBundle(JsonObject bundle) {
        String key = bundle.getString("vehicleMark") + "|" + bundle.getString("direction");
        String id = bundle.getString("id");
        if ("ACTIVE".equals(bundle.getString("status"))) {
            bundles.put(key, BundleAtLane.encode(id, Instant.parse(bundle.getString("earliestCrossingAt")).toEpochMilli(),
                    bundle.getBoolean("empty", false), strings(bundle.getJsonArray("riskHits")),
                    strings(bundle.getJsonArray("ccrns")), bundle.getString("trucker")));
        } else {
            String current = bundles.get(key);
            // Only the bundle that ended is dropped: a newer ACTIVE one for the same vehicle stays.
            if (current != null && current.startsWith(id + CompactValue.SEPARATOR)) {
                bundles.remove(key);
            }
        }
    }

    private void onVehicle(JsonObject vehicle) {
        registeredVehicles.put(vehicle.getString("registrationMark"), "1");
        String tag = vehicle.getString("rfidTag");
        if (tag != null) {
            vehiclesByTag.put(tag, vehicle.getString("registrationMark"));
        }
    }

    /**
     * Only BUNDLED consignments matter at a lane (any other state makes its CCRN invalid there), so
     * only those are kept: lodgements and crossings cost the lane side a removal at most. Parties
     * are kept in the watch list's canonical form: the lane compares, never normalises.
     */
    private void onConsignment(JsonObject c) {
        if (!"BUNDLED".equals(c.getString("status"))) {
            consignments.remove(c.getString("ccrn"));
            return;
        }
        JsonObject cargo = c.getJsonObject("cargo", new JsonObject());
        String consignor = cargo.getJsonObject("consignor", new JsonObject()).getString("name", "");
        String consignee = cargo.getJsonObject("consignee", new JsonObject()).getString("name", "");
        consignments.put(c.getString("ccrn"), ConsignmentAtLane.encode(c.getString("status"),
                LocalDate.parse(cargo.getString("expectedDate")).toEpochDay(),
                PartyNames.canonical(consignor), PartyNames.canonical(consignee), c.getString("owner", ""),
                PartyNames.canonical(goods(cargo))));
    }

    /** The description of goods targeting rules look at, as the bundling assessment reads it. */
    private static String goods(JsonObject cargo) {
        JsonObject packaged = cargo.getJsonObject("packaged");
        if (packaged != null) {
            return packaged.getString("packageDescription", "") + " " + packaged.getString("articlesDescription", "");
        }
        JsonObject bulk = cargo.getJsonObject("bulk");
        return bulk == null ? "" : bulk.getString("description", "");
    }

    /** Suspension reaches the lane at once; reinstatement (or any other status) lifts it. */
    private void onAccount(JsonObject account) {
        String id = account.getString("id");
        if ("SUSPENDED".equals(account.getString("status"))) {
            suspendedAccounts.put(id, "1");
        } else {
            suspendedAccounts.remove(id);
        }
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }

    // ---- reads: the pipeline thread only ----

    /** Reads the vehicle's ACTIVE bundle for the direction into {@code into}; false when it has none. */
    public boolean activeBundle(CharSequence canonicalMark, Direction direction, BundleAtLane into) {
        key(canonicalMark, direction);
        if (!bundles.getUsing(readKey, into.raw)) {
            return false;
        }
        into.wrap();
        return true;
    }

    /** Whether the vehicle has an ACTIVE bundle for the direction: who is expected at the lane. */
    public boolean hasActiveBundle(CharSequence canonicalMark, Direction direction) {
        key(canonicalMark, direction);
        return bundles.containsKey(readKey);
    }

    public boolean consignment(CharSequence ccrn, ConsignmentAtLane into) {
        if (!consignments.getUsing(ccrn, into.raw)) {
            return false;
        }
        into.wrap();
        return true;
    }

    /** Whether a vehicle with exactly this canonical mark is registered (bundled or not). */
    public boolean isRegistered(CharSequence canonicalMark) {
        return registeredVehicles.containsKey(canonicalMark);
    }

    /** Whether this account is suspended now; an empty id (a record from before ids were kept) is not. */
    public boolean isSuspended(CharSequence accountId) {
        return accountId.length() > 0 && suspendedAccounts.containsKey(accountId);
    }

    /** Writes the mark of the vehicle carrying this tag into {@code mark}; false for an unknown tag. */
    public boolean vehicleByTag(CharSequence epc, StringBuilder mark) {
        return vehiclesByTag.getUsing(epc, mark);
    }

    private void key(CharSequence mark, Direction direction) {
        readKey.setLength(0);
        readKey.append(mark).append('|').append(direction.name());
    }
}
