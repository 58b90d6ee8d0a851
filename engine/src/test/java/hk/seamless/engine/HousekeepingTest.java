package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import hk.seamless.access.Session;
import hk.seamless.http.TestClock;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StalePurge;
import hk.seamless.store.StoreName;
import hk.seamless.store.StoreSizes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expired sessions and idempotency answers past their retention are purged, through the writer. */
class HousekeepingTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T02:00:00Z"));
    private ChronicleStores stores;
    private RegistryWriter writer;
    private StalePurge purge;

    @BeforeEach
    void open() {
        stores = ChronicleStores.open(dir, StoreSizes.forDailyConsignments(100));
        writer = new RegistryWriter(
                stores,
                hk.seamless.log.SegmentedLog.open(
                        dir.resolve("log"), hk.seamless.config.LogSettings.defaults(), clock, e -> {}),
                clock,
                List.of());
        purge = Housekeeping.purge(stores, writer, clock, Duration.ofHours(24));
    }

    @AfterEach
    void close() {
        writer.close();
        stores.close();
    }

    @Test
    void expiredSessionsAndOldIdempotencyAnswersGoTheRestStays() throws Exception {
        Instant now = clock.instant();
        writer.submit("test", tx -> {
                    tx.put(StoreName.SESSIONS, "expired", new Session("A1", now.minusSeconds(1)));
                    tx.put(StoreName.SESSIONS, "alive", new Session("A1", now.plus(Duration.ofHours(1))));
                    tx.put(StoreName.IDEMPOTENCY, "A1|old", stamped(now.minus(Duration.ofHours(25))));
                    tx.put(StoreName.IDEMPOTENCY, "A1|fresh", stamped(now.minus(Duration.ofHours(1))));
                    tx.put(
                            StoreName.IDEMPOTENCY,
                            "A1|unstamped",
                            "{\"fingerprint\":\"f\",\"status\":201,\"body\":\"{}\"}");
                    return null;
                })
                .get();

        assertEquals(2, purge.run().get());
        assertNull(stores.store(StoreName.SESSIONS).get("expired"));
        assertNotNull(stores.store(StoreName.SESSIONS).get("alive"));
        assertNull(stores.store(StoreName.IDEMPOTENCY).get("A1|old"));
        assertNotNull(stores.store(StoreName.IDEMPOTENCY).get("A1|fresh"));
        assertNotNull(stores.store(StoreName.IDEMPOTENCY).get("A1|unstamped"), "an answer of unknown age is kept");

        clock.advance(Duration.ofHours(24));
        assertEquals(2, purge.run().get());
        assertNull(stores.store(StoreName.SESSIONS).get("alive"));
        assertNull(stores.store(StoreName.IDEMPOTENCY).get("A1|fresh"));
        assertEquals(0, purge.run().get());
    }

    private static String stamped(Instant at) {
        return JsonCodec.write(new Housekeeping.Stamped(at)).replace("{", "{\"fingerprint\":\"f\",\"status\":201,");
    }
}
