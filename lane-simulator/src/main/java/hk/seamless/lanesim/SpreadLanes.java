package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * An engine's {@code controlPoints} setting with many lanes, for measuring the lane side at the
 * scale of a whole boundary rather than the 36 lanes of the embedded default. The lanes are spread
 * over Hong Kong's six road control points in the proportions of the default (Lok Ma Chau and
 * Shenzhen Bay largest), half of each control point's lanes southbound (IMPORT, {@code CODE-S-n})
 * and half northbound (EXPORT, {@code CODE-N-n}), so traffic at a given rate reaches each lane at a
 * realistic pace instead of queueing at 36.
 */
final class SpreadLanes {

    /** A control point and its share of the lanes, as in the engine's embedded default (lanes each way). */
    private record Site(String code, String name, int defaultLanesEachWay) {}

    private static final List<Site> SITES = List.of(
            new Site("LMC", "Lok Ma Chau", 4),
            new Site("MKT", "Man Kam To", 2),
            new Site("STK", "Sha Tau Kok", 2),
            new Site("SBC", "Shenzhen Bay", 4),
            new Site("HZM", "Hong Kong-Zhuhai-Macao Bridge", 3),
            new Site("HYW", "Heung Yuen Wai", 3));

    /** Two a control point at least (one each way); beyond this a settings file stops being a boundary. */
    static final int MIN_LANES = 2 * SITES.size();

    static final int MAX_LANES = 20_000;

    private SpreadLanes() {}

    /** The settings file's text: {@code {"controlPoints": [...]}} with {@code lanes} lanes in all. */
    static String engineConfig(int lanes) {
        if (lanes < MIN_LANES || lanes > MAX_LANES || lanes % 2 != 0) {
            throw new IllegalArgumentException(
                    "--lanes must be an even number from " + MIN_LANES + " to " + MAX_LANES + " (half each way)");
        }
        int[] eachWay = lanesEachWay(lanes / 2);
        JsonArray points = new JsonArray();
        for (int s = 0; s < SITES.size(); s++) {
            Site site = SITES.get(s);
            JsonArray laneList = new JsonArray();
            addLanes(laneList, site.code(), "S", "IMPORT", eachWay[s]);
            addLanes(laneList, site.code(), "N", "EXPORT", eachWay[s]);
            points.add(new JsonObject()
                    .put("code", site.code())
                    .put("name", site.name())
                    .put("lanes", laneList));
        }
        return PrettyJson.of(new JsonObject().put("controlPoints", points)) + "\n";
    }

    /**
     * Each control point's lanes each way: one to start with, the rest in proportion to the
     * default's, by largest remainder, so the counts always add up to {@code total}.
     */
    static int[] lanesEachWay(int total) {
        int weights = SITES.stream().mapToInt(Site::defaultLanesEachWay).sum();
        int spare = total - SITES.size();
        int[] counts = new int[SITES.size()];
        double[] remainders = new double[SITES.size()];
        int given = 0;
        for (int s = 0; s < SITES.size(); s++) {
            double share = (double) spare * SITES.get(s).defaultLanesEachWay() / weights;
            counts[s] = 1 + (int) share;
            remainders[s] = share - (int) share;
            given += counts[s];
        }
        while (given < total) {
            int largest = 0;
            for (int s = 1; s < SITES.size(); s++) {
                if (remainders[s] > remainders[largest]) {
                    largest = s;
                }
            }
            counts[largest]++;
            remainders[largest] = -1;
            given++;
        }
        return counts;
    }

    private static void addLanes(JsonArray into, String code, String bound, String direction, int count) {
        // As wide as the largest number, so the ids sort in lane order (LMC-S-0001 before LMC-S-0010).
        String format = "%s-%s-%0" + Math.max(2, Integer.toString(count).length()) + "d";
        for (int n = 1; n <= count; n++) {
            into.add(new JsonObject()
                    .put("id", String.format(Locale.ROOT, format, code, bound, n))
                    .put("direction", direction)
                    .put("rfidReader", true));
        }
    }
}
