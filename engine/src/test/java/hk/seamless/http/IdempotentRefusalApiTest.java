package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A refusal is as much the answer to an Idempotency-Key as a success: the same key and body get
 * the same refusal back, even once the request would now be done, and nothing is done again; the
 * same key with another body is a 422. Transient refusals (429) are not kept: the client retries.
 */
class IdempotentRefusalApiTest extends EngineHarness {

    private static final String KEY = "Idempotency-Key";

    @Test
    void aBundlingRefusedForItsDirectionIsRefusedAgainAfterTheConsignmentIsAmended() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        JsonObject cargo = TradeApiClient.packaged("EXPORT", today().plusDays(2));
        String ccrn = api.lodge(shipper.token(), cargo).getString("ccrn");
        String mark = api.newVehicle(trucker.token());
        String key = UUID.randomUUID().toString();
        JsonObject body = bundling(mark, "IMPORT", ccrn);
        ApiResponse refused = api.post("/api/v1/bundles", trucker.token(), body, KEY, key);
        refused.problem(422);
        assertTrue(refused.body().contains("lodged for EXPORT, not IMPORT"), refused.describe());

        api.put("/api/v1/consignments/" + ccrn, shipper.token(), cargo.copy().put("direction", "IMPORT"))
                .expect(200);
        ApiResponse replayed = api.post("/api/v1/bundles", trucker.token(), body, KEY, key);
        replayed.problem(422);
        assertEquals(refused.body(), replayed.body(), "the replay must get the refusal it was given");
        assertEquals("LODGED", api.consignment(shipper.token(), ccrn).getString("status"), "nothing bundled");
        assertTrue(activeBundles(trucker).isEmpty(), "no bundle may be made by the replay");
    }

    @Test
    void aBundlingRefusedForAnActiveEmptyBundleIsRefusedAgainAfterUnbundling() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        JsonObject empty = new JsonObject()
                .put("vehicleMark", mark)
                .put("direction", "IMPORT")
                .put("empty", true);
        String first = api.post("/api/v1/bundles", trucker.token(), empty)
                .expect(201)
                .json()
                .getString("bundleId");
        String key = UUID.randomUUID().toString();
        ApiResponse refused = api.post("/api/v1/bundles", trucker.token(), empty, KEY, key);
        refused.problem(409);

        api.delete("/api/v1/bundles/" + first, trucker.token()).expect(200);
        ApiResponse replayed = api.post("/api/v1/bundles", trucker.token(), empty, KEY, key);
        replayed.problem(409);
        assertEquals(refused.body(), replayed.body());
        assertTrue(activeBundles(trucker).isEmpty(), "no bundle may be made by the replay");
    }

    @Test
    void aCancelRefusedWhileBundledIsRefusedAgainAfterUnbundling() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(2));
        String bundleId = api.bundle(trucker.token(), api.newVehicle(trucker.token()), "IMPORT", ccrn)
                .getString("bundleId");
        String key = UUID.randomUUID().toString();
        ApiResponse refused = cancel(shipper, ccrn, key);
        refused.problem(409);

        api.delete("/api/v1/bundles/" + bundleId, trucker.token()).expect(200);
        ApiResponse replayed = cancel(shipper, ccrn, key);
        replayed.problem(409);
        assertEquals(refused.body(), replayed.body());
        assertEquals(
                "LODGED", api.consignment(shipper.token(), ccrn).getString("status"), "the replay must not cancel");
    }

    @Test
    void aValidationRefusalIsTheKeysAnswer() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String key = UUID.randomUUID().toString();
        JsonObject bad = TradeApiClient.packaged("IMPORT", today().plusDays(2)).put("direction", "NORTH");
        ApiResponse refused = api.post("/api/v1/consignments", shipper.token(), bad, KEY, key);
        refused.problemNaming(400, "direction");

        // Another body under the same key is another request: 422, and nothing lodged.
        api.post(
                        "/api/v1/consignments",
                        shipper.token(),
                        TradeApiClient.packaged("IMPORT", today().plusDays(2)),
                        KEY,
                        key)
                .problemNaming(422, KEY);
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
        ApiResponse replayed = api.post("/api/v1/consignments", shipper.token(), bad, KEY, key);
        replayed.problemNaming(400, "direction");
        assertEquals(refused.body(), replayed.body());
    }

    @Test
    void replaysOfAFailedBundlingAreAnsweredFromTheStoreAndDoNotCountAsFailures() {
        FailedBundling failed = failedBundling();
        // More than the limit (10) of retries after a lost answer: each the same answer, none counted.
        for (int i = 0; i < 13; i++) {
            clock.advance(Duration.ofSeconds(5));
            ApiResponse replayed = failed.replay();
            assertEquals(422, replayed.status(), "replay " + (i + 1) + ": " + replayed.describe());
            assertEquals(failed.refused().body(), replayed.body());
        }
        api.bundle(failed.trucker().token(), failed.mark(), "IMPORT", failed.real());
    }

    @Test
    void aRememberedRefusalIsReplayedWhileTheAccountIsRateLimitedButA429IsNotRemembered() {
        FailedBundling failed = failedBundling();
        TradeApiClient.Account trucker = failed.trucker();
        for (int i = 1; i < 10; i++) {
            api.bundleRaw(trucker.token(), failed.mark(), "IMPORT", TradeApiClient.unknownCcrn())
                    .problem(422);
        }
        String laterKey = UUID.randomUUID().toString();
        JsonObject bundling = bundling(failed.mark(), "IMPORT", failed.real());
        api.post("/api/v1/bundles", trucker.token(), bundling, KEY, laterKey).problem(429);
        ApiResponse replayed = failed.replay();
        replayed.problem(422);
        assertEquals(failed.refused().body(), replayed.body(), "a remembered answer is given even while blocked");

        // Once the period is over, the key refused with 429 is tried for real.
        clock.advance(Duration.ofMinutes(16));
        api.post("/api/v1/bundles", trucker.token(), bundling, KEY, laterKey).expect(201);
        assertEquals(
                "BUNDLED",
                api.consignment(failed.shipper().token(), failed.real()).getString("status"));
    }

    @Test
    void aSuspendedAccountIsRefusedEvenTheReplayOfARemememberedRefusal() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        String key = UUID.randomUUID().toString();
        JsonObject guess = bundling(mark, "IMPORT", TradeApiClient.unknownCcrn());
        api.post("/api/v1/bundles", trucker.token(), guess, KEY, key).problem(422);
        api.post(
                        "/api/v1/admin/accounts/" + trucker.id() + "/suspend",
                        api.adminToken(),
                        new JsonObject().put("reason", "permits lapsed"))
                .expect(200);
        api.post("/api/v1/bundles", trucker.token(), guess, KEY, key).problem(403);
    }

    /**
     * A trucker's bundling of a CCRN nobody lodged, refused (422) under a key; {@code real} is a CCRN
     * it could bundle.
     */
    private record FailedBundling(
            TradeApiClient.Account shipper,
            TradeApiClient.Account trucker,
            String mark,
            String real,
            JsonObject guess,
            String key,
            ApiResponse refused,
            TradeApiClient api) {

        /** The same request with the same key, as a client retrying after a lost answer sends it. */
        ApiResponse replay() {
            return api.post("/api/v1/bundles", trucker.token(), guess, KEY, key);
        }
    }

    private FailedBundling failedBundling() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        String real = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        String key = UUID.randomUUID().toString();
        JsonObject guess = bundling(mark, "IMPORT", TradeApiClient.unknownCcrn());
        ApiResponse refused = api.post("/api/v1/bundles", trucker.token(), guess, KEY, key);
        refused.problem(422);
        return new FailedBundling(shipper, trucker, mark, real, guess, key, refused, api);
    }

    private static JsonObject bundling(String mark, String direction, String... ccrns) {
        return new JsonObject()
                .put("vehicleMark", mark)
                .put("direction", direction)
                .put("ccrns", new JsonArray(java.util.List.of((Object[]) ccrns)));
    }

    private ApiResponse cancel(TradeApiClient.Account shipper, String ccrn, String key) {
        return api.send("DELETE", "/api/v1/consignments/" + ccrn, shipper.token(), null, null, KEY, key);
    }

    private JsonArray activeBundles(TradeApiClient.Account trucker) {
        return api.get("/api/v1/bundles?status=ACTIVE", trucker.token())
                .expect(200)
                .json()
                .getJsonArray("bundles");
    }
}
