package hk.seamless.lane;

/**
 * A bundled consignment as the lane reads it: a flyweight over a reusable buffer. Layout:
 * {@code status␟expectedDateEpochDay␟consignor␟consignee}, the parties in the watch list's
 * canonical form.
 */
public final class ConsignmentAtLane {

    final StringBuilder raw = new StringBuilder(160);
    private int statusEnd;
    private long expectedEpochDay;
    private int consignorStart;
    private int consignorEnd;
    private int consigneeStart;

    static String encode(String status, long expectedEpochDay, String consignor, String consignee) {
        char s = CompactValue.SEPARATOR;
        return status + s + expectedEpochDay + s + consignor + s + consignee;
    }

    void wrap() {
        statusEnd = CompactValue.fieldEnd(raw, 0);
        int dayEnd = CompactValue.fieldEnd(raw, statusEnd + 1);
        expectedEpochDay = CompactValue.parseLong(raw, statusEnd + 1, dayEnd);
        consignorStart = dayEnd + 1;
        consignorEnd = CompactValue.fieldEnd(raw, consignorStart);
        consigneeStart = consignorEnd + 1;
    }

    public boolean statusIs(CharSequence status) {
        return CompactValue.regionEquals(raw, 0, statusEnd, status);
    }

    public long expectedEpochDay() {
        return expectedEpochDay;
    }

    public void consignor(StringBuilder into) {
        into.setLength(0);
        into.append(raw, consignorStart, consignorEnd);
    }

    public void consignee(StringBuilder into) {
        into.setLength(0);
        into.append(raw, consigneeStart, raw.length());
    }
}
