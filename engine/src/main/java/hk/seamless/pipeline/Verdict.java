package hk.seamless.pipeline;

/**
 * The outcomes of an arrival, and what the lane display says for each. HOLD is what a RELEASE
 * becomes at a lane whose gate cannot carry it out: the truck waits for an officer's hand release.
 */
public enum Verdict {
    RELEASE("PROCEED"),
    INSPECT("GO TO INSPECTION"),
    REFER("SEE OFFICER"),
    HOLD("SEE OFFICER");

    private final String display;

    Verdict(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    /** REFER and HOLD leave the truck at a closed gate until an officer acts: they wait on the console. */
    public boolean awaitsOfficer() {
        return this == REFER || this == HOLD;
    }
}
