package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on writes: same key and body, same answer and one write; another body, 422. */
class IdempotencyApiTest extends EngineHarness {

    private static final String KEY = "Idempotency-Key";

    @Test
    void sameKeySameBodyGivesTheSameAnswerAndOneConsignment() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String key = UUID.randomUUID().toString();
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(2));
        ApiResponse first = api.post("/api/v1/consignments", shipper.token(), body, KEY, key)
                .expect(201);
        clock.advance(java.time.Duration.ofSeconds(30));
        ApiResponse second = api.post("/api/v1/consignments", shipper.token(), body, KEY, key)
                .expect(201);
        assertEquals(first.body(), second.body(), "a repeated request must get the identical answer");
        assertEquals(first.header("Location"), second.header("Location"));
        String ccrn = first.json().getString("ccrn");
        assertEquals(List.of(ccrn), api.myCcrns(shipper.token()), "only one consignment may be created");
        assertEquals(1, api.consignment(shipper.token(), ccrn).getInteger("version"));
    }

    @Test
    void theSameObjectSerialisedInAnotherOrderIsTheSameRequest() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String key = UUID.randomUUID().toString();
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(2));
        ApiResponse first = api.post("/api/v1/consignments", shipper.token(), body, KEY, key)
                .expect(201);
        // The same members, last first, nested ones too, with white space between them.
        String reordered = reversed(body).encodePrettily();
        assertTrue(!reordered.equals(body.encode()));
        ApiResponse second = api.send(
                        "POST",
                        "/api/v1/consignments",
                        shipper.token(),
                        "application/json",
                        TradeApiClient.bytes(reordered),
                        KEY,
                        key)
                .expect(201);
        assertEquals(first.body(), second.body());
        assertEquals(1, api.myCcrns(shipper.token()).size(), "only one consignment may be created");
    }

    private static JsonObject reversed(JsonObject object) {
        List<String> names = new java.util.ArrayList<>(object.fieldNames());
        java.util.Collections.reverse(names);
        JsonObject out = new JsonObject();
        for (String name : names) {
            Object value = object.getValue(name);
            out.put(name, value instanceof JsonObject nested ? reversed(nested) : value);
        }
        return out;
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndWritesNothing() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String key = UUID.randomUUID().toString();
        String ccrn = api.post(
                        "/api/v1/consignments",
                        shipper.token(),
                        TradeApiClient.packaged("IMPORT", today().plusDays(2)),
                        KEY,
                        key)
                .expect(201)
                .json()
                .getString("ccrn");
        api.post("/api/v1/consignments", shipper.token(), TradeApiClient.bulk("IMPORT", today().plusDays(2)), KEY, key)
                .problemNaming(422, KEY);
        assertEquals(List.of(ccrn), api.myCcrns(shipper.token()));
        // The first answer is still the one remembered.
        ApiResponse again = api.post(
                        "/api/v1/consignments",
                        shipper.token(),
                        TradeApiClient.packaged("IMPORT", today().plusDays(2)),
                        KEY,
                        key)
                .expect(201);
        assertEquals(ccrn, again.json().getString("ccrn"));
    }

    @Test
    void keysOfDifferentAccountsDoNotCollide() {
        TradeApiClient.Account a = api.newAccount("SHIPPER");
        TradeApiClient.Account b = api.newAccount("SHIPPER");
        String key = "order-" + UUID.randomUUID();
        JsonObject body = TradeApiClient.packaged("EXPORT", today().plusDays(2));
        String ccrnA = api.post("/api/v1/consignments", a.token(), body, KEY, key)
                .expect(201)
                .json()
                .getString("ccrn");
        String ccrnB = api.post("/api/v1/consignments", b.token(), body, KEY, key)
                .expect(201)
                .json()
                .getString("ccrn");
        assertNotEquals(ccrnA, ccrnB);
        assertEquals(List.of(ccrnB), api.myCcrns(b.token()));
        // B's replay gives B's consignment, never A's.
        assertEquals(
                ccrnB,
                api.post("/api/v1/consignments", b.token(), body, KEY, key)
                        .expect(201)
                        .json()
                        .getString("ccrn"));
    }

    @Test
    void idempotentAmendAndCancel() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(2));
        String key = UUID.randomUUID().toString();
        JsonObject change = TradeApiClient.bulk("IMPORT", today().plusDays(3));
        ApiResponse first = api.put("/api/v1/consignments/" + ccrn, shipper.token(), change, KEY, key)
                .expect(200);
        ApiResponse second = api.put("/api/v1/consignments/" + ccrn, shipper.token(), change, KEY, key)
                .expect(200);
        assertEquals(first.body(), second.body());
        assertEquals(
                2, api.consignment(shipper.token(), ccrn).getInteger("version"), "the repeat must not amend again");

        String cancelKey = UUID.randomUUID().toString();
        ApiResponse cancel = api.send(
                        "DELETE", "/api/v1/consignments/" + ccrn, shipper.token(), null, null, KEY, cancelKey)
                .expect(200);
        ApiResponse cancelAgain = api.send(
                        "DELETE", "/api/v1/consignments/" + ccrn, shipper.token(), null, null, KEY, cancelKey)
                .expect(200);
        assertEquals(cancel.body(), cancelAgain.body());
        // Without the key, a second cancel is the conflict it really is.
        api.delete("/api/v1/consignments/" + ccrn, shipper.token()).problem(409);
    }

    @Test
    void idempotentBundling() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(2));
        String mark = api.newVehicle(trucker.token());
        String key = UUID.randomUUID().toString();
        JsonObject body = new JsonObject()
                .put("vehicleMark", mark)
                .put("direction", "IMPORT")
                .put("ccrns", new io.vertx.core.json.JsonArray().add(ccrn));
        ApiResponse first =
                api.post("/api/v1/bundles", trucker.token(), body, KEY, key).expect(201);
        ApiResponse second =
                api.post("/api/v1/bundles", trucker.token(), body, KEY, key).expect(201);
        assertEquals(first.body(), second.body(), "a retried bundling gets its bundle back, not a 409");
    }

    @Test
    void malformedKeyIs400() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        api.post(
                        "/api/v1/consignments",
                        shipper.token(),
                        TradeApiClient.packaged("IMPORT", today().plusDays(2)),
                        KEY,
                        "x".repeat(201))
                .problemNaming(400, KEY);
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
    }
}
