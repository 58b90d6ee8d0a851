package hk.seamless.risk;

import hk.seamless.trade.BundlingRisk;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.Consignment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The registry's risk assessment at bundling: the vehicle and every consignor and consignee against
 * the watch list (WATCHLIST), and every description of goods against the targeting rules
 * (RISK_RULE), from the registry's in-memory copy of the list.
 */
public final class BundlingRiskAssessment implements BundlingRisk {

    private final WatchlistIndex watchlist;

    public BundlingRiskAssessment(WatchlistIndex watchlist) {
        this.watchlist = watchlist;
    }

    @Override
    public List<String> assess(String canonicalMark, List<Consignment> consignments) {
        List<WatchlistEntry> entries = watchlist.entries();
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<String> hits = new LinkedHashSet<>();
        for (WatchlistEntry entry : entries) {
            switch (entry.kind()) {
                case VEHICLE -> {
                    if (entry.value().equals(canonicalMark)) {
                        hits.add("WATCHLIST");
                    }
                }
                case PARTY -> {
                    for (Consignment c : consignments) {
                        if (entry.value()
                                        .equals(PartyNames.canonical(
                                                c.cargo().consignor().name()))
                                || entry.value()
                                        .equals(PartyNames.canonical(
                                                c.cargo().consignee().name()))) {
                            hits.add("WATCHLIST");
                        }
                    }
                }
                case GOODS -> {
                    for (Consignment c : consignments) {
                        if (PartyNames.canonical(goods(c.cargo())).contains(entry.value())) {
                            hits.add("RISK_RULE");
                        }
                    }
                }
            }
        }
        return List.copyOf(hits);
    }

    private static String goods(CargoInformation cargo) {
        return cargo.packaged() != null
                ? cargo.packaged().packageDescription() + " " + cargo.packaged().articlesDescription()
                : cargo.bulk().description();
    }
}
