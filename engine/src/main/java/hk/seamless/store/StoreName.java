package hk.seamless.store;

/**
 * The off-heap maps of the engine, with how big their keys and values are on average. Value sizes
 * come from realistic samples: a consignment carries names and addresses that may be Chinese (three
 * UTF-8 bytes a character) and long descriptions; a bundle a list of 16-digit CCRNs.
 */
public enum StoreName {
    // the registry: the authority. Entries per consignment of capacity: accounts and vehicles are
    // far fewer than consignments; each amendment keeps the superseded version; idempotency keys ride on writes.
    ACCOUNTS("accounts", 14, 520, 0.05),
    ACCOUNTS_BY_EMAIL("accounts-by-email", 32, 16, 0.05),
    CREDENTIALS("credentials", 64, 48, 0.1),
    SESSIONS("sessions", 64, 96, 0.1),
    VEHICLES("vehicles", 9, 220, 0.2),
    VEHICLES_BY_TAG("vehicles-by-tag", 24, 9, 0.2),
    CONSIGNMENTS("consignments", 16, 1400, 1),
    CONSIGNMENT_VERSIONS("consignment-versions", 20, 1400, 0.5),
    BUNDLES("bundles", 20, 420, 1),
    ACTIVE_BUNDLES("active-bundles", 16, 20, 0.2),
    IDEMPOTENCY("idempotency", 90, 1200, 1),
    DEVICES("devices", 20, 160, 0.01),
    DEVICE_CREDENTIALS("device-credentials", 64, 20, 0.01),
    WATCHLIST("watchlist", 20, 260, 0.05),
    RANDOM_RATES("random-rates", 8, 24, 0.01),
    IVRS_PINS("ivrs-pins", 14, 120, 0.05),
    // a shipper's saved lodgement forms under "account/name" (a cargo draft of at most 8 KiB, most
    // far smaller), and under the bare account id how many the account keeps
    LODGEMENT_TEMPLATES("lodgement-templates", 60, 1400, 0.02),
    // finished records moved out of the hot maps: the key of each (e.g. "consignment/<ccrn>") to the
    // sequence of the registry log entry that holds its last value (trade/Archive)
    ARCHIVE_INDEX("archive-index", 32, 12, 2),

    // the lane side: what a lane needs to decide, fed by the registry-change stream only
    LANE_BUNDLES("lane-bundles", 16, 300, 0.2),
    LANE_VEHICLES_BY_TAG("lane-vehicles-by-tag", 24, 9, 0.2),
    LANE_CONSIGNMENTS("lane-consignments", 16, 40, 1),
    LANE_WATCHLIST("lane-watchlist", 40, 20, 0.05),
    // every registered vehicle's mark: a confident read naming one is that vehicle, never its look-alike twin
    LANE_VEHICLES("lane-vehicles", 9, 2, 0.2),
    LANE_FEED("lane-feed", 8, 24, 0.0), // the lane feed consumer's own state: applied sequence, layout, stale
    // accounts suspended now: their bundles and consignments are REFERred at the lane
    LANE_SUSPENDED_ACCOUNTS("lane-suspended-accounts", 14, 2, 0.01);

    private final String fileName;
    private final int averageKeyBytes;
    private final int averageValueBytes;
    private final double entriesPerCapacity;

    StoreName(String fileName, int averageKeyBytes, int averageValueBytes, double entriesPerCapacity) {
        this.fileName = fileName;
        this.averageKeyBytes = averageKeyBytes;
        this.averageValueBytes = averageValueBytes;
        this.entriesPerCapacity = entriesPerCapacity;
    }

    public String fileName() {
        return fileName + ".cm3";
    }

    public int averageKeyBytes() {
        return averageKeyBytes;
    }

    public int averageValueBytes() {
        return averageValueBytes;
    }

    /** How many entries this store is sized for when the registry holds {@code capacity} consignments. */
    public long entries(long capacity) {
        return Math.max(1_000, (long) (capacity * entriesPerCapacity));
    }

    public boolean isLaneView() {
        return name().startsWith("LANE_");
    }
}
