package hk.seamless.lane.plate;

/**
 * The vehicles expected at a lane: those with an ACTIVE bundle for the lane's direction.
 * Look-alike characters in a read are only ever resolved against this set, never guessed.
 *
 * <p>Called many times per read on the pipeline thread: implementations must not allocate
 * (the pipeline's is an off-heap map look-up) and must not keep the argument, whose buffer is
 * reused for the next call.
 */
@FunctionalInterface
public interface ExpectedVehicles {

    /** @param canonicalMark a mark in canonical form (upper case, A-Z and 0-9 only) */
    boolean isExpected(CharSequence canonicalMark);
}
