package hk.seamless.pipeline;

/** Tells the registry that a released truck crossed; the seam between the lane side and the registry. */
@FunctionalInterface
public interface CrossingReporter {

    void crossed(String bundleId, String controlPoint, String lane, String arrivalId, long atMillis);
}
