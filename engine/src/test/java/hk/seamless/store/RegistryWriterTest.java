package hk.seamless.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.LogSettings;
import hk.seamless.log.SegmentedLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryWriterTest {

    @TempDir
    Path dir;

    private ChronicleStores stores;
    private RegistryWriter writer;
    private final List<RegistryChange> heard = new CopyOnWriteArrayList<>();
    /** How full the devices store was the last time every write still went in. */
    private double fillBeforeRefusal;
    /** The key of the record the full store refused. */
    private String refusedKey;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        stores = ChronicleStores.open(dir, StoreSizes.forDailyConsignments(100));
        writer = new RegistryWriter(
                stores,
                SegmentedLog.open(dir.resolve("log"), LogSettings.defaults(), clock, e -> {}),
                clock,
                List.of(heard::add));
    }

    @AfterEach
    void close() {
        writer.close();
        stores.close();
    }

    @Test
    void aCommittedCommandIsInTheStoresTheJournalAndTheChangeStream() throws Exception {
        String result = writer.submit("acct-1", tx -> {
                    tx.put(StoreName.BUNDLES, "B1", "{\"id\":\"B1\"}");
                    tx.audit("BUNDLED", "B1", "test");
                    return "done";
                })
                .get();

        assertEquals("done", result);
        assertEquals("{\"id\":\"B1\"}", stores.store(StoreName.BUNDLES).get("B1"));
        assertEquals(1, writer.journalEntries());
        assertEquals(1, heard.size());
        assertEquals("acct-1", heard.get(0).actor());
        assertEquals(clock.instant(), heard.get(0).at());
    }

    @Test
    void theMapsAreCheckpointedEverySoManyChangesWithTheOwnersMarksAndAtAFinalClose() throws Exception {
        writer.close();
        long[] feed = {0};
        SegmentedLog log = SegmentedLog.open(dir.resolve("checkpointed"), LogSettings.defaults(), clock, e -> {});
        writer = new RegistryWriter(
                stores,
                log,
                clock,
                List.of(),
                new RegistryCheckpoints.Policy(java.time.Duration.ofHours(1), 3),
                () -> java.util.Map.of("feed", feed[0]));
        for (int i = 1; i <= 7; i++) {
            int n = i;
            feed[0] = 100 + i;
            writer.submit("acct-1", tx -> {
                        tx.put(StoreName.VEHICLES, "V" + n, "{}");
                        return null;
                    })
                    .get();
            // The checkpoint follows the acknowledgement on the writer thread: a no-op command waits for it.
            writer.submit("acct-1", tx -> null).get();
            assertEquals(
                    n - n % 3,
                    writer.lastCheckpoint() == null
                            ? 0
                            : writer.lastCheckpoint().sequence(),
                    "after " + n);
        }
        assertEquals(java.util.Map.of("feed", 106L), writer.lastCheckpoint().marks());
        writer.close();
        assertEquals(7, log.lastCheckpoint().sequence(), "a clean close checkpoints what is left");
        writer = new RegistryWriter(
                stores,
                SegmentedLog.open(dir.resolve("log"), LogSettings.defaults(), clock, e -> {}),
                clock,
                List.of());
    }

    @Test
    void aFailingCommandWritesNothingAtAll() {
        CompletableFuture<Object> failed = writer.submit("acct-1", tx -> {
            tx.put(StoreName.CONSIGNMENTS, "C1", "{}");
            tx.put(StoreName.BUNDLES, "B1", "{}");
            throw new IllegalStateException("rule refused");
        });

        ExecutionException e = assertThrows(ExecutionException.class, failed::get);
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertNull(stores.store(StoreName.CONSIGNMENTS).get("C1"));
        assertNull(stores.store(StoreName.BUNDLES).get("B1"));
        assertEquals(0, writer.journalEntries());
        assertEquals(0, heard.size());
    }

    @Test
    void aTransactionReadsItsOwnStagedWritesAndRemovals() throws Exception {
        writer.submit("a", tx -> {
                    tx.put(StoreName.VEHICLES, "AB1", "v1");
                    return null;
                })
                .get();
        String seen = writer.submit("a", tx -> {
                    tx.remove(StoreName.VEHICLES, "AB1");
                    String afterRemove = String.valueOf(tx.get(StoreName.VEHICLES, "AB1"));
                    tx.put(StoreName.VEHICLES, "AB2", "v2");
                    return afterRemove + "," + tx.get(StoreName.VEHICLES, "AB2");
                })
                .get();

        assertEquals("null,v2", seen);
        assertNull(stores.store(StoreName.VEHICLES).get("AB1"));
    }

    @Test
    void concurrentCommandsAreAllCommittedOnceInOrderOfTheQueue() throws Exception {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int n = i;
            futures.add(writer.submit("a", tx -> {
                String count = tx.get(StoreName.ACCOUNTS, "counter");
                int next = count == null ? 1 : Integer.parseInt(count) + 1;
                tx.put(StoreName.ACCOUNTS, "counter", Integer.toString(next));
                return n;
            }));
        }
        for (CompletableFuture<Integer> f : futures) {
            f.get();
        }
        assertEquals("500", stores.store(StoreName.ACCOUNTS).get("counter"));
        assertEquals(500, writer.journalEntries());
    }

    @Test
    void aFullStoreRefusesThatCommandAloneUndoesItsWritesAndTheWriterGoesOn() throws Exception {
        writer.submit("a", tx -> {
                    tx.put(StoreName.BUNDLES, "kept", "old");
                    return null;
                })
                .get();
        StoreFillAlerts alerts = new StoreFillAlerts(stores, 0.8);
        assertTrue(stores.store(StoreName.DEVICES).fill() < 0.05, "an empty store is not full");
        assertEquals(List.of(), alerts.filling());
        StoreFullException full = fillDevicesUntilRefused();

        assertEquals(StoreName.DEVICES, full.store());
        assertEquals(StoreName.DEVICES, writer.lastRefusal().store());
        assertEquals(StoreName.DEVICES, alerts.filling().get(0).store(), "a store that refuses was alerted on first");
        assertEquals(
                "old",
                stores.store(StoreName.BUNDLES).get("kept"),
                "the overwrite before the refused write was undone");
        assertNull(stores.store(StoreName.BUNDLES).get("refused"), "the put before the refused write was undone");
        assertFalse(
                heard.stream()
                        .anyMatch(c -> c.writes().stream().anyMatch(w -> w.key().equals(refusedKey))),
                "the change stream never saw the refused change");
        assertTrue(writer.refusedWrites() >= 1);

        writer.submit("b", tx -> {
                    tx.put(StoreName.VEHICLES, "AB1", "v1");
                    return null;
                })
                .get();
        assertEquals("v1", stores.store(StoreName.VEHICLES).get("AB1"), "the writer goes on after a refusal");
        assertTrue(writer.isWritable());
    }

    @Test
    void aReplayOfTheJournalSkipsTheRefusedChangeAndKeepsTheRest() throws Exception {
        fillDevicesUntilRefused();
        writer.submit("b", tx -> {
                    tx.put(StoreName.VEHICLES, "AB1", "v1");
                    return null;
                })
                .get();
        writer.close();
        stores.close();

        Path again = dir.resolve("replayed");
        stores = ChronicleStores.open(again, StoreSizes.forDailyConsignments(100));
        List<RegistryChange> replayedChanges = new ArrayList<>();
        RegistryReplay replay = new RegistryReplay(stores, List.of(replayedChanges::add));
        // The maps here are new: the whole log goes into them (a clean close checkpointed it, so
        // opening it hands over nothing past the checkpoint).
        SegmentedLog log = SegmentedLog.open(dir.resolve("log"), LogSettings.defaults(), clock, e -> {});
        try (java.util.stream.Stream<hk.seamless.log.LogEntry> all =
                log.reader().forward(1)) {
            all.forEach(e -> replay.accept(e.payload()));
        }
        writer = new RegistryWriter(stores, log, clock, List.of());
        replay.close();

        assertTrue(replay.skipped() >= 1);
        assertEquals("old", stores.store(StoreName.BUNDLES).get("kept"));
        assertNull(stores.store(StoreName.BUNDLES).get("refused"));
        assertEquals("v1", stores.store(StoreName.VEHICLES).get("AB1"), "the change after the aborted one is replayed");
        assertFalse(replayedChanges.stream()
                .anyMatch(c -> c.writes().stream().anyMatch(w -> w.key().equals(refusedKey))));
        assertTrue(replayedChanges.stream()
                .anyMatch(c -> c.writes().stream().anyMatch(w -> w.key().equals("D0"))));
    }

    /**
     * Fills the devices store (sized for 1,000 records of 160 bytes) with 32 KiB records until it
     * refuses one, then until it refuses a command that first overwrites "kept" and adds "refused"
     * in another store (a full map may still take a record whose key falls in a roomier segment).
     */
    private StoreFullException fillDevicesUntilRefused() throws Exception {
        writer.submit("a", tx -> {
                    tx.put(StoreName.BUNDLES, "kept", "old");
                    return null;
                })
                .get();
        String record = "x".repeat(32 * 1024);
        int n = 0;
        boolean refusedOnce = false;
        while (!refusedOnce && n < 100_000) {
            // Commands sent together share a flush; a few at a time, so that the fill is read between
            // them before the store (a few hundred KiB) refuses.
            List<CompletableFuture<Object>> puts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String key = "D" + n++;
                puts.add(writer.submit("a", tx -> {
                    tx.put(StoreName.DEVICES, key, record);
                    return null;
                }));
            }
            for (CompletableFuture<Object> put : puts) {
                refusedOnce |= put.handle((ok, failure) -> failure != null).get();
            }
            if (!refusedOnce) {
                fillBeforeRefusal = stores.store(StoreName.DEVICES).fill();
            }
        }
        assertTrue(
                fillBeforeRefusal >= 0.8,
                "a store passes the alert level while it still takes writes: " + fillBeforeRefusal);
        for (int i = 0; i < 10_000; i++) {
            String key = "D" + n++;
            CompletableFuture<Object> put = writer.submit("a", tx -> {
                tx.put(StoreName.BUNDLES, "kept", "new");
                tx.put(StoreName.BUNDLES, "refused", "yes");
                tx.put(StoreName.DEVICES, key, record);
                return null;
            });
            try {
                put.get();
            } catch (ExecutionException e) {
                refusedKey = key;
                return assertInstanceOf(StoreFullException.class, e.getCause());
            }
            writer.submit("a", tx -> {
                        tx.put(StoreName.BUNDLES, "kept", "old");
                        tx.remove(StoreName.BUNDLES, "refused");
                        return null;
                    })
                    .get();
        }
        throw new AssertionError("the devices store never filled");
    }
}
