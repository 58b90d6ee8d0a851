package hk.seamless.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegistryWriterTest {

    @TempDir
    Path dir;
    private ChronicleStores stores;
    private RegistryWriter writer;
    private final List<RegistryChange> heard = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        stores = ChronicleStores.open(dir, 1_000);
        writer = new RegistryWriter(stores, Journal.open(dir.resolve("journal"), true, b -> { }), clock, List.of(heard::add));
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
        }).get();

        assertEquals("done", result);
        assertEquals("{\"id\":\"B1\"}", stores.store(StoreName.BUNDLES).get("B1"));
        assertEquals(1, writer.journalEntries());
        assertEquals(1, heard.size());
        assertEquals("acct-1", heard.get(0).actor());
        assertEquals(clock.instant(), heard.get(0).at());
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
        }).get();
        String seen = writer.submit("a", tx -> {
            tx.remove(StoreName.VEHICLES, "AB1");
            String afterRemove = String.valueOf(tx.get(StoreName.VEHICLES, "AB1"));
            tx.put(StoreName.VEHICLES, "AB2", "v2");
            return afterRemove + "," + tx.get(StoreName.VEHICLES, "AB2");
        }).get();

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
}
