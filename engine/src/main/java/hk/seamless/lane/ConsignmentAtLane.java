package hk.seamless.lane;

/**
 * A bundled consignment as the lane reads it: a flyweight over a reusable buffer. Layout:
 * {@code status␟expectedDateEpochDay␟consignor␟consignee␟ownerAccountId␟goods}, the parties and
 * the description of goods in the watch list's canonical form, so that the lane compares and
 * never normalises. Values written before the owner and goods were kept read them as empty.
 */
public final class ConsignmentAtLane {

    final StringBuilder raw = new StringBuilder(160);
    private int statusEnd;
    private long expectedEpochDay;
    private int consignorStart;
    private int consignorEnd;
    private int consigneeStart;
    private int consigneeEnd;
    private int ownerStart;
    private int ownerEnd;
    private int goodsStart;

    static String encode(
            String status, long expectedEpochDay, String consignor, String consignee, String owner, String goods) {
        char s = CompactValue.SEPARATOR;
        return status + s + expectedEpochDay + s + consignor + s + consignee + s + owner + s + goods;
    }

    void wrap() {
        statusEnd = CompactValue.fieldEnd(raw, 0);
        int dayEnd = CompactValue.fieldEnd(raw, statusEnd + 1);
        expectedEpochDay = CompactValue.parseLong(raw, statusEnd + 1, dayEnd);
        consignorStart = dayEnd + 1;
        consignorEnd = CompactValue.fieldEnd(raw, consignorStart);
        consigneeStart = consignorEnd + 1;
        consigneeEnd = CompactValue.fieldEnd(raw, consigneeStart);
        ownerStart = Math.min(consigneeEnd + 1, raw.length());
        ownerEnd = CompactValue.fieldEnd(raw, ownerStart);
        goodsStart = Math.min(ownerEnd + 1, raw.length());
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
        into.append(raw, consigneeStart, consigneeEnd);
    }

    /** Writes the account id of the shipper or agent who lodged it into {@code into}. */
    public void owner(StringBuilder into) {
        into.setLength(0);
        into.append(raw, ownerStart, ownerEnd);
    }

    /** The canonical description of goods, read in place: what targeting rules are probed against. */
    public CharSequence goods() {
        return raw;
    }

    public int goodsStart() {
        return goodsStart;
    }

    public int goodsEnd() {
        return raw.length();
    }
}
