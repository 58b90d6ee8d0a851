package hk.seamless.registryfeed;

import hk.seamless.feed.LaneChange;
import hk.seamless.feed.WatchKind;
import hk.seamless.risk.PartyNames;
import hk.seamless.risk.WatchlistEntry;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import hk.seamless.trade.Account;
import hk.seamless.trade.AccountStatus;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.Crossings;
import hk.seamless.trade.Vehicle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a committed registry change means for the lane side: its writes, read with the registry's
 * own records, turned into {@link LaneChange}s. Deterministic: it looks at the change's writes and
 * nothing else (never at the maps), so projecting a journal entry again after a crash gives the
 * same events in the same order.
 *
 * <p>Removals are projected only where the registry removes something the lane keeps (watch-list
 * entries, rates): the purge of finished records (bundles, consignments) removes nothing a lane
 * still holds, and the removed record's content is not in the write to say what it was.
 */
public final class LaneChangeProjection {

    private LaneChangeProjection() {}

    public static List<LaneChange> project(RegistryChange change) {
        List<LaneChange> out = new ArrayList<>();
        List<RegistryChange.Write> writes = change.writes();
        Bundle[] bundles = bundlesWritten(writes);
        Set<String> leftEndedBundles = ccrnsOfEndedBundles(bundles);
        for (int i = 0; i < writes.size(); i++) {
            RegistryChange.Write write = writes.get(i);
            switch (write.store()) {
                case BUNDLES -> {
                    if (bundles[i] != null) {
                        bundle(bundles[i], out);
                    }
                }
                case CONSIGNMENTS -> {
                    if (write.value() != null) {
                        consignment(write.value(), leftEndedBundles, out);
                    }
                }
                case VEHICLES -> {
                    if (write.value() != null) {
                        out.add(vehicle(JsonCodec.read(write.value(), Vehicle.class)));
                    }
                }
                case ACCOUNTS -> {
                    if (write.value() != null) {
                        account(JsonCodec.read(write.value(), Account.class), out);
                    }
                }
                case WATCHLIST ->
                    out.add(
                            write.value() == null
                                    ? new LaneChange.WatchEntryRemoved(write.key())
                                    : watchEntry(JsonCodec.read(write.value(), WatchlistEntry.class)));
                case RANDOM_RATES ->
                    out.add(new LaneChange.RandomRateChanged(
                            write.key(), write.value() == null ? null : Double.valueOf(write.value())));
                default -> {}
            }
        }
        for (RegistryChange.AuditEvent event : change.events()) {
            if (Crossings.SUSPECTED_CLONE.equals(event.action())) {
                out.add(new LaneChange.CloneSuspected(event.subject(), event.detail()));
            }
        }
        return out;
    }

    /**
     * The CCRNs of bundles this change ends: a consignment written in the same change, no longer
     * BUNDLED, left the lane's sight with its bundle (unbundled). Without this, every lodgement and
     * amendment (LODGED, never bundled) would be a lane event too.
     */
    private static Set<String> ccrnsOfEndedBundles(Bundle[] bundles) {
        Set<String> ccrns = new HashSet<>();
        for (Bundle bundle : bundles) {
            if (bundle != null && bundle.status() != BundleStatus.ACTIVE) {
                ccrns.addAll(bundle.ccrns());
            }
        }
        return ccrns;
    }

    /** The bundles the change writes, decoded once, at the index of their write (null elsewhere). */
    private static Bundle[] bundlesWritten(List<RegistryChange.Write> writes) {
        Bundle[] bundles = new Bundle[writes.size()];
        for (int i = 0; i < writes.size(); i++) {
            RegistryChange.Write write = writes.get(i);
            if (write.store() == hk.seamless.store.StoreName.BUNDLES && write.value() != null) {
                bundles[i] = JsonCodec.read(write.value(), Bundle.class);
            }
        }
        return bundles;
    }

