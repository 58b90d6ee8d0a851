package hk.seamless.ivrs;

import hk.seamless.access.PasswordHasher;
import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.config.Direction;
import hk.seamless.rules.FieldError;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.StoreName;
import hk.seamless.store.StoreUnavailableException;
import hk.seamless.store.Stores;
import hk.seamless.store.Transaction;
import hk.seamless.trade.Account;
import hk.seamless.trade.AccountStatus;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleRequest;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.Bundles;
import hk.seamless.trade.Ccrn;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.TradeRegistry;
import hk.seamless.trade.VehicleMark;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call's needs met by the engine itself: the same registry writer, rules and stores as the API.
 * Slow work (the PIN hash, the scan for a trucker's vehicles) runs on Vert.x worker threads; every
 * change goes through the registry writer.
 */
public final class RegistryCallServices implements CallServices {

    /** Where an IVRS command comes from, for the audit trail: the voice platform (the call sid is the subject). */
    private static final String ORIGIN = "ivrs";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryCallServices.class);
    private static final Pattern CCRN_FIELD = Pattern.compile("^ccrns\\[(\\d+)]$");

    private final TradeRegistry registry;
    private final IvrsPins pins;
    private final Stores stores;
    private final PasswordHasher hasher;
    private final Vertx vertx;
    private final hk.seamless.access.PasswordWork passwordWork;
    /** Compared against when the number is unknown, so that a wrong number takes as long as a wrong PIN. */
    private volatile String decoyHash;
    /**
     * Wrong PINs keyed for numbers no account has, counted as an account's are: an unknown number is
     * locked at the same attempt, so the lock does not tell a caller which numbers are accounts.
     * Kept in memory (bounded); guarded by itself.
     */
    private final hk.seamless.access.RecentFailures unknownNumbers = new hk.seamless.access.RecentFailures();

    /** @param passwordWork where PINs are hashed: the pool of their own that passwords use, not the shared workers */
    public RegistryCallServices(
            TradeRegistry registry,
            IvrsPins pins,
            Stores stores,
            PasswordHasher hasher,
            Vertx vertx,
            hk.seamless.access.PasswordWork passwordWork) {
        this.registry = registry;
        this.pins = pins;
        this.stores = stores;
        this.hasher = hasher;
        this.vertx = vertx;
        this.passwordWork = passwordWork;
    }

    private <T> CompletionStage<T> hashing(java.util.function.Supplier<T> work) {
        return passwordWork.run(vertx.getOrCreateContext(), work).toCompletionStage();
    }

    private <T> CompletionStage<T> blocking(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work, false).toCompletionStage();
    }

    @Override
    public CompletionStage<PinCheck> checkPin(String accountNumber, String pin) {
        String accountId = pins.accountFor(accountNumber);
        IvrsPin stored = accountId == null ? null : pins.find(accountId);
        if (stored != null && stored.lockedAt(registry.clock().instant())) {
            return CompletableFuture.completedFuture(PinCheck.locked(stored.lockedUntil()));
        }
        if (stored == null) {
            java.time.Instant until = unknownNumberLockedUntil(accountNumber);
            if (until != null) {
                return CompletableFuture.completedFuture(PinCheck.locked(until));
            }
        }
        return hashing(() -> {
                    if (stored == null) {
                        hasher.matches(pin, decoy());
                        return false;
                    }
                    return hasher.matches(pin, stored.hash());
                })
                .thenCompose(matched -> {
                    if (stored == null) {
                        synchronized (unknownNumbers) {
                            unknownNumbers.record(
                                    accountNumber, registry.clock().instant());
                        }
                        java.time.Instant until = unknownNumberLockedUntil(accountNumber);
                        return CompletableFuture.completedFuture(
                                until == null ? PinCheck.wrong(null) : PinCheck.locked(until));
                    }
                    return registry.writer()
                            .submit(accountId, ORIGIN, tx -> pins.record(tx, accountId, stored.hash(), matched))
                            .thenApply(attempt -> switch (attempt) {
                                case WRONG -> PinCheck.wrong(accountId);
                                case LOCKED ->
                                    PinCheck.locked(pins.find(accountId).lockedUntil());
                                case RIGHT ->
                                    mayUsePhone(registry.accounts()
                                                    .find(accountId)
                                                    .orElse(null))
                                            ? PinCheck.ok(accountId)
                                            : PinCheck.notAllowed();
                            });
                });
    }

    /** When an unknown number's lock ends, if it has as many wrong PINs as lock an account; else null. */
    private java.time.Instant unknownNumberLockedUntil(String accountNumber) {
        java.time.Instant now = registry.clock().instant();
        synchronized (unknownNumbers) {
            return unknownNumbers
                    .blockedFor(accountNumber, IvrsPins.MAX_FAILURES, IvrsPins.LOCK, now)
                    .map(now::plus)
                    .orElse(null);
        }
    }

    private String decoy() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash("decoy-" + System.nanoTime());
            decoyHash = hash;
        }
        return hash;
    }

    /** Only an ACTIVE trucker's account may act by phone: at the PIN, at every later step and at every write. */
    private static boolean mayUsePhone(Account account) {
        return account != null && account.role() == Role.TRUCKER && account.status() == AccountStatus.ACTIVE;
    }

    @Override
    public CompletionStage<Boolean> stillAllowed(String accountId) {
        return CompletableFuture.completedFuture(
                mayUsePhone(registry.accounts().find(accountId).orElse(null)));
    }

    /**
     * Checked inside the writer's command, from the account as the writer sees it: a suspension
     * committed just before this command cannot be raced past, as a check made before submitting
     * could be. Thrown before anything is staged, so nothing is written.
     */
    private static void requireAllowed(Transaction tx, String accountId) {
        if (!mayUsePhone(tx.get(StoreName.ACCOUNTS, accountId, Account.class))) {
            throw new AccountNotAllowed(accountId);
        }
    }

    /** The account was suspended (or is otherwise no longer ACTIVE) while its call went on. */
    private static final class AccountNotAllowed extends RuntimeException {
        AccountNotAllowed(String accountId) {
            super("account " + accountId + " may no longer use the phone", null, false, false);
        }
    }

    @Override
    public CompletionStage<List<VehicleChoice>> vehicles(String accountId) {
        return blocking(() -> registry.vehicles().ownedBy(accountId).stream()
                .map(v -> new VehicleChoice(v.registrationMark(), v.display()))
                .toList());
    }

    @Override
    public CompletionStage<BundleResult> bundle(
            String accountId, String canonicalMark, Direction direction, List<String> ccrns) {
        BundleRequest request;
        try {
            request = new BundleRequest(
                    VehicleMark.parse(canonicalMark),
                    direction,
                    ccrns.stream().map(Ccrn::parse).toList(),
                    false);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    BundleResult.refused(List.of(new Refusal(RefusalKind.OTHER, null, null, null, e.getMessage()))));
        }
        return registry.writer()
                .submit(accountId, ORIGIN, tx -> {
                    requireAllowed(tx, accountId);
                    return registry.bundles().bundle(tx, request);
                })
                .handle((bundle, failure) -> {
                    if (failure == null) {
                        return BundleResult.bundled(bundle.id(), bundle.ccrns().size(), bundle.earliestCrossingAt());
                    }
                    Throwable t = unwrap(failure);
                    if (t instanceof AccountNotAllowed) {
                        return BundleResult.refused(List.of(
                                new Refusal(RefusalKind.ACCOUNT_NOT_ALLOWED, null, null, null, t.getMessage())));
                    }
                    if (t instanceof RuleViolation v) {
                        return BundleResult.refused(refusals(v, ccrns, direction));
                    }
                    if (!(t instanceof StoreUnavailableException)) {
                        LOG.error("IVRS bundling failed unexpectedly", t);
                    }
                    return BundleResult.failed();
                });
    }

    /** The rules' refusal, in the terms a caller can be told: which CCRN, and what is wrong with it. */
    private List<Refusal> refusals(RuleViolation v, List<String> ccrns, Direction direction) {
        List<Refusal> out = new ArrayList<>();
        switch (v.kind()) {
            case TOO_MANY_ATTEMPTS ->
                out.add(new Refusal(RefusalKind.TOO_MANY_ATTEMPTS, null, null, null, v.getMessage()));
            case CONFLICT -> out.add(new Refusal(RefusalKind.ACTIVE_BUNDLE, null, null, null, v.getMessage()));
            default -> {
                for (FieldError error : v.errors()) {
                    Matcher m = CCRN_FIELD.matcher(error.field());
                    if (error.field().equals("vehicleMark")) {
                        out.add(new Refusal(RefusalKind.VEHICLE_NOT_YOURS, null, null, null, v.getMessage()));
                    } else if (m.matches() && Integer.parseInt(m.group(1)) < ccrns.size()) {
                        out.add(refusal(ccrns.get(Integer.parseInt(m.group(1))), direction, error.message()));
                    } else {
                        out.add(new Refusal(RefusalKind.OTHER, null, null, null, error.message()));
                    }
                }
                if (out.isEmpty()) {
                    out.add(new Refusal(RefusalKind.OTHER, null, null, null, v.getMessage()));
                }
            }
        }
        return out;
    }

    /** Told from the consignment as it now stands, not from the wording of the message. */
    private Refusal refusal(String ccrn, Direction direction, String message) {
        Consignment c = registry.consignments().find(Ccrn.parse(ccrn));
        if (c == null) {
            return new Refusal(RefusalKind.NO_SUCH_CCRN, ccrn, null, null, message);
        }
        ConsignmentStatus status =
                c.statusAt(registry.clock().instant(), registry.consignments().window());
        if (status != ConsignmentStatus.LODGED) {
            return new Refusal(RefusalKind.NOT_LODGED, ccrn, status, null, message);
        }
        if (c.cargo().direction() != direction) {
            return new Refusal(
                    RefusalKind.WRONG_DIRECTION, ccrn, null, c.cargo().direction(), message);
        }
        return new Refusal(RefusalKind.OTHER, ccrn, null, null, message);
    }

    @Override
    public CompletionStage<ActiveBundle> activeBundle(String accountId, String canonicalMark, Direction direction) {
        String id = stores.store(StoreName.ACTIVE_BUNDLES).get(Bundles.activeKey(canonicalMark, direction));
        Bundle bundle = id == null ? null : registry.bundles().find(id);
        if (bundle == null
                || bundle.status() != BundleStatus.ACTIVE
                || !bundle.trucker().equals(accountId)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.completedFuture(
                new ActiveBundle(bundle.id(), bundle.ccrns().size(), bundle.empty(), bundle.earliestCrossingAt()));
    }

    @Override
    public CompletionStage<UnbundleResult> unbundle(String accountId, String bundleId) {
        Principal trucker = new Principal(accountId, Role.TRUCKER);
        return registry.writer()
                .submit(accountId, ORIGIN, tx -> {
                    requireAllowed(tx, accountId);
                    return registry.bundles().unbundle(tx, trucker, bundleId);
                })
                .handle((ended, failure) -> {
                    if (failure == null) {
                        return new UnbundleResult(
                                UnbundleStatus.UNBUNDLED, ended.ccrns().size(), null);
                    }
                    Throwable t = unwrap(failure);
                    if (t instanceof AccountNotAllowed) {
                        return new UnbundleResult(UnbundleStatus.NOT_ALLOWED, 0, t.getMessage());
                    }
                    if (t instanceof RuleViolation v) {
                        return new UnbundleResult(UnbundleStatus.GONE, 0, v.getMessage());
                    }
                    if (!(t instanceof StoreUnavailableException)) {
                        LOG.error("IVRS unbundling failed unexpectedly", t);
                    }
                    return new UnbundleResult(UnbundleStatus.UNAVAILABLE, 0, String.valueOf(t.getMessage()));
                });
    }

    @Override
    public CompletionStage<Void> audit(String actor, String callSid, String detail) {
        return registry.writer().submit(actor, ORIGIN, tx -> {
            tx.audit("IVRS_STEP", callSid, detail);
            return null;
        });
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
