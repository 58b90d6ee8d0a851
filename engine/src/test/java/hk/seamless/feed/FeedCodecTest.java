package hk.seamless.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.Direction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What travels to a lane engine is read back exactly as it was written, and nothing else is accepted. */
class FeedCodecTest {

    /** One of every lane change, with the awkward values a real feed carries. */
    static final List<LaneChange> EVERY_KIND = List.of(
            new LaneChange.BundleActivated(
                    "B1",
                    "AB1234",
                    Direction.IMPORT,
                    Instant.parse("2026-11-26T03:00:00.123456789Z"),
                    false,
                    List.of("2611111111111116", "2622222222222224"),
                    List.of("WATCHLIST", "RISK_RULE"),
                    "Atrucker"),
            new LaneChange.BundleActivated(
                    "B2", "粤ZA123港", Direction.EXPORT, Instant.EPOCH, true, List.of(), List.of(), ""),
            new LaneChange.BundleEnded("B1", "AB1234", Direction.IMPORT, "USED"),
            new LaneChange.VehicleRegistered("AB1234", "E2000017221101441890ABCD"),
            new LaneChange.VehicleRegistered("AB1235", null),
            new LaneChange.ConsignmentBundled(
                    "2611111111111116",
                    LocalDate.parse("2026-11-27"),
                    "ACME TRADING",
                    "深圳市華強電子",
                    "Ashipper",
                    "CARTONS \"MOBILE\" PHONES\n"),
            new LaneChange.ConsignmentUnbundled("2611111111111116", "LODGED"),
            new LaneChange.AccountSuspended("Atrucker"),
            new LaneChange.AccountReinstated("Atrucker"),
            new LaneChange.WatchEntryAdded("W1", WatchKind.GOODS, "IVORY"),
            new LaneChange.WatchEntryRemoved("W1"),
            new LaneChange.RandomRateChanged("LMC", 0.1 + 0.2),
            new LaneChange.RandomRateChanged("LMC", null),
            new LaneChange.CrossingRecorded(
                    "B1", "LMC", "LMC-I-01", "LMC-I-01.42", Instant.parse("2026-11-26T03:30:00.5Z")),
            new LaneChange.CloneSuspected(
                    "B1", "AB1234 released again at SBC-S-01 (SBC-S-01.7) after crossing at LMC-S-01"));

    @Test
    void everyKindOfChangeIsCoveredHere() {
        Set<Class<?>> covered = EVERY_KIND.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.copyOf(FeedCodec.TYPES), covered, "a new lane change needs a round trip here");
    }

    @Test
    void eachChangeRoundTripsExactly() {
        for (LaneChange change : EVERY_KIND) {
            String json = FeedCodec.writeChange(change);
            assertTrue(json.contains("\"type\":\"" + change.getClass().getSimpleName() + "\""), json);
            assertEquals(change, FeedCodec.readChange(json), json);
        }
    }

    @Test
    void anEntryRoundTripsWithItsChangesInOrder() {
        FeedEntry entry = new FeedEntry(42, 1_000_017, Instant.parse("2026-11-26T02:00:00.000000001Z"), EVERY_KIND);
        byte[] bytes = FeedCodec.write(entry);
        FeedEntry back = FeedCodec.read(bytes);
        assertEquals(entry, back);
        assertEquals(
                new String(bytes, StandardCharsets.UTF_8),
                new String(FeedCodec.write(back), StandardCharsets.UTF_8),
                "written again, the same bytes");
    }

    @Test
    void anUnknownTypeIsRefusedByName() {
        String json = "{\"sequence\":1,\"registrySequence\":1,\"at\":\"2026-11-26T02:00:00Z\",\"changes\":["
                + "{\"type\":\"BorderClosed\",\"controlPoint\":\"LMC\"}]}";
        FeedCodec.FeedFormatException e = assertThrows(
                FeedCodec.FeedFormatException.class, () -> FeedCodec.read(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("unknown lane change type 'BorderClosed'"), e.getMessage());
        assertTrue(e.getMessage().contains("BundleActivated"), "names what it knows: " + e.getMessage());
    }

    @Test
    void aChangeWithoutItsTypeOrWithAMissingFieldIsRefused() {
        assertThrows(FeedCodec.FeedFormatException.class, () -> FeedCodec.readChange("{\"accountId\":\"A1\"}"));
        FeedCodec.FeedFormatException e = assertThrows(
                FeedCodec.FeedFormatException.class,
                () -> FeedCodec.readChange(
                        "{\"type\":\"BundleEnded\",\"bundleId\":\"B1\",\"direction\":\"IMPORT\",\"status\":\"USED\"}"));
        assertTrue(e.getMessage().contains("vehicleMark"), e.getMessage());
        assertThrows(
                FeedCodec.FeedFormatException.class, () -> FeedCodec.read("null".getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                FeedCodec.FeedFormatException.class,
                () -> FeedCodec.read(
                        "{\"sequence\":0,\"at\":\"2026-11-26T02:00:00Z\",\"changes\":[{\"type\":\"WatchEntryRemoved\",\"entryId\":\"W1\"}]}"
                                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFieldAddedByANewerProducerIsIgnored() {
        assertEquals(
                new LaneChange.AccountSuspended("A1"),
                FeedCodec.readChange("{\"type\":\"AccountSuspended\",\"accountId\":\"A1\",\"reason\":\"fraud\"}"));
    }
}
