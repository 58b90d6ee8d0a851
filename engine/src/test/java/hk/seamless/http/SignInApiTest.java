package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.access.PasswordHasher;
import hk.seamless.config.EngineConfig;
import hk.seamless.engine.Engine;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.StoreSizes;
import hk.seamless.trade.Account;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords cannot be guessed without limit: wrong ones are throttled per e-mail address (known or
 * not) with 429 and Retry-After; common passwords are refused at registration; an old, weaker hash
 * is made again with today's parameters at the next sign-in that proves the password.
 */
class SignInApiTest extends EngineHarness {

    private static final String PASSWORD = "junk boats in the typhoon shelter";

    private ApiResponse signIn(String email, String password) {
        return api.post(
                "/api/v1/sessions", null, new JsonObject().put("email", email).put("password", password));
    }

    @Test
    void wrongPasswordsAreThrottledPerAccountEvenForTheRightOneThenLetGo() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER", PASSWORD);
        for (int i = 0; i < 5; i++) {
            signIn(shipper.email(), PASSWORD + i).problem(401);
        }
        ApiResponse refused = signIn(shipper.email(), PASSWORD);
        refused.problem(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60 + 1, refused.describe());

        clock.advance(Duration.ofMinutes(15).plusSeconds(2));
        signIn(shipper.email(), PASSWORD).expect(200);
    }

    @Test
    void aBadTokenIsRefusedEvenBesideAGoodSessionCookie() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER", PASSWORD);
        String cookie = signIn(shipper.email(), PASSWORD)
                .expect(200)
                .header("Set-Cookie")
                .split(";", 2)[0];
        api.send("GET", "/api/v1/accounts/me", null, null, null, "Cookie", cookie)
                .expect(200);
        api.send("GET", "/api/v1/accounts/me", "not-a-token-of-anyone", null, null, "Cookie", cookie)
                .problem(401);
        api.send("GET", "/api/v1/accounts/me", shipper.token(), null, null, "Cookie", cookie)
                .expect(200);
    }

    @Test
    void anUnknownAddressIsAnsweredAsAKnownOneAndThrottledAlike() {
        String nobody = TradeApiClient.uniqueEmail("nobody");
        for (int i = 0; i < 5; i++) {
            JsonObject problem = signIn(nobody, PASSWORD).problem(401);
            assertEquals("e-mail or password is wrong", problem.getString("detail"));
        }
        signIn(nobody, PASSWORD).problem(429);
    }

    @Test
    void commonPasswordsAreRefusedAtRegistration() {
        api.register("SHIPPER", TradeApiClient.uniqueEmail("common"), "Password123")
                .problemNaming(400, "password");
        api.createStaff("OFFICER", TradeApiClient.uniqueEmail("common-staff"), "qwertyuiop")
                .problemNaming(400, "password");
    }

    /** Its own engine: the test rewrites a stored hash between two runs, as an older engine left it. */
    @Test
    void aWeakerStoredHashIsUpgradedAtTheNextSignIn(@TempDir Path dataDir) throws Exception {
        EngineConfig config =
                EngineConfig.defaults().withHttpPort(0).withDataDir(dataDir).withDailyConsignments(100);
        String email;
        String accountId;
        try (Engine first = Engine.start(config, clock)) {
            TradeApiClient client = new TradeApiClient(first.port(), first.adminToken());
            TradeApiClient.Account agent = client.newAccount("AGENT", PASSWORD);
            email = agent.email();
            accountId = agent.id();
        }
        String weak = new PasswordHasher(210_000).hash(PASSWORD);
        try (ChronicleStores stores = ChronicleStores.open(dataDir, StoreSizes.forDailyConsignments(100))) {
            Account account = JsonCodec.read(stores.store(StoreName.ACCOUNTS).get(accountId), Account.class);
            stores.store(StoreName.ACCOUNTS).put(accountId, JsonCodec.write(account.withPasswordHash(weak)));
        }
        try (Engine second = Engine.start(config, clock)) {
            TradeApiClient client = new TradeApiClient(second.port(), second.adminToken());
            client.post(
                            "/api/v1/sessions",
                            null,
                            new JsonObject().put("email", email).put("password", PASSWORD))
                    .expect(200);
        }
        try (ChronicleStores stores = ChronicleStores.open(dataDir, StoreSizes.forDailyConsignments(100))) {
            String hash = JsonCodec.read(stores.store(StoreName.ACCOUNTS).get(accountId), Account.class)
                    .passwordHash();
            assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
            assertTrue(PasswordHasher.standard().matches(PASSWORD, hash));
        }
        String journal = hk.seamless.log.LogText.registry(dataDir);
        assertTrue(journal.contains("PASSWORD_HASH_UPGRADED"), "the upgrade is journalled like any change");
    }
}
