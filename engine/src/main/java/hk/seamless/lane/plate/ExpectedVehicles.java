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

    /**
     * How many expected vehicles' marks are look-alikes of this one (equal under {@link LookAlikes},
     * the mark itself counted when it is expected): one look-up that tells the resolver whether
     * any variant of a read can be expected before it probes up to 256 of them. Counting too many
     * only costs those probes; too few would lose a correction (the truck is then inspected).
     *
     * @return the count, or {@link Integer#MAX_VALUE} when it is not known (every variant is
     *         then probed): this default
     */
    default int lookAlikesExpected(CharSequence canonicalMark) {
        return Integer.MAX_VALUE;
    }
}
