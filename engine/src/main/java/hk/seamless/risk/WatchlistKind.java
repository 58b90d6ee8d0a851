package hk.seamless.risk;

/** What a watch-list entry names: a vehicle (by its Hong Kong mark) or a party (consignor or consignee, by name). */
public enum WatchlistKind {
    VEHICLE, PARTY
}
