package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reads the new scenarios make, and how vehicles are kept apart at a lane (presence). */
class LaneTrafficTest {

    static final Instant AT = Instant.parse("2026-11-26T02:00:00Z");

    /** The rules' look-alike equality, per position: equal, a pair B/8 S/5 Z/2 G/6, or I/O/Q read as 1/0/0. */
    static boolean lookAlikeEqual(String read, String mark) {
        String a = read.replace('I', '1').replace('O', '0').replace('Q', '0');
        if (a.length() != mark.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char r = a.charAt(i);
            char m = mark.charAt(i);
            String pair = "" + r + m;
            if (r != m
                    && !Set.of("B8", "8B", "S5", "5S", "Z2", "2Z", "G6", "6G").contains(pair)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theFramesOfOneVehicleAllNameItConfidently() {
        VehicleFactory factory = new VehicleFactory(9);
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 500; i++) {
            SimVehicle v = factory.next(true, true);
            List<LaneMessages.PlateSeen> frames = LaneMessages.frames(v, random);
            assertTrue(frames.size() >= 2 && frames.size() <= 4, frames.toString());
            assertEquals(v.canonical, frames.get(0).text());
            assertNotEquals(v.canonical, frames.get(1).text(), "the second frame is a look-alike misread");
            for (LaneMessages.PlateSeen f : frames) {
                assertTrue(lookAlikeEqual(f.text(), v.canonical), f + " of " + v);
                assertTrue(f.confidence() >= 86, f.toString());
                JsonObject doc = new JsonObject(LaneMessages.plate(f, AT, true));
                JsonArray candidates =
                        doc.getJsonArray("results").getJsonObject(0).getJsonArray("candidates");
                assertEquals(f.text(), candidates.getJsonObject(0).getString("plate"));
            }
        }
    }

    @Test
    void lowConfidenceCandidatesNameTheVehicleOnlyBelowTheThreshold() {
        SplittableRandom random = new SplittableRandom(4);
        for (int threshold : new int[] {80, 60}) {
            for (String mark : List.of("FU1258", "AB3", "KT7041")) {
                LaneMessages.PlateSeen seen = LaneMessages.lowConfidenceCandidates(mark, random, threshold);
                assertEquals(mark + "K", seen.text(), "the best plate names no vehicle (no mark carries this K)");
                assertFalse(VehicleFactory.isOrdinary(seen.text()));
                assertTrue(seen.confidence() >= threshold, "the best plate itself is confident");
                JsonObject doc = new JsonObject(LaneMessages.plate(seen, AT, false));
                JsonArray candidates =
                        doc.getJsonArray("results").getJsonObject(0).getJsonArray("candidates");
                boolean markAmongThem = false;
                for (int i = 0; i < candidates.size(); i++) {
                    JsonObject c = candidates.getJsonObject(i);
                    if (!c.getString("plate").equals(seen.text())) {
                        assertTrue(c.getDouble("confidence") < threshold, c.encode());
                        assertTrue(lookAlikeEqual(c.getString("plate"), mark), c.encode());
                    }
                    markAmongThem |= c.getString("plate").equals(mark);
                }
                assertTrue(markAmongThem, doc.encode());
            }
        }
    }

    @Test
    void aTwinIsAPersonalisedLookAlikeOfItsBundledPartnerAndOfNoOtherMark() {
        VehicleFactory factory = new VehicleFactory(12);
        for (int i = 0; i < 500; i++) {
            SimVehicle partner = factory.next(true, true);
            SimVehicle twin = factory.twinOf(partner);
            assertFalse(VehicleFactory.isOrdinary(twin.canonical), twin.display);
            assertTrue(twin.canonical.matches("[A-Z0-9]{3,8}") && twin.display.contains(" "), twin.display);
            assertTrue(lookAlikeEqual(twin.canonical, partner.canonical));
            assertNotEquals(partner.canonical, twin.canonical);
            assertEquals(partner, twin.twin);
            assertNotEquals(partner.epc, twin.epc);
        }
        LaneMessages.PlateSeen seen = LaneMessages.plateSeen(
                Scenario.TWIN, factory.twinOf(factory.next(true, true)), new SplittableRandom(1), 80);
        assertEquals(1, seen.candidates().size(), "read exactly, with no other reading to resolve");
    }

    @Test
    void aVehicleIsNotSentBackToTheLaneItIsStillPresentAt() {
        VehicleFactory factory = new VehicleFactory(3);
        SimVehicle a = factory.next(true, false);
        SimVehicle b = factory.next(true, false);
        SimVehicle c = factory.next(true, false);
        LanePresence presence = new LanePresence(10_000_000_000L);
        assertEquals(Set.of(), presence.present(0));
        presence.arrived(new SimVehicle[] {a, b}, 1_000);
        assertEquals(Set.of(a, b), presence.present(5_000_000_000L));
        assertEquals(
                Set.of(a, b),
                presence.present(11_000_000_000L),
                "the margin: the engine read it later than we sent it");
        assertEquals(Set.of(), presence.present(1_000 + 10_000_000_000L + LanePresence.MARGIN_NANOS));
        presence.seenAgain(20_000_000_000L);
        assertEquals(Set.of(a, b), presence.present(25_000_000_000L), "a late frame renews the presence");
        presence.arrived(new SimVehicle[] {c}, 26_000_000_000L);
        assertEquals(
                Set.of(c), presence.present(26_000_000_001L), "the next vehicle ends the presence of the one before");

        VehiclePools pools = new VehiclePools();
        String key = VehiclePools.key(Scenario.UNBUNDLED, "IMPORT");
        pools.add(key, a);
        pools.add(key, b);
        pools.add(key, c);
        assertArrayEquals(new SimVehicle[] {c}, pools.take(Scenario.UNBUNDLED, "IMPORT", Set.of(a, b)));
        assertArrayEquals(
                new SimVehicle[] {a},
                pools.take(Scenario.UNBUNDLED, "EXPORT", Set.of()),
                "skipped vehicles keep their turn");
        assertNull(pools.take(Scenario.UNBUNDLED, "IMPORT", Set.of(b)), "only b is left, and it is present");
        assertArrayEquals(new SimVehicle[] {b}, pools.take(Scenario.UNBUNDLED, "IMPORT", Set.of()));
    }

    @Test
    void aHeldVehicleComesAgainAndAReleasedOneNever() {
        VehicleFactory factory = new VehicleFactory(5);
        SimVehicle first = factory.next(true, false);
        SimVehicle second = factory.next(true, false);
        VehiclePools pools = new VehiclePools();
        pools.add(VehiclePools.key(Scenario.GATEDROP, "IMPORT"), first);
        pools.add(VehiclePools.key(Scenario.GATEDROP, "IMPORT"), second);
        SimVehicle[] held = pools.take(Scenario.GATEDROP, "IMPORT", Set.of());
        pools.giveBack(Scenario.GATEDROP, "IMPORT", held, false);
        assertArrayEquals(
                new SimVehicle[] {first},
                pools.take(Scenario.GATEDROP, "IMPORT", Set.of()),
                "its bundle is still ACTIVE: it comes first, to be released once the gate is back");
        pools.giveBack(Scenario.GATEDROP, "IMPORT", new SimVehicle[] {first}, true);
        assertArrayEquals(new SimVehicle[] {second}, pools.take(Scenario.GATEDROP, "IMPORT", Set.of()));
        assertNull(pools.take(Scenario.GATEDROP, "IMPORT", Set.of()));
        assertEquals(
                "TWIN|EXPORT",
                VehiclePools.key(Scenario.TWIN, "EXPORT"),
                "a twin's partner is bundled in the lane's direction");
        assertFalse(VehiclePools.bundled(Scenario.TWIN));
    }

    @Test
    void targetedCargoCarriesTheRulesWordInItsDescriptionOfGoods() {
        CargoSampleGenerator generator = new CargoSampleGenerator(8, java.time.LocalDate.of(2026, 11, 26));
        for (int i = 0; i < 50; i++) {
            CargoSample c = generator.next();
            CargoSample targeted = c.describedAs("SIMTARGETABC");
            String goods = targeted.packaged() != null
                    ? targeted.packaged().articlesDescription()
                    : targeted.bulk().description();
            assertTrue(goods.startsWith("SIMTARGETABC "), goods);
            assertEquals(c.consigneeName(), targeted.consigneeName());
            assertEquals(c.packaged() == null, targeted.packaged() == null);
            String plain = c.packaged() != null
                    ? c.packaged().articlesDescription()
                    : c.bulk().description();
            assertFalse(
                    plain.toUpperCase(java.util.Locale.ROOT).contains("SIMTARGET"),
                    "only targeted cargo carries the word");
        }
    }
}
