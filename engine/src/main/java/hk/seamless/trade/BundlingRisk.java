package hk.seamless.trade;

import java.util.List;

/**
 * The risk assessment made at bundling time, before the truck arrives (as in ROCARS): the reason
 * codes it finds are kept with the bundle and combined at the lane with what only the lane knows.
 */
@FunctionalInterface
public interface BundlingRisk {

    /** @return reason codes (WATCHLIST, RISK_RULE), none when nothing hits */
    List<String> assess(String canonicalMark, List<Consignment> consignments);
}
