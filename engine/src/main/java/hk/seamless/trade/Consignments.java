package hk.seamless.trade;

import hk.seamless.access.Principal;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lodgement, amendment and cancellation of consignments, and who may see them. Write methods run
 * on the registry writer; look-ups from any thread.
 */
public final class Consignments {

    private final Stores stores;
    private final CcrnGenerator ccrns;
    private final LodgementWindow window;
    private final Archive archive;

    public Consignments(Stores stores, CcrnGenerator ccrns, LodgementWindow window) {
        this(stores, ccrns, window, new Archive(stores, sequence -> java.util.Optional.empty()));
    }

    /** @param archive where a finished consignment is found once it has left the hot map */
    public Consignments(Stores stores, CcrnGenerator ccrns, LodgementWindow window, Archive archive) {
        this.stores = stores;
        this.ccrns = ccrns;
        this.window = window;
        this.archive = archive;
    }

    public LodgementWindow window() {
        return window;
    }

    public Consignment lodge(Transaction tx, CargoInformation cargo) {
        Ccrn ccrn = newCcrn(tx);
        Consignment consignment =
                new Consignment(ccrn.value(), tx.actor(), 1, ConsignmentStatus.LODGED, cargo, tx.now(), tx.now(), null);
        tx.put(StoreName.CONSIGNMENTS, ccrn.value(), consignment);
        tx.audit("CONSIGNMENT_LODGED", ccrn.value(), cargo.direction() + " expected " + cargo.expectedDate());
        return consignment;
    }

    /** Random, so a guess is hopeless; drawn again on the rare chance that the number is taken. */
    private Ccrn newCcrn(Transaction tx) {
        Ccrn ccrn = ccrns.next();
        while (tx.get(StoreName.CONSIGNMENTS, ccrn.value()) != null) {
            ccrn = ccrns.next();
        }
        return ccrn;
    }

    public Consignment amend(Transaction tx, Principal caller, Ccrn ccrn, CargoInformation cargo) {
        Consignment current = ownedForChange(tx, caller, ccrn);
        requireLodged(current, tx.now(), "amended");
        Consignment amended = current.amended(cargo, tx.now());
        // Superseded versions move to their own store: most consignments are never amended, so
        // the current record is the only copy they need.
        tx.put(StoreName.CONSIGNMENT_VERSIONS, versionKey(ccrn.value(), current.version()), current);
        tx.put(StoreName.CONSIGNMENTS, ccrn.value(), amended);
        tx.audit("CONSIGNMENT_AMENDED", ccrn.value(), "version " + amended.version());
        return amended;
    }

    public Consignment cancel(Transaction tx, Principal caller, Ccrn ccrn) {
        Consignment current = ownedForChange(tx, caller, ccrn);
        requireLodged(current, tx.now(), "cancelled");
        Consignment cancelled = current.withStatus(ConsignmentStatus.CANCELLED, null, tx.now());
        tx.put(StoreName.CONSIGNMENTS, ccrn.value(), cancelled);
        tx.audit("CONSIGNMENT_CANCELLED", ccrn.value(), "");
        return cancelled;
    }

    private void requireLodged(Consignment c, Instant now, String verb) {
        ConsignmentStatus status = c.statusAt(now, window);
        if (status != ConsignmentStatus.LODGED) {
            String hint = status == ConsignmentStatus.BUNDLED
                    ? ": it is bundled to a vehicle; the trucker must unbundle it first"
                    : "";
            throw RuleViolation.conflict(
                    "consignment " + c.ccrn() + " is " + status + " and can only be " + verb + " while LODGED" + hint);
        }
    }

    /** Only the lodging account changes a consignment; to anyone else it does not exist. */
    private static Consignment ownedForChange(Transaction tx, Principal caller, Ccrn ccrn) {
        Consignment c = tx.get(StoreName.CONSIGNMENTS, ccrn.value(), Consignment.class);
        if (c == null || !c.owner().equals(caller.accountId())) {
            throw RuleViolation.notFound("no consignment " + ccrn.value() + " of yours");
        }
        return c;
    }

    // ---- look-ups ----

    /** The consignment from the hot map, or from the archive once it has been finished long enough. */
    public Consignment find(Ccrn ccrn) {
        String json = stores.store(StoreName.CONSIGNMENTS).get(ccrn.value());
        return json == null ? archive.consignment(ccrn.value()) : JsonCodec.read(json, Consignment.class);
    }

    public Consignment version(Ccrn ccrn, int version) {
        String key = versionKey(ccrn.value(), version);
        String json = stores.store(StoreName.CONSIGNMENT_VERSIONS).get(key);
        return json == null ? archive.version(key) : JsonCodec.read(json, Consignment.class);
    }

    /** Every version, oldest first, the current one last. */
    public List<Consignment> versions(Consignment current) {
        List<Consignment> result = new ArrayList<>();
        for (int v = 1; v < current.version(); v++) {
            Consignment old = version(Ccrn.parse(current.ccrn()), v);
            if (old != null) {
                result.add(old);
            }
        }
        result.add(current);
        return result;
    }

    /**
     * The caller's consignments, newest first. A scan of the store: call it from a worker thread,
     * never an event loop. Only records that name the owner are decoded.
     */
    public List<Consignment> ownedBy(String accountId, int limit) {
        return ownedBy(accountId, limit, c -> true);
    }

    /** The caller's consignments that {@code matching} accepts, newest first; the limit counts matches only. */
    public List<Consignment> ownedBy(String accountId, int limit, Predicate<Consignment> matching) {
        List<Consignment> result = new ArrayList<>();
        String ownerField = "\"owner\":\"" + accountId + "\"";
        stores.store(StoreName.CONSIGNMENTS).forEach((key, json) -> {
            if (json.contains(ownerField)) {
                Consignment c = JsonCodec.read(json, Consignment.class);
                if (c.owner().equals(accountId) && matching.test(c)) {
                    result.add(c);
                }
            }
        });
        result.sort((a, b) -> b.lodgedAt().compareTo(a.lodgedAt()));
        return result.size() > limit ? result.subList(0, limit) : result;
    }

    static String versionKey(String ccrn, int version) {
        return ccrn + "/" + version;
    }
}
