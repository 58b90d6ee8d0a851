package hk.seamless.trade;

import hk.seamless.access.Principal;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bundling CCRNs to a vehicle and unbundling them. A vehicle has at most one ACTIVE bundle per
 * direction; its earliest crossing is the bundling time plus the lead time (30 minutes by default).
 */
public final class Bundles {

    private final Stores stores;
    private final LodgementWindow window;
    private final Duration lead;
    private final FailedAttemptLimiter failedAttempts;
    private final BundlingRisk risk;
    private final Archive archive;

    public Bundles(
            Stores stores,
            LodgementWindow window,
            Duration lead,
            FailedAttemptLimiter failedAttempts,
            BundlingRisk risk) {
        this(stores, window, lead, failedAttempts, risk, new Archive(stores, sequence -> java.util.Optional.empty()));
    }

    /** @param archive where a used or unbundled bundle is found once it has left the hot map */
    public Bundles(
            Stores stores,
            LodgementWindow window,
            Duration lead,
            FailedAttemptLimiter failedAttempts,
            BundlingRisk risk,
            Archive archive) {
        this.stores = stores;
        this.window = window;
        this.lead = lead;
        this.failedAttempts = failedAttempts;
        this.risk = risk;
        this.archive = archive;
    }

    public Bundle bundle(Transaction tx, BundleRequest request) {
        failedAttempts.blockedFor(tx.actor(), tx.now()).ifPresent(wait -> {
            throw RuleViolation.tooManyAttempts("too many failed bundling attempts; try again later", wait);
        });
        try {
            return bundleChecked(tx, request);
        } catch (RuleViolation e) {
            failedAttempts.recordFailure(tx.actor(), tx.now());
            throw e;
        }
    }

    private Bundle bundleChecked(Transaction tx, BundleRequest request) {
        String mark = request.vehicleMark().value();
        Vehicle vehicle = tx.get(StoreName.VEHICLES, mark, Vehicle.class);
        if (vehicle == null || !vehicle.owner().equals(tx.actor())) {
            throw RuleViolation.unprocessable(
                    "vehicle " + request.vehicleMark().display() + " is not registered to you",
                    List.of(new FieldError("vehicleMark", "register the vehicle first (POST /api/v1/vehicles)")));
        }
        String activeKey = activeKey(mark, request.direction());
        String activeId = tx.get(StoreName.ACTIVE_BUNDLES, activeKey);
        if (activeId != null) {
            throw RuleViolation.conflict("vehicle " + vehicle.display() + " already has active bundle " + activeId
                    + " for " + request.direction() + "; unbundle it first");
        }
        List<Consignment> consignments = bundleable(tx, request);
        Instant now = tx.now();
        Bundle bundle = new Bundle(
                hk.seamless.access.Tokens.newId("B"),
                tx.actor(),
                mark,
                vehicle.display(),
                request.direction(),
                request.ccrns().stream().map(Ccrn::value).toList(),
                request.empty(),
                BundleStatus.ACTIVE,
                now,
                now.plus(lead),
                null,
                risk.assess(mark, consignments),
                null);
        for (Consignment c : consignments) {
            tx.put(StoreName.CONSIGNMENTS, c.ccrn(), c.withStatus(ConsignmentStatus.BUNDLED, bundle.id(), now));
        }
        tx.put(StoreName.BUNDLES, bundle.id(), bundle);
        tx.put(StoreName.ACTIVE_BUNDLES, activeKey, bundle.id());
        tx.audit(
                "BUNDLED",
                bundle.id(),
                vehicle.display() + " " + request.direction() + " "
                        + (bundle.empty() ? "EMPTY" : String.join(",", bundle.ccrns())));
        return bundle;
    }

