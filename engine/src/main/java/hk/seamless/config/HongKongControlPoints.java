package hk.seamless.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The six Hong Kong cargo control points, the embedded default. Lane ids follow the
 * "CODE-S-NN" (southbound, into Hong Kong: IMPORT) and "CODE-N-NN" (northbound: EXPORT) pattern.
 */
public final class HongKongControlPoints {

    private HongKongControlPoints() {}

    public static List<ControlPoint> defaults(double randomInspectionRate) {
        return List.of(
                controlPoint("LMC", "Lok Ma Chau", 4, randomInspectionRate),
                controlPoint("MKT", "Man Kam To", 2, randomInspectionRate),
                controlPoint("STK", "Sha Tau Kok", 2, randomInspectionRate),
                controlPoint("SBC", "Shenzhen Bay", 4, randomInspectionRate),
                controlPoint("HZM", "Hong Kong-Zhuhai-Macao Bridge", 3, randomInspectionRate),
                controlPoint("HYW", "Heung Yuen Wai", 3, randomInspectionRate));
    }

    private static ControlPoint controlPoint(String code, String name, int lanesEachWay, double rate) {
        List<Lane> lanes = new ArrayList<>();
        for (int n = 1; n <= lanesEachWay; n++) {
            lanes.add(new Lane(String.format("%s-S-%02d", code, n), code, Direction.IMPORT));
        }
        for (int n = 1; n <= lanesEachWay; n++) {
            lanes.add(new Lane(String.format("%s-N-%02d", code, n), code, Direction.EXPORT));
        }
        return new ControlPoint(code, name, rate, lanes);
    }
}
