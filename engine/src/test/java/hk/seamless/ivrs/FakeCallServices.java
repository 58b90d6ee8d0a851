package hk.seamless.ivrs;

import hk.seamless.config.Direction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registry as a call sees it, in memory: one trucker, its PIN, vehicles and bundles. */
final class FakeCallServices implements CallServices {

    static final String NUMBER = "31415926";
    static final String PIN = "204817";
    static final String ACCOUNT = "R-trucker";

    private final Clock clock;
    final List<String> audits = new CopyOnWriteArrayList<>();
    final List<List<String>> bundled = new CopyOnWriteArrayList<>();
    final List<String> unbundled = new CopyOnWriteArrayList<>();
    final Map<String, ActiveBundle> active = new HashMap<>();
    List<VehicleChoice> vehicles =
            new ArrayList<>(List.of(new VehicleChoice("FU1234", "FU 1234"), new VehicleChoice("AB12", "AB 12")));
    List<Refusal> refuseWith;
    int failures;
    Instant lockedUntil;
    /** False once the account is suspended as the steps see it. */
    volatile boolean allowed = true;
    /** False once the account is suspended as the registry writer sees it (it may be before the steps do). */
    volatile boolean allowedAtWrite = true;

    FakeCallServices(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<PinCheck> checkPin(String accountNumber, String pin) {
        if (!NUMBER.equals(accountNumber)) {
            return CompletableFuture.completedFuture(PinCheck.wrong(null));
        }
        if (lockedUntil != null && lockedUntil.isAfter(clock.instant())) {
            return CompletableFuture.completedFuture(PinCheck.locked(lockedUntil));
        }
        if (PIN.equals(pin)) {
            failures = 0;
            return CompletableFuture.completedFuture(PinCheck.ok(ACCOUNT));
        }
        if (++failures >= IvrsPins.MAX_FAILURES) {
            failures = 0;
            lockedUntil = clock.instant().plus(IvrsPins.LOCK);
            return CompletableFuture.completedFuture(PinCheck.locked(lockedUntil));
        }
        return CompletableFuture.completedFuture(PinCheck.wrong(ACCOUNT));
    }

    @Override
    public CompletionStage<Boolean> stillAllowed(String accountId) {
        return CompletableFuture.completedFuture(allowed);
    }

    @Override
    public CompletionStage<List<VehicleChoice>> vehicles(String accountId) {
        return CompletableFuture.supplyAsync(() -> List.copyOf(vehicles));
    }

    @Override
    public CompletionStage<BundleResult> bundle(
            String accountId, String mark, Direction direction, List<String> ccrns) {
        if (!allowedAtWrite) {
            return CompletableFuture.completedFuture(BundleResult.refused(
                    List.of(new Refusal(RefusalKind.ACCOUNT_NOT_ALLOWED, null, null, null, "suspended"))));
        }
        if (refuseWith != null) {
            return CompletableFuture.completedFuture(BundleResult.refused(refuseWith));
        }
        bundled.add(List.copyOf(ccrns));
        String id = "B" + bundled.size();
        active.put(
                mark + "|" + direction,
                new ActiveBundle(id, ccrns.size(), false, clock.instant().plus(Duration.ofMinutes(30))));
        return CompletableFuture.supplyAsync(
                () -> BundleResult.bundled(id, ccrns.size(), clock.instant().plus(Duration.ofMinutes(30))));
    }

    @Override
    public CompletionStage<ActiveBundle> activeBundle(String accountId, String mark, Direction direction) {
        return CompletableFuture.completedFuture(active.get(mark + "|" + direction));
    }

    @Override
    public CompletionStage<UnbundleResult> unbundle(String accountId, String bundleId) {
        if (!allowedAtWrite) {
            return CompletableFuture.completedFuture(new UnbundleResult(UnbundleStatus.NOT_ALLOWED, 0, "suspended"));
        }
        unbundled.add(bundleId);
        ActiveBundle removed = null;
        for (var e : List.copyOf(active.entrySet())) {
            if (e.getValue().bundleId().equals(bundleId)) {
                removed = active.remove(e.getKey());
            }
        }
        return CompletableFuture.completedFuture(
                removed == null
                        ? new UnbundleResult(UnbundleStatus.GONE, 0, "no bundle")
                        : new UnbundleResult(UnbundleStatus.UNBUNDLED, removed.ccrnCount(), null));
    }

    @Override
    public CompletionStage<Void> audit(String actor, String callSid, String detail) {
        audits.add(callSid + " " + detail);
        return CompletableFuture.completedFuture(null);
    }
}
