package hk.seamless.store;

/**
 * The off-heap maps of the engine, with how big their keys and values are on average. Value sizes
 * come from realistic samples: a consignment carries names and addresses that may be Chinese (three
 * UTF-8 bytes a character) and long descriptions; a bundle a list of 16-digit CCRNs.
 */
public enum StoreName {
    // the registry: the authority. How many entries each holds is StoreSizes' arithmetic.
    ACCOUNTS("accounts", 14, 520),
    ACCOUNTS_BY_EMAIL("accounts-by-email", 32, 16),
    CREDENTIALS("credentials", 64, 48),
    SESSIONS("sessions", 64, 96),
    VEHICLES("vehicles", 9, 220),
    VEHICLES_BY_TAG("vehicles-by-tag", 24, 9),
    CONSIGNMENTS("consignments", 16, 1400),
    CONSIGNMENT_VERSIONS("consignment-versions", 20, 1400),
    BUNDLES("bundles", 20, 420),
    ACTIVE_BUNDLES("active-bundles", 16, 20),
    IDEMPOTENCY("idempotency", 90, 1200),
    DEVICES("devices", 20, 160),
    DEVICE_CREDENTIALS("device-credentials", 64, 20),
    WATCHLIST("watchlist", 20, 260),
    RANDOM_RATES("random-rates", 8, 24),
    IVRS_PINS("ivrs-pins", 14, 120),
    // a shipper's saved lodgement forms under "account/name" (a cargo draft of at most 8 KiB, most
    // far smaller), and under the bare account id how many the account keeps
    LODGEMENT_TEMPLATES("lodgement-templates", 60, 1400),

    // the lane side: what a lane needs to decide, fed by the registry-change stream only
    LANE_BUNDLES("lane-bundles", 16, 300),
    LANE_VEHICLES_BY_TAG("lane-vehicles-by-tag", 24, 9),
    LANE_CONSIGNMENTS("lane-consignments", 16, 40),
    LANE_WATCHLIST("lane-watchlist", 40, 20),
    // every registered vehicle's mark: a confident read naming one is that vehicle, never its look-alike twin
    LANE_VEHICLES("lane-vehicles", 9, 2),
    // accounts suspended now: their bundles and consignments are REFERred at the lane
    LANE_SUSPENDED_ACCOUNTS("lane-suspended-accounts", 14, 2);

    private final String fileName;
    private final int averageKeyBytes;
    private final int averageValueBytes;

    StoreName(String fileName, int averageKeyBytes, int averageValueBytes) {
        this.fileName = fileName;
        this.averageKeyBytes = averageKeyBytes;
        this.averageValueBytes = averageValueBytes;
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

    public boolean isLaneView() {
        return name().startsWith("LANE_");
    }
}
