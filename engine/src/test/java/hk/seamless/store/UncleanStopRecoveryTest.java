package hk.seamless.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an unclean stop only the maps that can be damaged are walked by Chronicle's recovery: those
 * written when a process was killed, or all of them when the machine itself stopped. The others are
 * opened as they are, with the locks a killed reader left released.
 */
class UncleanStopRecoveryTest {

    private static final StoreSizes SIZES = StoreSizes.forDailyConsignments(100);

    @TempDir
    Path data;

    /** Run in a child JVM: writes a consignment, then holds its segment's read lock until killed. */
    public static void main(String[] args) throws Exception {
        ChronicleStores stores = ChronicleStores.open(Path.of(args[0]), SIZES);
        stores.store(StoreName.CONSIGNMENTS).put("2612345678901234", "{\"status\":\"LODGED\"}");
        ChronicleKeyValueStore consignments = (ChronicleKeyValueStore) stores.store(StoreName.CONSIGNMENTS);
        consignments.chronicleMap().queryContext("2612345678901234").readLock().lock();
        System.out.println("HOLDING");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    @Test
    void aReaderKilledHoldingALockCostsNoRecoveryAndTheLockIsReleased() throws Exception {
        Process reader = startReaderThatHoldsALock();
        reader.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no hook, no close

        try (ChronicleStores stores = ChronicleStores.open(data, SIZES)) {
            assertTrue(stores.recoveredFromUncleanStop());
            assertEquals(List.of(), stores.recoveredMaps(), "no write was under way: no map walked");
            assertEquals(1, stores.locksReleased(), "the dead reader's lock");
            assertEquals(
                    "{\"status\":\"LODGED\"}",
                    stores.store(StoreName.CONSIGNMENTS).get("2612345678901234"));
            // The segment the dead reader held takes a write again (it would wait for the lock, then fail).
            stores.store(StoreName.CONSIGNMENTS).put("2612345678901234", "{\"status\":\"BUNDLED\"}");
            assertEquals(
                    "{\"status\":\"BUNDLED\"}",
                    stores.store(StoreName.CONSIGNMENTS).get("2612345678901234"));
        }
        try (ChronicleStores stores = ChronicleStores.open(data, SIZES)) {
            assertTrue(
                    !stores.recoveredFromUncleanStop() && stores.recoveredMaps().isEmpty(), "closed cleanly since");
        }
    }

    @Test
    void aMapWithAWriteUnderWayWhenTheProcessWasKilledIsRecovered() throws Exception {
        closedCleanlyWithOneConsignment();
        Files.writeString(data.resolve("stores").resolve(OpenMarker.FILE_NAME), "4242 " + OpenMarker.bootId());
        writeCounter(StoreName.BUNDLES, 1);

        try (ChronicleStores stores = ChronicleStores.open(data, SIZES)) {
            assertEquals(List.of(StoreName.BUNDLES), stores.recoveredMaps());
            assertEquals("v", stores.store(StoreName.CONSIGNMENTS).get("k"));
        }
        try (ChronicleStores stores = ChronicleStores.open(data, SIZES)) {
            assertEquals(List.of(), stores.recoveredMaps(), "the counter is back at zero once recovered");
        }
    }

    @Test
    void afterTheMachineStoppedEveryMapIsRecovered() throws Exception {
        closedCleanlyWithOneConsignment();
        Files.writeString(data.resolve("stores").resolve(OpenMarker.FILE_NAME), "4242 another-boot");

        try (ChronicleStores stores = ChronicleStores.open(data, SIZES)) {
            assertEquals(List.of(StoreName.values()), stores.recoveredMaps());
            assertEquals("v", stores.store(StoreName.CONSIGNMENTS).get("k"));
        }
    }

    @Test
    void anOlderEnginesMarkerCannotTellAKillFromAPowerCut() throws Exception {
        closedCleanlyWithOneConsignment();
        Files.writeString(data.resolve("stores").resolve(OpenMarker.FILE_NAME), "4242");

        try (ChronicleStores stores = ChronicleStores.open(data, SIZES)) {
            assertEquals(List.of(StoreName.values()), stores.recoveredMaps());
        }
    }

    @Test
    void writesCountedWhileUnderWayAndBackToZeroAfter() throws Exception {
        try (ChronicleStores stores = ChronicleStores.open(data, SIZES)) {
            stores.store(StoreName.CONSIGNMENTS).put("k", "v");
            stores.store(StoreName.CONSIGNMENTS).remove("k");
            stores.store(StoreName.CONSIGNMENTS).clear();
            assertEquals(0, readCounter(StoreName.CONSIGNMENTS));
        }
    }

    private void closedCleanlyWithOneConsignment() {
        try (ChronicleStores stores = ChronicleStores.open(data, SIZES)) {
            stores.store(StoreName.CONSIGNMENTS).put("k", "v");
        }
    }

    private Path counterFile(StoreName name) {
        return WritesInFlight.counterFile(data.resolve("stores").resolve(name.fileName()));
    }

    private void writeCounter(StoreName name, long value) throws Exception {
        try (FileChannel channel = FileChannel.open(counterFile(name), StandardOpenOption.WRITE)) {
            channel.write(
                    ByteBuffer.allocate(Long.BYTES)
                            .order(ByteOrder.nativeOrder())
                            .putLong(0, value),
                    0);
        }
    }

    private long readCounter(StoreName name) throws Exception {
        return ByteBuffer.wrap(Files.readAllBytes(counterFile(name)))
                .order(ByteOrder.nativeOrder())
                .getLong(0);
    }

    private Process startReaderThatHoldsALock() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports"))
                .toList());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(UncleanStopRecoveryTest.class.getName());
        command.add(data.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("HOLDING")) {
                return process;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child ended before holding its lock: " + seen);
    }
}
