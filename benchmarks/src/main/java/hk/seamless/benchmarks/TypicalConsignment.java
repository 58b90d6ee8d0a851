package hk.seamless.benchmarks;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/** A consignment as a Shenzhen exporter lodges it: Chinese names, a long list of articles. */
final class TypicalConsignment {

    private TypicalConsignment() {}

    static JsonObject body(LocalDate expectedDate) {
        return new JsonObject()
                .put("direction", "IMPORT")
                .put("expectedDate", expectedDate.toString())
                .put(
                        "consignor",
                        new JsonObject().put("name", "深圳市華強電子有限公司").put("address", "廣東省深圳市福田區華強北路1002號賽格廣場38樓"))
                .put(
                        "consignee",
                        new JsonObject()
                                .put("name", "Kwai Chung Freight Consolidators Ltd.")
                                .put(
                                        "address",
                                        "Unit 1203, 12/F, Kwai Chung Plaza, 7-11 Kwai Foo Road, Kwai Chung, New Territories, Hong Kong"))
                .put(
                        "packaged",
                        new JsonObject()
                                .put("packageDescription", "CARTONS")
                                .put("packageCount", 480)
                                .put(
                                        "articlesDescription",
                                        "Lithium-ion batteries for mobile phones, UN3480, packed in fibreboard boxes; "
                                                + "手提電話零件; LED lamps and lighting fittings, 220 V; "
                                                + "Printed circuit board assemblies for split air conditioners; 不鏽鋼廚房用品"));
    }

    /**
     * The body padded to about {@code bytes} UTF-8 bytes with more articles, the way the engine
     * stores a consignment (StoreName.CONSIGNMENTS is sized for 1,400-byte values).
     */
    static String storedValue(LocalDate expectedDate, int bytes, int variant) {
        JsonObject body = body(expectedDate).put("ccrnVariant", variant);
        String base = body.encode();
        StringBuilder articles =
                new StringBuilder(body.getJsonObject("packaged").getString("articlesDescription"));
        while (base.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < bytes) {
            articles.append("; Men's knitted cotton T-shirts, HS 6109.10");
            body.getJsonObject("packaged").put("articlesDescription", articles.toString());
            base = body.encode();
        }
        return base;
    }
}