    /** Every CCRN must exist, be LODGED, go the bundle's way and not be expired: all are checked. */
    private List<Consignment> bundleable(Transaction tx, BundleRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<Consignment> result = new ArrayList<>();
        for (int i = 0; i < request.ccrns().size(); i++) {
            String field = "ccrns[" + i + "]";
            Ccrn ccrn = request.ccrns().get(i);
            Consignment c = tx.get(StoreName.CONSIGNMENTS, ccrn.value(), Consignment.class);
            if (c == null) {
                errors.add(new FieldError(field, "no consignment has CCRN " + ccrn.value()));
                continue;
            }
            ConsignmentStatus status = c.statusAt(tx.now(), window);
            if (status != ConsignmentStatus.LODGED) {
                errors.add(new FieldError(field, "consignment " + ccrn.value() + " is " + status + ", not LODGED"));
            } else if (c.cargo().direction() != request.direction()) {
                errors.add(new FieldError(
                        field,
                        "consignment " + ccrn.value() + " is lodged for "
                                + c.cargo().direction() + ", not " + request.direction()));
            } else {
                result.add(c);
            }
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.unprocessable("some CCRNs cannot be bundled", errors);
        }
        return result;
    }

    public Bundle unbundle(Transaction tx, Principal caller, String bundleId) {
        Bundle bundle = tx.get(StoreName.BUNDLES, bundleId, Bundle.class);
        if (bundle == null || !bundle.trucker().equals(caller.accountId())) {
            throw RuleViolation.notFound("no bundle " + bundleId + " of yours");
        }
        if (bundle.status() != BundleStatus.ACTIVE) {
            throw RuleViolation.conflict("bundle " + bundleId + " is " + bundle.status() + " and cannot be unbundled");
        }
        Instant now = tx.now();
        for (String ccrn : bundle.ccrns()) {
            Consignment c = tx.get(StoreName.CONSIGNMENTS, ccrn, Consignment.class);
            if (c != null && c.status() == ConsignmentStatus.BUNDLED && bundleId.equals(c.bundleId())) {
                tx.put(StoreName.CONSIGNMENTS, ccrn, c.withStatus(ConsignmentStatus.LODGED, null, now));
            }
        }
        Bundle ended = bundle.ended(BundleStatus.UNBUNDLED, now);
        tx.put(StoreName.BUNDLES, bundleId, ended);
        tx.remove(StoreName.ACTIVE_BUNDLES, activeKey(bundle.vehicleMark(), bundle.direction()));
        tx.audit("UNBUNDLED", bundleId, bundle.vehicleMarkDisplay() + " " + bundle.direction());
        return ended;
    }

    // ---- look-ups ----

    /**
     * The bundle, hot or archived, if the caller may see it: the caller's own bundle; officers and
     * admins see any; anyone else, it does not exist. May read the archive: not on an event loop.
     */
    public Bundle visibleTo(Principal caller, String bundleId) {
        Bundle bundle = find(bundleId);
        if (bundle == null
                || !(bundle.trucker().equals(caller.accountId())
                        || caller.role().readsEverything())) {
            throw RuleViolation.notFound("no bundle " + bundleId + " of yours");
        }
        return bundle;
    }

    /**
     * A trucker's bundles, newest first, only those in {@code status} unless it is null. A scan of
     * the store: call it from a worker thread, never an event loop. Only records that name the
     * trucker are decoded.
     */
    public List<Bundle> ownedBy(String truckerAccountId, BundleStatus status, int limit) {
        List<Bundle> result = new ArrayList<>();
        String truckerField = "\"trucker\":\"" + truckerAccountId + "\"";
        stores.store(StoreName.BUNDLES).forEach((key, json) -> {
            if (json.contains(truckerField)) {
                Bundle b = JsonCodec.read(json, Bundle.class);
                if (b.trucker().equals(truckerAccountId) && (status == null || b.status() == status)) {
                    result.add(b);
                }
            }
        });
        result.sort(Comparator.comparing(Bundle::bundledAt)
                .thenComparing(Bundle::id)
                .reversed());
        return result.size() > limit ? result.subList(0, limit) : result;
    }

    /** The bundle from the hot map, or from the archive once it has been finished long enough. */
    public Bundle find(String bundleId) {
        String json = stores.store(StoreName.BUNDLES).get(bundleId);
        return json == null ? archive.bundle(bundleId) : JsonCodec.read(json, Bundle.class);
    }

    public static String activeKey(String canonicalMark, hk.seamless.config.Direction direction) {
        return canonicalMark + "|" + direction.name();
    }
}