    static void bundle(Bundle bundle, List<LaneChange> out) {
        if (bundle.status() == BundleStatus.ACTIVE) {
            out.add(new LaneChange.BundleActivated(
                    bundle.id(),
                    bundle.vehicleMark(),
                    bundle.direction(),
                    bundle.earliestCrossingAt(),
                    bundle.empty(),
                    bundle.ccrns(),
                    bundle.riskHits(),
                    bundle.trucker()));
            return;
        }
        out.add(new LaneChange.BundleEnded(
                bundle.id(),
                bundle.vehicleMark(),
                bundle.direction(),
                bundle.status().name()));
        if (bundle.status() == BundleStatus.USED && bundle.crossing() != null) {
            out.add(new LaneChange.CrossingRecorded(
                    bundle.id(),
                    bundle.crossing().controlPoint(),
                    bundle.crossing().lane(),
                    bundle.crossing().arrivalId(),
                    bundle.crossing().crossedAt()));
        }
    }

    /**
     * Only BUNDLED consignments matter at a lane. One that left BUNDLED did so with its bundle
     * (unbundled, in the same change) or by a status no LODGED consignment has (crossed, cancelled).
     * Only a BUNDLED one is decoded whole (the lane keeps its parties and goods); for the rest the
     * status and CCRN, read from the text, say all: most changes are lodgements, which are nothing
     * for the lanes, and a crossing's consignments leave the lanes with their CCRN and status alone
     * (decoding each whole record only for that cost the registry writer a fifth of a crossing).
     */
    private static void consignment(String json, Set<String> ofEndedBundles, List<LaneChange> out) {
        String[] statusAndCcrn = JsonCodec.topLevelText(json, "status", "ccrn");
        String status = statusAndCcrn[0];
        String ccrn = statusAndCcrn[1];
        if (status == null || ccrn == null || ConsignmentStatus.BUNDLED.name().equals(status)) {
            consignment(JsonCodec.read(json, Consignment.class), ofEndedBundles, out);
        } else if (!ConsignmentStatus.LODGED.name().equals(status) || ofEndedBundles.contains(ccrn)) {
            out.add(new LaneChange.ConsignmentUnbundled(
                    ccrn, ConsignmentStatus.valueOf(status).name()));
        }
    }

    private static void consignment(Consignment c, Set<String> ofEndedBundles, List<LaneChange> out) {
        if (c.status() == ConsignmentStatus.BUNDLED) {
            out.add(bundled(c));
        } else if (c.status() != ConsignmentStatus.LODGED || ofEndedBundles.contains(c.ccrn())) {
            out.add(new LaneChange.ConsignmentUnbundled(c.ccrn(), c.status().name()));
        }
    }

    static LaneChange.ConsignmentBundled bundled(Consignment c) {
        CargoInformation cargo = c.cargo();
        String consignor = cargo.consignor() == null ? "" : cargo.consignor().name();
        String consignee = cargo.consignee() == null ? "" : cargo.consignee().name();
        return new LaneChange.ConsignmentBundled(
                c.ccrn(),
                cargo.expectedDate(),
                PartyNames.canonical(consignor),
                PartyNames.canonical(consignee),
                c.owner() == null ? "" : c.owner(),
                PartyNames.canonical(goods(cargo)));
    }

    /** The description of goods targeting rules look at, as the bundling assessment reads it. */
    private static String goods(CargoInformation cargo) {
        if (cargo.packaged() != null) {
            return nullToEmpty(cargo.packaged().packageDescription()) + " "
                    + nullToEmpty(cargo.packaged().articlesDescription());
        }
        return cargo.bulk() == null ? "" : nullToEmpty(cargo.bulk().description());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static LaneChange.VehicleRegistered vehicle(Vehicle vehicle) {
        return new LaneChange.VehicleRegistered(vehicle.registrationMark(), vehicle.rfidTag());
    }

    /**
     * Suspension reaches the lane at once; an ACTIVE account (reinstated, or merely rewritten) is
     * not suspended. PENDING and REJECTED accounts were never ACTIVE, so never suspended.
     */
    static void account(Account account, List<LaneChange> out) {
        if (account.status() == AccountStatus.SUSPENDED) {
            out.add(new LaneChange.AccountSuspended(account.id()));
        } else if (account.status() == AccountStatus.ACTIVE) {
            out.add(new LaneChange.AccountReinstated(account.id()));
        }
    }

    static LaneChange.WatchEntryAdded watchEntry(WatchlistEntry entry) {
        return new LaneChange.WatchEntryAdded(
                entry.id(), WatchKind.valueOf(entry.kind().name()), entry.value());
    }
}
