package hk.seamless.lane.plate;

/**
 * One camera read of a plate, as a reusable mutable holder: one instance lives in each
 * ring-buffer slot and is overwritten for every read, so that the lane pipeline does not
 * allocate per read.
 *
 * <p>Texts are kept exactly as the ANPR sent them (no normalisation here), so that an officer
 * looking at a REFER sees what the camera saw. {@link PlateNormaliser} makes the canonical mark.
 *
 * <p>Candidates are kept best first (highest confidence; equal confidences keep the order they
 * were added in). When more than {@link #MAX_CANDIDATES} are added, the worst are dropped.
 *
 * <p>Not thread-safe: a slot is owned by one thread at a time (the ring buffer hands it over).
 */
public final class PlateRead {

    /** How many alternative readings are kept: OpenALPR's default top-N is 10. */
    public static final int MAX_CANDIDATES = 10;

    /**
     * Longest plate text (UTF-16 units) a read may carry; {@link OpenAlprDocument} refuses longer.
     * The builders are sized to it so that filling them never grows (allocates) them.
     */
    public static final int MAX_TEXT_LENGTH = 16;

    private final StringBuilder plate = new StringBuilder(MAX_TEXT_LENGTH);
    private int confidence;
    private final StringBuilder[] candidateTexts = new StringBuilder[MAX_CANDIDATES];
    private final int[] candidateConfidences = new int[MAX_CANDIDATES];
    private int candidateCount;
    private long epochMillis;
    private final StringBuilder region = new StringBuilder(MAX_TEXT_LENGTH);

    public PlateRead() {
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            candidateTexts[i] = new StringBuilder(MAX_TEXT_LENGTH);
        }
    }

    /** Empties the holder: no plate, confidence 0, no candidates, time 0, no region. */
    public void clear() {
        plate.setLength(0);
        confidence = 0;
        for (int i = 0; i < candidateCount; i++) {
            candidateTexts[i].setLength(0);
        }
        candidateCount = 0;
        epochMillis = 0L;
        region.setLength(0);
    }

    /** Makes this holder an exact copy of {@code other}, reusing this holder's buffers. */
    public void copyFrom(PlateRead other) {
        if (other == this) {
            return;
        }
        setPlate(other.plate);
        confidence = other.confidence;
        for (int i = 0; i < other.candidateCount; i++) {
            StringBuilder text = candidateTexts[i];
            text.setLength(0);
            text.append(other.candidateTexts[i]);
            candidateConfidences[i] = other.candidateConfidences[i];
        }
        for (int i = other.candidateCount; i < candidateCount; i++) {
            candidateTexts[i].setLength(0);
        }
        candidateCount = other.candidateCount;
        epochMillis = other.epochMillis;
        setRegion(other.region);
    }

    /**
     * Adds an alternative reading, keeping the list sorted best first.
     *
     * @param confidence 0 to 100
     * @return false when the list is full and this candidate is no better than the worst kept
     *         (it is then ignored)
     */
    public boolean addCandidate(CharSequence text, int confidence) {
        checkConfidence(confidence);
        int at = candidateCount;
        // Insert after every candidate at least as good: equal confidences keep arrival order.
        while (at > 0 && candidateConfidences[at - 1] < confidence) {
            at--;
        }
        if (at == MAX_CANDIDATES) {
            return false;
        }
        // Rotate the builders rather than copying text: the one falling off the end (or the
        // spare slot past the end) is recycled for the new candidate.
        int last = candidateCount < MAX_CANDIDATES ? candidateCount : MAX_CANDIDATES - 1;
        StringBuilder recycled = candidateTexts[last];
        for (int i = last; i > at; i--) {
            candidateTexts[i] = candidateTexts[i - 1];
            candidateConfidences[i] = candidateConfidences[i - 1];
        }
        recycled.setLength(0);
        recycled.append(text);
        candidateTexts[at] = recycled;
        candidateConfidences[at] = confidence;
        if (candidateCount < MAX_CANDIDATES) {
            candidateCount++;
        }
        return true;
    }

    /** The best plate text as the ANPR sent it; empty when no plate was readable. */
    public CharSequence plate() {
        return plate;
    }

    public void setPlate(CharSequence text) {
        plate.setLength(0);
        plate.append(text);
    }

    /** Confidence of the best plate, 0 to 100, rounded down. */
    public int confidence() {
        return confidence;
    }

    public void setConfidence(int confidence) {
        checkConfidence(confidence);
        this.confidence = confidence;
    }

    public int candidateCount() {
        return candidateCount;
    }

    /** @param index 0 (best) to {@link #candidateCount()} - 1 */
    public CharSequence candidate(int index) {
        checkCandidateIndex(index);
        return candidateTexts[index];
    }

    /** @param index 0 (best) to {@link #candidateCount()} - 1 */
    public int candidateConfidence(int index) {
        checkCandidateIndex(index);
        return candidateConfidences[index];
    }

    /** When the camera saw the plate, milliseconds since the epoch (OpenALPR {@code epoch_time}). */
    public long epochMillis() {
        return epochMillis;
    }

    public void setEpochMillis(long epochMillis) {
        this.epochMillis = epochMillis;
    }

    /** The ANPR's plate-region guess (OpenALPR {@code region}, e.g. "hk"); may be empty. */
    public CharSequence region() {
        return region;
    }

    public void setRegion(CharSequence text) {
        region.setLength(0);
        region.append(text);
    }

    /** For logs and test failures only: allocates. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64 + candidateCount * 24);
        out.append("PlateRead[plate=")
                .append(plate)
                .append(", confidence=")
                .append(confidence)
                .append(", epochMillis=")
                .append(epochMillis)
                .append(", region=")
                .append(region)
                .append(", candidates=[");
        for (int i = 0; i < candidateCount; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(candidateTexts[i]).append('/').append(candidateConfidences[i]);
        }
        return out.append("]]").toString();
    }

    private static void checkConfidence(int confidence) {
        if (confidence < 0 || confidence > 100) {
            // Only reached on a programming error: the parser validates first.
            throw new IllegalArgumentException("confidence must be 0 to 100");
        }
    }

    private void checkCandidateIndex(int index) {
        if (index < 0 || index >= candidateCount) {
            throw new IndexOutOfBoundsException(index);
        }
    }
}
