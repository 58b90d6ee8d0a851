package hk.seamless.pipeline;

/** The three outcomes of an arrival, and what the lane display says for each. */
public enum Verdict {
    RELEASE("PROCEED"),
    INSPECT("GO TO INSPECTION"),
    REFER("SEE OFFICER");

    private final String display;

    Verdict(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }
}
