package hk.seamless.ivrs;

import hk.seamless.config.Direction;
import hk.seamless.trade.ConsignmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What a call needs from the registry, asynchronously: the state machine never blocks and never
 * touches a store. The engine's implementation is {@link RegistryCallServices}; tests give their own.
 */
public interface CallServices {

    /** Checks an IVRS account number and PIN, counting failures against the account and locking it. */
    CompletionStage<PinCheck> checkPin(String accountNumber, String pin);

    /**
     * Whether the signed-in account may still use the phone (an ACTIVE trucker): asked before every
     * step after the PIN, because an admin may suspend the account while the call goes on.
     */
    CompletionStage<Boolean> stillAllowed(String accountId);

    /** The trucker's registered vehicles, in a stable order. */
    CompletionStage<List<VehicleChoice>> vehicles(String accountId);

    /**
     * Bundles through the same rules as the API; a refusal is an answer, not a failure. An account
     * no longer allowed by the time the write is made is refused ({@link RefusalKind#ACCOUNT_NOT_ALLOWED}).
     */
    CompletionStage<BundleResult> bundle(
            String accountId, String canonicalMark, Direction direction, List<String> ccrns);

    /** The vehicle's ACTIVE bundle for the direction, or null. */
    CompletionStage<ActiveBundle> activeBundle(String accountId, String canonicalMark, Direction direction);

    /** As {@link #bundle}, refused ({@link UnbundleStatus#NOT_ALLOWED}) for an account no longer allowed. */
    CompletionStage<UnbundleResult> unbundle(String accountId, String bundleId);

    /** Writes one step of a call into the journal; the answer waits for it. */
    CompletionStage<Void> audit(String actor, String callSid, String detail);

    // ---- answers ----

    enum PinStatus {
        OK,
        WRONG,
        LOCKED,
        NOT_ALLOWED
    }

    /**
     * @param lockedUntil set when LOCKED
     * @param accountId set when OK, and when WRONG for a number an account has (for the journal; never spoken)
     */
    record PinCheck(PinStatus status, String accountId, Instant lockedUntil) {

        public static PinCheck ok(String accountId) {
            return new PinCheck(PinStatus.OK, accountId, null);
        }

        /** @param accountId the account the number is, or null when no account has that number */
        public static PinCheck wrong(String accountId) {
            return new PinCheck(PinStatus.WRONG, accountId, null);
        }

        public static PinCheck locked(Instant until) {
            return new PinCheck(PinStatus.LOCKED, null, until);
        }

        public static PinCheck notAllowed() {
            return new PinCheck(PinStatus.NOT_ALLOWED, null, null);
        }
    }

    /** @param mark canonical (the key), @param display as printed ("FU 1234") */
    record VehicleChoice(String mark, String display) {}

    enum RefusalKind {
        ACTIVE_BUNDLE,
        VEHICLE_NOT_YOURS,
        NO_SUCH_CCRN,
        NOT_LODGED,
        WRONG_DIRECTION,
        TOO_MANY_ATTEMPTS,
        /** The account was suspended (or is otherwise no longer ACTIVE) during the call. */
        ACCOUNT_NOT_ALLOWED,
        OTHER
    }

    /**
     * Why the rules refused.
     *
     * @param ccrn      the CCRN concerned, or null
     * @param status    for NOT_LODGED: the consignment's status
     * @param direction for WRONG_DIRECTION: the direction it was lodged for
     * @param message   the rules' own words, said when nothing more precise is known
     */
    record Refusal(RefusalKind kind, String ccrn, ConsignmentStatus status, Direction direction, String message) {}

    /** Either a bundle (id, earliest crossing) or the refusals; {@code unavailable} when the registry failed. */
    record BundleResult(
            String bundleId, int ccrnCount, Instant earliestCrossingAt, List<Refusal> refusals, boolean unavailable) {

        public BundleResult {
            refusals = refusals == null ? List.of() : List.copyOf(refusals);
        }

        public static BundleResult bundled(String bundleId, int ccrnCount, Instant earliestCrossingAt) {
            return new BundleResult(bundleId, ccrnCount, earliestCrossingAt, List.of(), false);
        }

        public static BundleResult refused(List<Refusal> refusals) {
            return new BundleResult(null, 0, null, refusals, false);
        }

        public static BundleResult failed() {
            return new BundleResult(null, 0, null, List.of(), true);
        }

        public boolean succeeded() {
            return bundleId != null;
        }
    }

    record ActiveBundle(String bundleId, int ccrnCount, boolean empty, Instant earliestCrossingAt) {}

    enum UnbundleStatus {
        UNBUNDLED,
        GONE,
        /** The account was suspended (or is otherwise no longer ACTIVE) during the call: nothing changed. */
        NOT_ALLOWED,
        UNAVAILABLE
    }

    /** GONE: the bundle was used, unbundled or is not the caller's by the time the rules looked. */
    record UnbundleResult(UnbundleStatus status, int ccrnCount, String reason) {}
}
