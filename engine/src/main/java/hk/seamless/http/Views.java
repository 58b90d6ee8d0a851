package hk.seamless.http;

import hk.seamless.config.HongKong;
import hk.seamless.trade.Account;
import hk.seamless.trade.BulkCargo;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.LodgementTemplate;
import hk.seamless.trade.LodgementWindow;
import hk.seamless.trade.PackagedCargo;
import hk.seamless.trade.Party;
import hk.seamless.trade.Vehicle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * How records look on the wire. Times are given in Hong Kong time with their offset
 * ("2026-12-01T09:30:00.000+08:00"): the people reading them are at the boundary.
 */
public final class Views {

    private Views() {}

    /** A time as the engine gives times: Hong Kong time, to the millisecond ({@link HongKong#TIME_FORMAT}). */
    public static String time(Instant instant) {
        return HongKong.time(instant);
    }

    public static JsonObject consignment(Consignment c, Instant now, LodgementWindow window) {
        JsonObject json = new JsonObject()
                .put("ccrn", c.ccrn())
                .put("status", c.statusAt(now, window).name())
                .put("version", c.version())
                .put("lodgedAt", time(c.lodgedAt()))
                .put("updatedAt", time(c.updatedAt()));
        if (c.bundleId() != null) {
            json.put("bundleId", c.bundleId());
        }
        if (c.crossing() != null) {
            json.put("crossing", crossing(c.crossing()));
        }
        return json.mergeIn(cargo(c.cargo()));
    }

    /**
     * A consignment as its owner's list shows it: the whole record, and the two party names at the
     * top level, so that a list page can show and search them without digging into the cargo.
     */
    public static JsonObject consignmentListItem(Consignment c, Instant now, LodgementWindow window) {
        return consignment(c, now, window)
                .put("consignorName", c.cargo().consignor().name())
                .put("consigneeName", c.cargo().consignee().name());
    }

    /** What the trucker who bundled a consignment may see of it: not the parties or the goods. */
    public static JsonObject consignmentSummary(Consignment c, Instant now, LodgementWindow window) {
        return new JsonObject()
                .put("ccrn", c.ccrn())
                .put("status", c.statusAt(now, window).name())
                .put("direction", c.cargo().direction().name())
                .put("expectedDate", c.cargo().expectedDate().toString())
                .put("cargoKind", c.cargo().packaged() != null ? "PACKAGED" : "BULK")
                .put("bundleId", c.bundleId());
    }

    public static JsonObject cargo(CargoInformation cargo) {
        JsonObject json = new JsonObject()
                .put("direction", cargo.direction().name())
                .put("expectedDate", cargo.expectedDate().toString())
                .put("consignor", party(cargo.consignor()))
                .put("consignee", party(cargo.consignee()));
        if (cargo.packaged() != null) {
            PackagedCargo p = cargo.packaged();
            json.put(
                    "packaged",
                    new JsonObject()
                            .put("packageDescription", p.packageDescription())
                            .put("packageCount", p.packageCount())
                            .put("articlesDescription", p.articlesDescription()));
        } else {
            BulkCargo b = cargo.bulk();
            JsonObject bulk = new JsonObject();
            if (b.grossWeightKg() != null) {
                bulk.put("grossWeightKg", b.grossWeightKg());
            }
            if (b.grossVolumeM3() != null) {
                bulk.put("grossVolumeM3", b.grossVolumeM3());
            }
            if (b.quantity() != null) {
                bulk.put("quantity", b.quantity());
            }
            json.put("bulk", bulk.put("description", b.description()));
        }
        return json;
    }

    private static JsonObject crossing(hk.seamless.trade.Crossing crossing) {
        return new JsonObject()
                .put("controlPoint", crossing.controlPoint())
                .put("lane", crossing.lane())
                .put("arrivalId", crossing.arrivalId())
                .put("crossedAt", time(crossing.crossedAt()));
    }

    private static JsonObject party(Party party) {
        return new JsonObject().put("name", party.name()).put("address", party.address());
    }

    public static JsonObject bundle(Bundle b) {
        JsonObject json = new JsonObject()
                .put("bundleId", b.id())
                .put("status", b.status().name())
                .put("vehicleMark", b.vehicleMarkDisplay())
                .put("direction", b.direction().name())
                .put("ccrns", new JsonArray(b.ccrns()))
                .put("empty", b.empty())
                .put("bundledAt", time(b.bundledAt()))
                .put("earliestCrossingAt", time(b.earliestCrossingAt()));
        if (b.endedAt() != null) {
            json.put("endedAt", time(b.endedAt()));
        }
        if (b.crossing() != null) {
            json.put("crossing", crossing(b.crossing()));
        }
        return json;
    }

    /**
     * A bundle as an officer sees it: with the risk hits found at bundling. Never shown to the
     * trucker, who would learn that the vehicle or a party is watched.
     */
    public static JsonObject bundleForOfficer(Bundle b) {
        return bundle(b).put("riskHits", new JsonArray(b.riskHits()));
    }

    public static JsonObject template(LodgementTemplate t) {
        return new JsonObject()
                .put("name", t.name())
                .put("savedAt", time(t.savedAt()))
                .put("cargo", new JsonObject(t.cargo()));
    }

    public static JsonObject vehicle(Vehicle v) {
        JsonObject json =
                new JsonObject().put("registrationMark", v.display()).put("registeredAt", time(v.registeredAt()));
        if (v.rfidTag() != null) {
            json.put("rfidTag", v.rfidTag());
        }
        return json;
    }

    public static JsonObject account(Account a) {
        JsonObject json = new JsonObject()
                .put("accountId", a.id())
                .put("role", a.role().name())
                .put("name", a.name())
                .put("status", a.status().name())
                .put("registeredAt", time(a.registeredAt()));
        if (a.email() != null) {
            json.put("email", a.email());
        }
        return json;
    }

    /** An account as the admin's registration queue shows it: with the contact details to vet it by. */
    public static JsonObject registration(Account a) {
        JsonObject json = account(a).put("registrationId", a.id());
        if (a.phone() != null) {
            json.put("phone", a.phone());
        }
        if (a.businessRegistrationNo() != null) {
            json.put("businessRegistrationNo", a.businessRegistrationNo());
        }
        if (a.decidedAt() != null) {
            json.put("decidedAt", time(a.decidedAt()));
        }
        return json;
    }
}
