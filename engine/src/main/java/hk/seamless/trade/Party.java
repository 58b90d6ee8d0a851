package hk.seamless.trade;

/** A consignor or a consignee: pieces 4 to 7 of the road cargo information. */
public record Party(String name, String address) {}
