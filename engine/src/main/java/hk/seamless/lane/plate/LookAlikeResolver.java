package hk.seamless.lane.plate;

/**
 * Resolves the look-alike characters of a plate read (B/8, S/5, Z/2, G/6) against the vehicles
 * expected at the lane, as the rules require: a read is corrected only when exactly one expected
 * vehicle can be reached from it, never by guessing which character the camera meant.
 *
 * <p>Variants are enumerated without allocation: the positions holding a look-alike character
 * (at most {@link #MAX_VARIANT_POSITIONS}, so at most 256 variants) are walked in Gray-code
 * order, each step flipping one character of a reusable buffer. Each variant costs one
 * {@link ExpectedVehicles#isExpected} call, so the variants are only walked when
 * {@link ExpectedVehicles#lookAlikesExpected} says some expected vehicle other than the read
 * itself is a look-alike of it: an unexpected truck whose plate is all look-alike characters costs
 * two look-ups, not 256. The read itself is always looked up, so an exactly read expected truck
 * never depends on that count.
 *
 * <p>One instance per pipeline thread: it owns scratch buffers and is not thread-safe.
 */
public final class LookAlikeResolver {

    /** Positions varied; a canonical mark has at most 8 characters anyway. */
    public static final int MAX_VARIANT_POSITIONS = 8;

    private final int[] positions = new int[MAX_VARIANT_POSITIONS];
    private final StringBuilder read = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder variant = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder best = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder fallback = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder candidateOut = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);
    private final StringBuilder answer = new StringBuilder(PlateRead.MAX_TEXT_LENGTH);

    /**
     * Resolves one canonical read (as made by {@link PlateNormaliser}).
     *
     * @param out receives the mark to use: the expected variant for {@link Resolution#RESOLVED},
     *            otherwise the read itself (empty for {@link Resolution#UNREADABLE}, i.e. an empty
     *            read). May be the same builder as {@code canonical}.
     */
    public Resolution resolve(CharSequence canonical, ExpectedVehicles expected, StringBuilder out) {
        read.setLength(0);
        read.append(canonical); // first, so that out may alias canonical
        out.setLength(0);
        if (read.length() == 0) {
            return Resolution.UNREADABLE;
        }
        int count = 0;
        for (int i = 0; i < read.length() && count < MAX_VARIANT_POSITIONS; i++) {
            if (LookAlikes.partner(read.charAt(i)) != 0) {
                positions[count++] = i;
            }
        }
        boolean exact = expected.isExpected(read);
        // A read without look-alike characters has no variants: the group need not be looked up.
        if (count == 0 || expected.lookAlikesExpected(read) - (exact ? 1 : 0) <= 0) {
            out.append(read);
            return exact ? Resolution.EXACT : Resolution.NOT_EXPECTED;
        }
        // Every variant is walked even once the count's look-alikes are found: a count that were
        // ever too low must not turn a second match (AMBIGUOUS) into a correction.
        variant.setLength(0);
        variant.append(read);
        int matches = 0;
        int matchedMask = 0;
        int variants = 1 << count;
        for (int step = 1; step < variants; step++) {
            // Gray code: step i differs from step i-1 in exactly the bit numberOfTrailingZeros(i).
            int position = positions[Integer.numberOfTrailingZeros(step)];
            variant.setCharAt(position, LookAlikes.partner(variant.charAt(position)));
            if (expected.isExpected(variant)) {
                matches++;
                matchedMask = step ^ (step >>> 1);
                if (exact || matches > 1) {
                    out.append(read);
                    return Resolution.AMBIGUOUS; // stop early: more look-ups cannot make it less ambiguous
                }
            }
        }
        if (exact) {
            out.append(read);
            return Resolution.EXACT;
        }
        if (matches == 1) {
            out.append(read);
            for (int bit = 0; bit < count; bit++) {
                if ((matchedMask & (1 << bit)) != 0) {
                    int position = positions[bit];
                    out.setCharAt(position, LookAlikes.partner(out.charAt(position)));
                }
            }
            return Resolution.RESOLVED;
        }
        out.append(read);
        return Resolution.NOT_EXPECTED;
    }

    /**
     * Resolves a whole camera read: the best plate first, then the ANPR's other candidates.
     *
     * <p>The choice, made to fail safe (a wrong identity would open the gate for the wrong
     * lorry, a REFER only costs an officer a look):
     * <ol>
     * <li>The best plate is normalised and resolved. EXACT, RESOLVED or AMBIGUOUS is the answer:
     *     when the best plate reaches an expected vehicle, the less likely candidates are not
     *     consulted.</li>
     * <li>Only when the best plate reaches no expected vehicle (or is not a possible HK mark)
     *     is every candidate, in order, normalised and resolved. If any candidate is AMBIGUOUS,
     *     or the candidates reach two different expected vehicles, the answer is AMBIGUOUS
     *     (stricter than taking the first hit: with two expected vehicles in the candidate list
     *     the camera has not identified either). If they all reach the same one vehicle, the
     *     answer is RESOLVED to it (also when a candidate matched exactly: the camera's best
     *     guess was corrected). Candidate confidences are not weighed.</li>
     * <li>Otherwise NOT_EXPECTED, or UNREADABLE when neither the plate nor any candidate can be
     *     a Hong Kong mark.</li>
     * </ol>
     *
     * @param out     receives the mark: the expected vehicle for EXACT and RESOLVED; otherwise the
     *                normalised best plate (or, when that is unusable, the first usable
     *                candidate); empty for UNREADABLE
     * @param scratch a caller-owned buffer, overwritten
     */
    public Resolution resolveCandidates(
            PlateRead plateRead, ExpectedVehicles expected, StringBuilder out, StringBuilder scratch) {
        best.setLength(0);
        fallback.setLength(0);
        boolean readable = false;
        if (PlateNormaliser.normalise(plateRead.plate(), scratch)) {
            readable = true;
            best.append(scratch);
            fallback.append(scratch);
            Resolution resolution = resolve(scratch, expected, out);
            if (resolution != Resolution.NOT_EXPECTED) {
                return resolution;
            }
        }
        answer.setLength(0);
        for (int i = 0; i < plateRead.candidateCount(); i++) {
            if (!PlateNormaliser.normalise(plateRead.candidate(i), scratch)) {
                continue;
            }
            if (!readable) {
                readable = true;
                fallback.append(scratch);
            }
            if (LookAlikes.sameText(scratch, best)) {
                continue; // OpenALPR repeats the best plate as its first candidate: already tried
            }
            Resolution resolution = resolve(scratch, expected, candidateOut);
            if (resolution == Resolution.AMBIGUOUS) {
                return answer(Resolution.AMBIGUOUS, fallback, out);
            }
            if (resolution == Resolution.EXACT || resolution == Resolution.RESOLVED) {
                if (answer.length() == 0) {
                    answer.append(candidateOut);
                } else if (!LookAlikes.sameText(answer, candidateOut)) {
                    return answer(Resolution.AMBIGUOUS, fallback, out);
                }
            }
        }
        if (answer.length() > 0) {
            return answer(Resolution.RESOLVED, answer, out);
        }
        return answer(readable ? Resolution.NOT_EXPECTED : Resolution.UNREADABLE, fallback, out);
    }

    private static Resolution answer(Resolution resolution, CharSequence mark, StringBuilder out) {
        out.setLength(0);
        out.append(mark);
        return resolution;
    }
}
