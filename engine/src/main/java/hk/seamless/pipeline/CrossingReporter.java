package hk.seamless.pipeline;

import java.util.concurrent.CompletableFuture;

/** Tells the registry that a released truck crossed; the seam between the lane side and the registry. */
@FunctionalInterface
public interface CrossingReporter {

    /**
     * For a lane engine (role lane): its crossings reach the registry from the lane log, where the
     * RELEASE already is, so the pipeline has nobody to tell.
     */
    CrossingReporter NONE =
            (bundleId, controlPoint, lane, arrivalId, atMillis) -> CompletableFuture.completedFuture(null);

    /**
     * @return done once the registry has recorded it (or failed to): a lane decision never waits for
     *     it, an officer's override is answered after it
     */
    CompletableFuture<?> crossed(String bundleId, String controlPoint, String lane, String arrivalId, long atMillis);
}
