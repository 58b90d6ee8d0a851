package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;

/** Writes a {@link CargoSample} as the body of POST /api/v1/consignments. */
final class ConsignmentJson {

    private ConsignmentJson() {}

    static JsonObject json(CargoSample c) {
        JsonObject json = new JsonObject()
                .put("direction", c.direction())
                .put("expectedDate", c.expectedDate().toString())
                .put(
                        "consignor",
                        new JsonObject().put("name", c.consignorName()).put("address", c.consignorAddress()))
                .put(
                        "consignee",
                        new JsonObject().put("name", c.consigneeName()).put("address", c.consigneeAddress()));
        if (c.packaged() != null) {
            CargoSample.Packaged p = c.packaged();
            json.put(
                    "packaged",
                    new JsonObject()
                            .put("packageDescription", p.packageDescription())
                            .put("packageCount", p.packageCount())
                            .put("articlesDescription", p.articlesDescription()));
        } else {
            CargoSample.Bulk b = c.bulk();
            JsonObject bulk = new JsonObject();
            // Weights and volumes go as the generator wrote them, so no float rounding changes what is declared.
            if (b.grossWeightKg() != null) {
                bulk.put("grossWeightKg", Decimals.exactly(b.grossWeightKg()));
            }
            if (b.grossVolumeM3() != null) {
                bulk.put("grossVolumeM3", Decimals.exactly(b.grossVolumeM3()));
            }
            if (b.quantity() != null) {
                bulk.put("quantity", b.quantity());
            }
            json.put("bulk", bulk.put("description", b.description()));
        }
        return json;
    }

    /** The body as sent: encoded once, before a timed run. */
    static String body(CargoSample c) {
        return json(c).encode();
    }
}
