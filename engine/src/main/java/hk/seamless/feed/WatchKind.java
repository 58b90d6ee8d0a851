package hk.seamless.feed;

/** What a watch-list entry names, as the lane side keys it: a vehicle, a party, or goods (a targeting rule). */
public enum WatchKind {
    VEHICLE,
    PARTY,
    GOODS
}
