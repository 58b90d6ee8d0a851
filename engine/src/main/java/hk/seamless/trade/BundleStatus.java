package hk.seamless.trade;

/** ACTIVE until the truck crosses (USED) or the trucker unbundles (UNBUNDLED). */
public enum BundleStatus {
    ACTIVE,
    USED,
    UNBUNDLED
}
