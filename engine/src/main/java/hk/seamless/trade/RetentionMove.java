package hk.seamless.trade;

import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves records that can no longer change out of the hot maps once they have been finished for the
 * retention period: consignments CROSSED, CANCELLED or EXPIRED (with their superseded versions) and
 * bundles USED or UNBUNDLED. They stay answerable from the {@link Archive}.
 *
 * <p>The maps are scanned off the writer (call {@link #run()} from a worker); the moves go through the
 * writer a few hundred records at a time, each record checked again there, so other writes are not
 * held up and a record renewed since the scan stays.
 */
public final class RetentionMove {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionMove.class);
    private static final int RECORDS_PER_COMMAND = 200;

    private final Stores stores;
    private final RegistryWriter writer;
    private final Archive archive;
    private final LodgementWindow window;
    private final Clock clock;
    private final Duration retention;

    public RetentionMove(
            Stores stores,
            RegistryWriter writer,
            Archive archive,
            LodgementWindow window,
            Clock clock,
            Duration retention) {
        this.stores = stores;
        this.writer = writer;
        this.archive = archive;
        this.window = window;
        this.clock = clock;
        this.retention = retention;
    }

    /** Scans the hot maps (blocking) and completes with how many records were moved to the archive. */
    public CompletableFuture<Integer> run() {
        Instant now = clock.instant();
        List<String> consignments = new ArrayList<>();
        stores.store(StoreName.CONSIGNMENTS).forEach((ccrn, json) -> {
            if (readable(json, Consignment.class) instanceof Consignment c && finishedBefore(c, now)) {
                consignments.add(ccrn);
            }
        });
        List<String> bundles = new ArrayList<>();
        stores.store(StoreName.BUNDLES).forEach((id, json) -> {
            if (readable(json, Bundle.class) instanceof Bundle b && finishedBefore(b, now)) {
                bundles.add(id);
            }
        });
        List<CompletableFuture<Integer>> moves = new ArrayList<>();
        for (int from = 0; from < consignments.size(); from += RECORDS_PER_COMMAND) {
            List<String> chunk = consignments.subList(from, Math.min(consignments.size(), from + RECORDS_PER_COMMAND));
            moves.add(writer.submit("retention", tx -> moveConsignments(tx, chunk)));
        }
        for (int from = 0; from < bundles.size(); from += RECORDS_PER_COMMAND) {
            List<String> chunk = bundles.subList(from, Math.min(bundles.size(), from + RECORDS_PER_COMMAND));
            moves.add(writer.submit("retention", tx -> moveBundles(tx, chunk)));
        }
        return CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new)).thenApply(done -> {
            int moved = moves.stream().mapToInt(CompletableFuture::join).sum();
            if (moved > 0) {
                LOG.info("Moved {} records finished more than {} ago to the archive", moved, retention);
            }
            return moved;
        });
    }

    private int moveConsignments(Transaction tx, List<String> ccrns) {
        int moved = 0;
        for (String ccrn : ccrns) {
            Consignment c = tx.get(StoreName.CONSIGNMENTS, ccrn, Consignment.class);
            // Checked again on the writer: the consignment may have changed since the scan.
            if (c == null || !finishedBefore(c, tx.now()) || bundleStillActive(tx, c)) {
                continue;
            }
            for (int v = 1; v < c.version(); v++) {
                String key = Consignments.versionKey(ccrn, v);
                Consignment version = tx.get(StoreName.CONSIGNMENT_VERSIONS, key, Consignment.class);
                if (version != null) {
                    archive.moveVersion(tx, key, version);
                }
            }
            archive.moveConsignment(tx, c);
            tx.audit("ARCHIVED", ccrn, c.statusAt(tx.now(), window) + " consignment, version " + c.version());
            moved++;
        }
        return moved;
    }

    private int moveBundles(Transaction tx, List<String> ids) {
        int moved = 0;
        for (String id : ids) {
            Bundle b = tx.get(StoreName.BUNDLES, id, Bundle.class);
            if (b == null || !finishedBefore(b, tx.now())) {
                continue;
            }
            archive.moveBundle(tx, b);
            tx.audit("ARCHIVED", id, b.status() + " bundle of " + b.vehicleMarkDisplay());
            moved++;
        }
        return moved;
    }

    /** A consignment that expired while bundled stays hot as long as its bundle is ACTIVE: the bundle names it. */
    private static boolean bundleStillActive(Transaction tx, Consignment c) {
        if (c.bundleId() == null) {
            return false;
        }
        Bundle bundle = tx.get(StoreName.BUNDLES, c.bundleId(), Bundle.class);
        return bundle != null && bundle.status() == BundleStatus.ACTIVE;
    }

    private boolean finishedBefore(Consignment c, Instant now) {
        Instant finished = switch (c.statusAt(now, window)) {
            case CROSSED -> c.crossing() != null ? c.crossing().crossedAt() : c.updatedAt();
            case CANCELLED -> c.updatedAt();
            case EXPIRED -> latest(c.updatedAt(), window.expiresAt(c.cargo().expectedDate()));
            case LODGED, BUNDLED -> null;
        };
        return finished != null && finished.plus(retention).isBefore(now);
    }

    private boolean finishedBefore(Bundle b, Instant now) {
        boolean ended = b.status() == BundleStatus.USED || b.status() == BundleStatus.UNBUNDLED;
        return ended && b.endedAt() != null && b.endedAt().plus(retention).isBefore(now);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** A record this version cannot read stays where it is: moving must never lose what it does not understand. */
    private static Object readable(String json, Class<?> type) {
        try {
            return JsonCodec.read(json, type);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
