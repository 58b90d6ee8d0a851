package hk.seamless.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.StoreName;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchlistTest {

    @TempDir
    Path dir;

    private RiskStoreFixture f;

    @BeforeEach
    void open() {
        f = new RiskStoreFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static JsonObject body(String kind, String value) {
        return new JsonObject().put("kind", kind).put("value", value);
    }

    private WatchlistEntry add(String kind, String value) {
        Watchlist.Addition a = Watchlist.read(body(kind, value));
        return f.run(tx -> f.watchlist.add(tx, a));
    }

    private static List<String> fields(InvalidInputException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    // ---- reading the request ----

    @Test
    void readsAVehicleInItsCanonicalFormKeepingWhatWasTyped() {
        Watchlist.Addition a = Watchlist.read(body("VEHICLE", "  ab-1234 "));
        assertEquals(WatchlistKind.VEHICLE, a.kind());
        assertEquals("AB1234", a.value());
        assertEquals("ab-1234", a.display());
    }

    @Test
    void readsAPartyInItsCanonicalForm() {
        Watchlist.Addition a = Watchlist.read(body("PARTY", " Acme Trading Co., Ltd. "));
        assertEquals("ACME TRADING", a.value()); // the company form is not part of the key (issue 18)
        assertEquals("Acme Trading Co., Ltd.", a.display());
    }

    @Test
    void refusesBadInputNamingEveryField() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> Watchlist.read(new JsonObject().put("colour", "red")));
        assertEquals(List.of("colour", "kind", "value"), fields(e));

        assertEquals(
                List.of("kind"),
                fields(assertThrows(InvalidInputException.class, () -> Watchlist.read(body("TRUCK", "AB1234")))));
        assertEquals(
                List.of("value"),
                fields(assertThrows(InvalidInputException.class, () -> Watchlist.read(body("VEHICLE", "AO1234")))));
        assertEquals(
                List.of("value"),
                fields(assertThrows(InvalidInputException.class, () -> Watchlist.read(body("VEHICLE", "粤Z·A123港")))));
        assertEquals(
                List.of("value"),
                fields(assertThrows(
                        InvalidInputException.class, () -> Watchlist.read(body("PARTY", "x".repeat(201))))));
        assertEquals(
                List.of("value"),
                fields(assertThrows(InvalidInputException.class, () -> Watchlist.read(body("PARTY", " ... ")))));
        assertEquals(
                List.of("value"),
                fields(assertThrows(InvalidInputException.class, () -> Watchlist.read(body("PARTY", "   ")))));
        assertEquals(
                List.of("value"),
                fields(assertThrows(
                        InvalidInputException.class,
                        () -> Watchlist.read(
                                new JsonObject().put("kind", "PARTY").put("value", 42)))));
        // "㍿" (squared kabushiki-kaisha) is one character that NFKC makes four.
        assertEquals(
                List.of("value"),
                fields(assertThrows(
                        InvalidInputException.class, () -> Watchlist.read(body("PARTY", "\u337F".repeat(200))))));
        Watchlist.read(body("PARTY", "x".repeat(200)));
    }

    // ---- the registry side ----

    @Test
    void addStoresTheEntryAuditsItAndTellsTheLane() {
        WatchlistEntry entry = add("VEHICLE", "ab 1234");

        assertTrue(entry.id().startsWith("W"));
        assertEquals("AB1234", entry.value());
        assertEquals("ab 1234", entry.display());
        assertEquals("S1", entry.addedBy());
        assertEquals(RiskStoreFixture.CLOCK.instant(), entry.addedAt());
        assertEquals(List.of(entry), f.watchlist.all());
        assertEquals(entry, f.watchlist.find(entry.id()).orElseThrow());
        RegistryChange.AuditEvent audit = f.heard.get(0).events().get(0);
        assertEquals("WATCHLIST_ADDED", audit.action());
        assertEquals(entry.id(), audit.subject());

        assertEquals(entry.id(), f.view.vehicleWatchEntry("AB1234"));
        assertNull(f.view.vehicleWatchEntry("AB1235"));
        assertNull(f.view.partyWatchEntry("AB1234"), "a vehicle entry is no party entry");
    }

    @Test
    void aDuplicateIsAConflictNamingTheEntryThatIsThere() {
        WatchlistEntry first = add("PARTY", "Acme Trading Co., Ltd.");
        RuleViolation v = assertThrows(RuleViolation.class, () -> add("PARTY", "ACME TRADING CO LTD"));
        assertEquals(RuleViolation.Kind.CONFLICT, v.kind());
        assertTrue(v.getMessage().contains(first.id()), v.getMessage());
        assertEquals(1, f.watchlist.all().size());
        // The same text as another kind is no duplicate.
        add("VEHICLE", "ACME");
        assertEquals(2, f.watchlist.all().size());
    }

    @Test
    void removeDropsTheEntryAuditsItAndTellsTheLane() {
        WatchlistEntry party = add("PARTY", "Kowloon Bay Trading Ltd");
        WatchlistEntry vehicle = add("VEHICLE", "FU1234");
        assertEquals(party.id(), f.view.partyWatchEntry("KOWLOON BAY TRADING"));

        WatchlistEntry removed = f.run(tx -> f.watchlist.remove(tx, party.id()));

        assertEquals(party, removed);
        assertEquals(List.of(vehicle), f.watchlist.all());
        assertNull(f.view.partyWatchEntry("KOWLOON BAY TRADING"));
        assertEquals(vehicle.id(), f.view.vehicleWatchEntry("FU1234"));
        // Nothing is left behind on the lane side: the vehicle's two keys only.
        assertEquals(2, f.stores.store(StoreName.LANE_WATCHLIST).size());
        RegistryChange.AuditEvent audit =
                f.heard.get(f.heard.size() - 1).events().get(0);
        assertEquals("WATCHLIST_REMOVED", audit.action());
        assertEquals(party.id(), audit.subject());

        RuleViolation again = assertThrows(RuleViolation.class, () -> f.run(tx -> f.watchlist.remove(tx, party.id())));
        assertEquals(RuleViolation.Kind.NOT_FOUND, again.kind());
        assertEquals(
                RuleViolation.Kind.NOT_FOUND,
                assertThrows(RuleViolation.class, () -> f.run(tx -> f.watchlist.remove(tx, "Wnope")))
                        .kind());
    }

    @Test
    void aValueRemovedThenAddedAgainIsListedUnderItsNewId() {
        WatchlistEntry first = add("VEHICLE", "AB1");
        f.run(tx -> f.watchlist.remove(tx, first.id()));
        WatchlistEntry second = add("VEHICLE", "ab 1");
        assertNotEquals(first.id(), second.id());
        assertEquals(second.id(), f.view.vehicleWatchEntry("AB1"));
    }

    @Test
    void replayingTheStreamAgainChangesNothing() {
        WatchlistEntry kept = add("PARTY", "深圳华强电子有限公司");
        WatchlistEntry gone = add("VEHICLE", "AB1");
        f.run(tx -> f.watchlist.remove(tx, gone.id()));
        WatchlistEntry back = add("VEHICLE", "AB1");
        long size = f.stores.store(StoreName.LANE_WATCHLIST).size();

        long applied = f.consumer.applied();
        // A crash that kept the lane's maps but lost its applied mark: the feed's entries, numbered
        // again from the journal at the restart, are all applied again over maps that have them.
        f.stores.store(StoreName.LANE_FEED).put("applied", "0");
        f.close();
        f = new RiskStoreFixture(dir);

        assertEquals(applied, f.consumer.applied());
        assertEquals(applied, f.feed.sequence());
        assertEquals(size, f.stores.store(StoreName.LANE_WATCHLIST).size());
        assertEquals(kept.id(), f.view.partyWatchEntry(PartyNames.canonical("（深圳华强电子有限公司）")));
        assertEquals(back.id(), f.view.vehicleWatchEntry("AB1"));
    }

    @Test
    void theLaneViewSurvivesARestart() {
        WatchlistEntry entry = add("PARTY", "Guangzhou Petrochemical Supply");
        f.close();
        f = new RiskStoreFixture(dir);
        assertEquals(entry.id(), f.view.partyWatchEntry("GUANGZHOU PETROCHEMICAL SUPPLY"));
        assertEquals(List.of(entry), f.watchlist.all());
    }

    @Test
    void theLongestChineseNameFitsTheStores() {
        String name = "深圳市华强北电子科技贸易有限公司".repeat(13).substring(0, 200);
        WatchlistEntry entry = add("PARTY", name);
        assertEquals(entry.id(), f.view.partyWatchEntry(PartyNames.canonical(name)));
        f.run(tx -> f.watchlist.remove(tx, entry.id()));
        assertNull(f.view.partyWatchEntry(PartyNames.canonical(name)));
    }

    @Test
    void emptyAndNullLookUpsFindNothing() {
        add("VEHICLE", "AB1");
        assertNull(f.view.vehicleWatchEntry(""));
        assertNull(f.view.vehicleWatchEntry(null));
        assertNull(f.view.partyWatchEntry(new StringBuilder()));
        assertEquals(f.watchlist.all().get(0).id(), f.view.vehicleWatchEntry(new StringBuilder("AB1")));
    }
}
