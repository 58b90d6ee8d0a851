package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vehicles, bundling, unbundling, and the limit on failed bundling attempts. */
class BundleApiTest extends EngineHarness {

    // ---- vehicles ----

    @Test
    void registerVehicleWithRfidTag() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = TradeApiClient.uniqueMark();
        String tag = TradeApiClient.uniqueTag();
        ApiResponse response =
                api.registerVehicleRaw(trucker.token(), mark, tag).expect(201);
        JsonObject vehicle = response.json();
        assertEquals(mark, vehicle.getString("registrationMark"));
        assertEquals(tag, vehicle.getString("rfidTag"));
        JsonArray listed =
                api.get("/api/v1/vehicles", trucker.token()).expect(200).json().getJsonArray("vehicles");
        assertEquals(1, listed.size());
        assertEquals(mark, listed.getJsonObject(0).getString("registrationMark"));
        // Another trucker's list does not show it.
        TradeApiClient.Account other = api.newAccount("TRUCKER");
        assertTrue(api.get("/api/v1/vehicles", other.token())
                .expect(200)
                .json()
                .getJsonArray("vehicles")
                .isEmpty());
    }

    @Test
    void invalidMarkNamesRegistrationMark() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        for (String bad : List.of("AB0123", "IO123", "AB12345", "A1", "粤Z·A123港", "AB  12", "ABCDEFGHJ", "1234", "")) {
            api.registerVehicleRaw(trucker.token(), bad, null).problemNaming(400, "registrationMark");
        }
        api.post("/api/v1/vehicles", trucker.token(), new JsonObject()).problemNaming(400, "registrationMark");
        api.post("/api/v1/vehicles", trucker.token(), new JsonObject().put("registrationMark", 1234))
                .problemNaming(400, "registrationMark");
        api.registerVehicleRaw(trucker.token(), TradeApiClient.uniqueMark(), "not-hex!")
                .problemNaming(400, "rfidTag");
        assertTrue(api.get("/api/v1/vehicles", trucker.token())
                .expect(200)
                .json()
                .getJsonArray("vehicles")
                .isEmpty());
    }

    @Test
    void duplicateMarkIsConflictIgnoringCaseAndSpaces() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        TradeApiClient.Account other = api.newAccount("TRUCKER");
        String mark = TradeApiClient.uniqueMark();
        api.registerVehicleRaw(trucker.token(), mark, null).expect(201);
        api.registerVehicleRaw(trucker.token(), mark, null).problem(409);
        String spaced = (mark.substring(0, 2) + " " + mark.substring(2)).toLowerCase();
        api.registerVehicleRaw(other.token(), spaced, null).problem(409);
        String hyphened = mark.substring(0, 2) + "-" + mark.substring(2);
        api.registerVehicleRaw(other.token(), hyphened, null).problem(409);
        assertTrue(api.get("/api/v1/vehicles", other.token())
                .expect(200)
                .json()
                .getJsonArray("vehicles")
                .isEmpty());
    }

    @Test
    void rfidTagNamesOneVehicle() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String tag = TradeApiClient.uniqueTag();
        api.registerVehicleRaw(trucker.token(), TradeApiClient.uniqueMark(), tag)
                .expect(201);
        String second = TradeApiClient.uniqueMark();
        api.registerVehicleRaw(trucker.token(), second, tag).problem(409);
        // The refused registration left nothing behind: the mark is still free.
        api.registerVehicleRaw(trucker.token(), second, null).expect(201);
    }

    @Test
    void onlyTruckersRegisterVehicles() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        api.registerVehicleRaw(shipper.token(), TradeApiClient.uniqueMark(), null)
                .problem(403);
    }

    // ---- bundling ----

    @Test
    void bundleTwoCcrns() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String first = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        String second = api.lodge(shipper.token(), TradeApiClient.bulk("IMPORT", today()))
                .getString("ccrn");
        String mark = api.newVehicle(trucker.token());

        clock.set(START.plusSeconds(17));
        ApiResponse response =
                api.bundleRaw(trucker.token(), mark, "IMPORT", first, second).expect(201);
        JsonObject bundle = response.json();
        assertEquals("ACTIVE", bundle.getString("status"));
        String bundleId = bundle.getString("bundleId");
        assertNotNull(bundleId);
        assertNotNull(response.header("Location"));
        assertTrue(response.header("Location").endsWith(bundleId), response.header("Location"));
        String earliest = bundle.getString("earliestCrossingAt");
        assertNotNull(earliest, bundle.encode());
        OffsetDateTime earliestAt = OffsetDateTime.parse(earliest);
        assertEquals(ZoneOffset.ofHours(8), earliestAt.getOffset(), "times are given in Hong Kong time: " + earliest);
        assertTrue(earliest.endsWith("+08:00"), earliest);
        assertEquals(START.plusSeconds(17).plus(Duration.ofMinutes(30)), earliestAt.toInstant());
        assertEquals("2026-11-17T10:30:17.000+08:00", earliest);
        assertEquals(List.of(first, second), bundle.getJsonArray("ccrns").getList());

        for (String ccrn : List.of(first, second)) {
            JsonObject owned = api.consignment(shipper.token(), ccrn);
            assertEquals("BUNDLED", owned.getString("status"));
            assertEquals(bundleId, owned.getString("bundleId"));
        }

        // The trucker who bundled it sees a summary: not the parties, not the goods.
        JsonObject summary = api.consignment(trucker.token(), first);
        assertEquals(first, summary.getString("ccrn"));
        assertEquals("BUNDLED", summary.getString("status"));
        assertNull(summary.getValue("consignor"), summary.encode());
        assertNull(summary.getValue("consignee"), summary.encode());
        assertNull(summary.getValue("packaged"), summary.encode());
        assertFalse(summary.encode().contains("Shenzhen"), summary.encode());
        assertFalse(api.consignment(trucker.token(), second).encode().contains("Diesel"));
        // The trucker cannot read the history either.
        api.get("/api/v1/consignments/" + first + "/versions", trucker.token()).problem(404);
        // Another trucker sees nothing at all.
        TradeApiClient.Account stranger = api.newAccount("TRUCKER");
        api.get("/api/v1/consignments/" + first, stranger.token()).problem(404);

        JsonObject read = api.get("/api/v1/bundles/" + bundleId, trucker.token())
                .expect(200)
                .json();
        assertEquals("ACTIVE", read.getString("status"));
        assertEquals(earliest, read.getString("earliestCrossingAt"));
        api.get("/api/v1/bundles/" + bundleId, stranger.token()).problem(404);
        api.delete("/api/v1/bundles/" + bundleId, stranger.token()).problem(404);
        assertEquals(
                "ACTIVE",
                api.get("/api/v1/bundles/" + bundleId, trucker.token())
                        .expect(200)
                        .json()
                        .getString("status"));
    }

    @Test
    void oneActiveBundlePerVehicleAndDirection() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        String in1 = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        String in2 = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        String out = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(1));
        api.bundle(trucker.token(), mark, "IMPORT", in1);
        api.bundleRaw(trucker.token(), mark, "IMPORT", in2).problem(409);
        // The same mark written another way is the same vehicle.
        api.bundleRaw(trucker.token(), mark.toLowerCase(), "IMPORT", in2).problem(409);
        assertEquals("LODGED", api.consignment(shipper.token(), in2).getString("status"));
        // The other direction is free.
        api.bundle(trucker.token(), mark, "EXPORT", out);
    }

    @Test
    void ccrnOfTheWrongDirectionIsRefusedByIndex() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        String good = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        String wrongWay = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(1));
        JsonObject problem =
                api.bundleRaw(trucker.token(), mark, "IMPORT", good, wrongWay).problemNaming(422, "ccrns[1]");
        assertFalse(ApiResponse.fields(problem).contains("ccrns[0]"), problem.encode());
        // Nothing was bundled: the good one is still LODGED and the vehicle is free.
        assertEquals("LODGED", api.consignment(shipper.token(), good).getString("status"));
        api.bundle(trucker.token(), mark, "IMPORT", good);
    }

    @Test
    void cancelledAndUnknownCcrnsAreRefusedByIndex() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        String good = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(1));
        String cancelled = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(1));
        api.delete("/api/v1/consignments/" + cancelled, shipper.token()).expect(200);
        String unknown = TradeApiClient.unknownCcrn();

        api.bundleRaw(trucker.token(), mark, "EXPORT", cancelled).problemNaming(422, "ccrns[0]");
        api.bundleRaw(trucker.token(), mark, "EXPORT", good, unknown).problemNaming(422, "ccrns[1]");
        JsonObject both = api.bundleRaw(trucker.token(), mark, "EXPORT", unknown, good, cancelled)
                .problem(422);
        assertTrue(ApiResponse.fields(both).containsAll(List.of("ccrns[0]", "ccrns[2]")), both.encode());
        assertEquals("LODGED", api.consignment(shipper.token(), good).getString("status"));
        // A mistyped CCRN is a 400 naming it, not a 422.
        api.bundleRaw(trucker.token(), mark, "EXPORT", good, TradeApiClient.wrongCheckDigit(good))
                .problemNaming(400, "ccrns[1]");
    }

    @Test
    void alreadyBundledCcrnCannotGoOnASecondVehicle() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        api.bundle(trucker.token(), api.newVehicle(trucker.token()), "IMPORT", ccrn);
        TradeApiClient.Account other = api.newAccount("TRUCKER");
        api.bundleRaw(other.token(), api.newVehicle(other.token()), "IMPORT", ccrn)
                .problemNaming(422, "ccrns[0]");
    }

    @Test
    void vehicleMustBeTheTruckersOwn() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account owner = api.newAccount("TRUCKER");
        TradeApiClient.Account other = api.newAccount("TRUCKER");
        String mark = api.newVehicle(owner.token());
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        api.bundleRaw(other.token(), mark, "IMPORT", ccrn).problemNaming(422, "vehicleMark");
        api.bundleRaw(other.token(), TradeApiClient.uniqueMark(), "IMPORT", ccrn)
                .problemNaming(422, "vehicleMark");
        api.bundleRaw(other.token(), "IO0", "IMPORT", ccrn).problemNaming(400, "vehicleMark");
        api.bundle(owner.token(), mark, "IMPORT", ccrn);
    }

    @Test
    void emptyVehicleBundle() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        JsonObject bundle = api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", mark)
                                .put("direction", "EXPORT")
                                .put("empty", true))
                .expect(201)
                .json();
        assertEquals("ACTIVE", bundle.getString("status"));
        assertEquals(Boolean.TRUE, bundle.getBoolean("empty"));
        assertTrue(
                bundle.getJsonArray("ccrns") == null
                        || bundle.getJsonArray("ccrns").isEmpty(),
                bundle.encode());
        assertEquals(
                START.plus(Duration.ofMinutes(30)),
                OffsetDateTime.parse(bundle.getString("earliestCrossingAt")).toInstant());
        // Empty for EXPORT still blocks a second EXPORT bundle.
        api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", mark)
                                .put("direction", "EXPORT")
                                .put("empty", true))
                .problem(409);
    }

    @Test
    void emptyWithCcrnsOrNeitherIs400() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        JsonObject problem = api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", mark)
                                .put("direction", "IMPORT")
                                .put("empty", true)
                                .put("ccrns", new JsonArray().add(ccrn)))
                .problem(400);
        List<String> fields = ApiResponse.fields(problem);
        assertTrue(fields.contains("empty") || fields.contains("ccrns"), fields.toString());
        api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject().put("vehicleMark", mark).put("direction", "IMPORT"))
                .problemNaming(400, "ccrns");
        api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", mark)
                                .put("direction", "IMPORT")
                                .put("ccrns", new JsonArray()))
                .problemNaming(400, "ccrns");
        api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", mark)
                                .put("direction", "WEST")
                                .put("ccrns", new JsonArray().add(ccrn)))
                .problemNaming(400, "direction");
        api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", mark)
                                .put("direction", "IMPORT")
                                .put("ccrns", new JsonArray().add(ccrn).add(ccrn)))
                .problemNaming(400, "ccrns[1]");
        assertEquals("LODGED", api.consignment(shipper.token(), ccrn).getString("status"));
    }

    @Test
    void unbundleReturnsCcrnsToLodgedAndRebundlingRestartsTheLead() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        String a = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        String b = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        JsonObject first = api.bundle(trucker.token(), mark, "IMPORT", a, b);
        Instant firstEarliest =
                OffsetDateTime.parse(first.getString("earliestCrossingAt")).toInstant();
        assertEquals(START.plus(Duration.ofMinutes(30)), firstEarliest);

        clock.advance(Duration.ofMinutes(12));
        JsonObject ended = api.delete("/api/v1/bundles/" + first.getString("bundleId"), trucker.token())
                .expect(200)
                .json();
        assertEquals("UNBUNDLED", ended.getString("status"));
        for (String ccrn : List.of(a, b)) {
            JsonObject c = api.consignment(shipper.token(), ccrn);
            assertEquals("LODGED", c.getString("status"));
            assertNull(c.getValue("bundleId"), c.encode());
        }
        // No longer bundled by this trucker: the summary is gone too.
        api.get("/api/v1/consignments/" + a, trucker.token()).problem(404);
        // Unbundling twice is a conflict.
        api.delete("/api/v1/bundles/" + first.getString("bundleId"), trucker.token())
                .problem(409);

        clock.advance(Duration.ofMinutes(3));
        JsonObject second = api.bundle(trucker.token(), mark, "IMPORT", a);
        assertNotEquals(first.getString("bundleId"), second.getString("bundleId"));
        Instant secondEarliest =
                OffsetDateTime.parse(second.getString("earliestCrossingAt")).toInstant();
        assertEquals(START.plus(Duration.ofMinutes(15 + 30)), secondEarliest, "a new bundle starts a new 30 minutes");
        assertEquals("BUNDLED", api.consignment(shipper.token(), a).getString("status"));
        assertEquals("LODGED", api.consignment(shipper.token(), b).getString("status"));
    }

    @Test
    void failedBundlingAttemptsAreRateLimited() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account guesser = api.newAccount("TRUCKER");
        String mark = api.newVehicle(guesser.token());
        String real = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        int limit =
                api.get("/api/v1/settings", guesser.token()).expect(200).json().getInteger("failedBundlingLimit", 10);
        assertEquals(10, limit, "the default limit");
        for (int i = 0; i < limit; i++) {
            clock.advance(Duration.ofSeconds(5));
            api.bundleRaw(guesser.token(), mark, "IMPORT", TradeApiClient.unknownCcrn())
                    .problem(422);
        }
        clock.advance(Duration.ofSeconds(5));
        ApiResponse blocked = api.bundleRaw(guesser.token(), mark, "IMPORT", TradeApiClient.unknownCcrn());
        blocked.problem(429);
        String retryAfter = blocked.header("Retry-After");
        assertNotNull(retryAfter, "429 must say when to retry");
        long seconds = Long.parseLong(retryAfter.trim());
        assertTrue(seconds >= 1 && seconds <= 15 * 60 + 1, "Retry-After " + seconds);
        // Blocked is blocked: even a CCRN that exists is not tried while the account waits.
        api.bundleRaw(guesser.token(), mark, "IMPORT", real).problem(429);
        assertEquals("LODGED", api.consignment(shipper.token(), real).getString("status"));

        // Another trucker is not affected.
        TradeApiClient.Account honest = api.newAccount("TRUCKER");
        api.bundle(honest.token(), api.newVehicle(honest.token()), "IMPORT", real);
        api.delete("/api/v1/bundles/" + api.consignment(shipper.token(), real).getString("bundleId"), honest.token())
                .expect(200);

        // After the period has passed the guesser may bundle again.
        clock.advance(Duration.ofMinutes(15).plusSeconds(Math.max(seconds, 60)));
        api.bundle(guesser.token(), mark, "IMPORT", real);
    }

    @Test
    void shipperCannotBundle() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        api.bundleRaw(shipper.token(), TradeApiClient.uniqueMark(), "IMPORT", ccrn)
                .problem(403);
        api.bundleRaw(null, TradeApiClient.uniqueMark(), "IMPORT", ccrn).problem(401);
        TradeApiClient.Account officer = api.newAccount("OFFICER");
        api.bundleRaw(officer.token(), TradeApiClient.uniqueMark(), "IMPORT", ccrn)
                .problem(403);
        assertEquals("LODGED", api.consignment(shipper.token(), ccrn).getString("status"));
    }
}
