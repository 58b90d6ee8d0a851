package hk.seamless.risk;

/**
 * What a watch-list entry names: a vehicle (by its Hong Kong mark), a party (consignor or
 * consignee, by name), or goods: a targeting rule that hits any consignment whose description of
 * goods contains the words (RISK_RULE rather than WATCHLIST).
 */
public enum WatchlistKind {
    VEHICLE,
    PARTY,
    GOODS
}
