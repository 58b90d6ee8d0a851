package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;

/**
 * Registers the run's vehicles as their truckers would. A mark or tag an earlier run took (409) is
 * replaced by another, so a run can follow another on the same engine.
 */
final class FleetRegistrar {

    private static final int TRIES = 10;

    private final EngineClient engine;
    private final VehicleFactory factory;

    FleetRegistrar(EngineClient engine, VehicleFactory factory) {
        this.engine = engine;
        this.factory = factory;
    }

    /** Registers {@code first}, or a replacement when it is taken; returns the vehicle registered. */
    SimVehicle register(SimVehicle first, String owner) throws Exception {
        SimVehicle v = first;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            if (registered(v, owner)) {
                return v;
            }
            v = factory.replace(v);
        }
        throw new IllegalStateException("could not find a free vehicle mark after " + TRIES + " tries");
    }

    /**
     * A vehicle to be bundled and its unbundled look-alike twin, both the {@code owner}'s; returns the
     * twin (it carries its partner).
     */
    SimVehicle registerTwins(String owner) throws Exception {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            SimVehicle partner = register(factory.next(true, true), owner);
            SimVehicle twin = factory.twinOf(partner);
            if (registered(twin, owner)) {
                return twin;
            }
        }
        throw new IllegalStateException("could not find a free pair of look-alike marks after " + TRIES + " tries");
    }

    /** True when registered, false when its mark or tag is taken; anything else fails. */
    private boolean registered(SimVehicle v, String owner) throws Exception {
        EngineClient.Answer a = engine.postJson("/api/v1/vehicles", owner, registration(v));
        if (a.status() == 201) {
            return true;
        }
        if (a.status() != 409) {
            throw new IllegalStateException("registering vehicle " + v.display + ": " + a.status() + " " + a.body());
        }
        return false;
    }

    private static JsonObject registration(SimVehicle v) {
        JsonObject vehicle = new JsonObject().put("registrationMark", v.display);
        return v.epc == null ? vehicle : vehicle.put("rfidTag", v.epc);
    }
}
