package hk.seamless.store;

/**
 * The off-heap maps of the engine, with how big their keys and values are on average (UTF-8 bytes).
 * Value sizes come from realistic samples (benchmarks/ScaleFill and StoreFootprint print them): a
 * consignment of a Shenzhen exporter, Chinese names and addresses (three bytes a character) and a
 * long list of articles, is ~870 B of JSON; a bundle of two CCRNs ~306 B; the lane's compact bundle
 * (id, earliest crossing, two CCRNs, trucker; packed, see lane.PackedText) 67 B, 76 B with three
 * CCRNs, under a "mark|direction" key of ~13 B; the lane's BUNDLED consignment (canonical parties
 * and goods description) ~314 B. An estimate far above
 * the real size makes every map nominally larger (zeroed at creation: a slower start, more page
 * cache); far below, fewer entries fit than {@link StoreSizes} planned.
 */
public enum StoreName {
    // the registry: the authority. How many entries each holds is StoreSizes' arithmetic.
    ACCOUNTS("accounts", 14, 520),
    ACCOUNTS_BY_EMAIL("accounts-by-email", 32, 16),
    CREDENTIALS("credentials", 64, 48),
    SESSIONS("sessions", 64, 96),
    VEHICLES("vehicles", 9, 220),
    VEHICLES_BY_TAG("vehicles-by-tag", 24, 9),
    CONSIGNMENTS("consignments", 16, 900),
    CONSIGNMENT_VERSIONS("consignment-versions", 20, 900),
    BUNDLES("bundles", 25, 320),
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
    // finished records moved out of the hot maps: the key of each (e.g. "consignment/<ccrn>") to the
    // sequence of the registry log entry that holds its last value (trade/Archive)
    ARCHIVE_INDEX("archive-index", 32, 12),
    // role registry: per lane engine ("<control point>/<engine id>"), the last entry of its lane log
    // the registry recorded, so that a report delivered twice is recorded once
    RECORDED_REPORTS("recorded-reports", 48, 20),

    // the lane side: what a lane needs to decide, fed by the registry-change stream only
    LANE_BUNDLES("lane-bundles", 14, 67),
    // the ACTIVE bundles' marks by direction and look-alike fold ("I" + "A81234" for AB1234 and
    // A81234 importing), each mark as a hex digit or two (lane.LookAlikeFolds): who a read's
    // look-alike variants can reach, in one look-up
    LANE_LOOK_ALIKES("lane-look-alikes", 7, 1),
    LANE_VEHICLES_BY_TAG("lane-vehicles-by-tag", 24, 9),
    LANE_CONSIGNMENTS("lane-consignments", 16, 300),
    LANE_WATCHLIST("lane-watchlist", 40, 20),
    // every registered vehicle's mark: a confident read naming one is that vehicle, never its look-alike twin
    LANE_VEHICLES("lane-vehicles", 9, 2),
    LANE_FEED("lane-feed", 8, 24), // the lane feed consumer's own state: applied sequence, layout, stale
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
