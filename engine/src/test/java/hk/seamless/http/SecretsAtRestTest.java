package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tokens are shown once and kept nowhere in clear: not in the journal, not in the remembered
 * answers of Idempotency-Key writes (a repeat is told the token was shown), not in any store file.
 * And the data folder is the engine's user's alone.
 */
class SecretsAtRestTest extends EngineHarness {

    private static final String KEY = IdempotentWrites.HEADER;

    @Test
    void issuedTokensAreNeverWrittenInClearAndARepeatIsToldTheTokenWasShown() throws IOException {
        List<String> tokens = new ArrayList<>();

        String registration = api.register("SHIPPER", TradeApiClient.uniqueEmail("secret"), null)
                .expect(202)
                .json()
                .getString("registrationId");
        String approveKey = "approve-" + registration;
        String approvePath = "/api/v1/admin/registrations/" + registration + "/approve";
        tokens.add(api.post(approvePath, api.adminToken(), new JsonObject(), KEY, approveKey)
                .expect(200)
                .json()
                .getString("token"));
        assertRepeatWithholdsTheToken(
                api.post(approvePath, api.adminToken(), new JsonObject(), KEY, approveKey), tokens);

        JsonObject device = new JsonObject().put("lane", "SBC-S-01").put("kind", "RFID");
        tokens.add(api.post("/api/v1/admin/devices", api.adminToken(), device, KEY, "device-1")
                .expect(201)
                .json()
                .getString("token"));
        assertRepeatWithholdsTheToken(
                api.post("/api/v1/admin/devices", api.adminToken(), device, KEY, "device-1"), tokens);

        String email = TradeApiClient.uniqueEmail("staff-secret");
        tokens.add(api.createStaff("OFFICER", email, "tide tables of victoria", KEY, "staff-1")
                .expect(201)
                .json()
                .getString("token"));
        assertRepeatWithholdsTheToken(
                api.createStaff("OFFICER", email, "tide tables of victoria", KEY, "staff-1"), tokens);

        JsonObject why = new JsonObject().put("reason", "yearly rotation");
        String rotatePath = "/api/v1/admin/accounts/" + registration + "/tokens";
        tokens.add(api.post(rotatePath, api.adminToken(), why, KEY, "rotate-1")
                .expect(200)
                .json()
                .getString("token"));
        assertRepeatWithholdsTheToken(api.post(rotatePath, api.adminToken(), why, KEY, "rotate-1"), tokens);

        // The journal is appended before the answer; the stores are written with it.
        Path data = engine.config().server().dataDir();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("admin.token"))
                    .toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (String token : tokens) {
                    assertFalse(
                            contains(bytes, token.getBytes(StandardCharsets.UTF_8)),
                            file + " holds an issued token in clear");
                }
            }
        }
        assertTrue(
                hk.seamless.log.LogText.registry(data).contains("TOKEN_ROTATED"),
                "the walk above covered the registry log");
    }

    /** An engine from before this rule left a token in a remembered answer: the next start clears it. */
    @Test
    void anOlderEnginesRememberedTokenIsClearedAtStart(@org.junit.jupiter.api.io.TempDir Path dataDir)
            throws Exception {
        hk.seamless.config.EngineConfig config = hk.seamless.config.EngineConfig.defaults()
                .withHttpPort(0)
                .withDataDir(dataDir)
                .withDailyConsignments(100);
        String registration;
        try (hk.seamless.engine.Engine first = hk.seamless.engine.Engine.start(config, clock)) {
            TradeApiClient client = new TradeApiClient(first.port(), first.adminToken());
            registration = client.register("AGENT", TradeApiClient.uniqueEmail("old"), null)
                    .expect(202)
                    .json()
                    .getString("registrationId");
            client.post(
                            "/api/v1/admin/registrations/" + registration + "/approve",
                            first.adminToken(),
                            new JsonObject(),
                            KEY,
                            "old-approve")
                    .expect(200);
        }
        // As the older engine remembered it: the whole answer, token and all, and no note of a clearing.
        String oldToken = "sl_" + "o".repeat(43);
        String storeKey = "admin|old-approve";
        try (hk.seamless.store.ChronicleStores stores = hk.seamless.store.ChronicleStores.open(
                dataDir, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            IdempotentWrites.Remembered now = hk.seamless.store.JsonCodec.read(
                    stores.store(hk.seamless.store.StoreName.IDEMPOTENCY).get(storeKey),
                    IdempotentWrites.Remembered.class);
            String body = new JsonObject()
                    .put("accountId", registration)
                    .put("token", oldToken)
                    .encode();
            stores.store(hk.seamless.store.StoreName.IDEMPOTENCY)
                    .put(
                            storeKey,
                            hk.seamless.store.JsonCodec.write(
                                    new IdempotentWrites.Remembered(now.fingerprint(), 200, body, null, null, false)));
            stores.store(hk.seamless.store.StoreName.IDEMPOTENCY).remove(IdempotentWrites.SECRETS_FORGOTTEN);
        }
        try (hk.seamless.engine.Engine second = hk.seamless.engine.Engine.start(config, clock)) {
            TradeApiClient client = new TradeApiClient(second.port(), second.adminToken());
            ApiResponse repeat = client.post(
                    "/api/v1/admin/registrations/" + registration + "/approve",
                    second.adminToken(),
                    new JsonObject(),
                    KEY,
                    "old-approve");
            assertRepeatWithholdsTheToken(repeat, List.of(oldToken));
        }
        try (hk.seamless.store.ChronicleStores stores = hk.seamless.store.ChronicleStores.open(
                dataDir, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            assertFalse(stores.store(hk.seamless.store.StoreName.IDEMPOTENCY)
                    .get(storeKey)
                    .contains(oldToken));
        }
    }

    private static void assertRepeatWithholdsTheToken(ApiResponse repeat, List<String> tokens) {
        JsonObject problem = repeat.problemNaming(409, KEY);
        assertTrue(problem.getString("detail").contains("shown once"), problem.encode());
        assertNull(problem.getString("token"));
        tokens.forEach(t -> assertFalse(repeat.body().contains(t), "a repeat must not show the token again"));
    }

    @Test
    void theDataFolderIsTheEngineUsersAlone() throws IOException {
        Path data = engine.config().server().dataDir();
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.toList()) {
                String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                if (Files.isDirectory(path)) {
                    assertEquals("rwx------", permissions, path.toString());
                } else {
                    assertEquals("rw-------", permissions, path.toString());
                }
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
