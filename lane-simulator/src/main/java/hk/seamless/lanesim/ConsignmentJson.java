package hk.seamless.lanesim;

/** Writes a {@link CargoSample} as the body of POST /api/v1/consignments. */
final class ConsignmentJson {

    private ConsignmentJson() {
    }

    static String body(CargoSample c) {
        StringBuilder json = new StringBuilder(1024).append('{')
                .append(JsonText.field("direction", c.direction())).append(',')
                .append(JsonText.field("expectedDate", c.expectedDate().toString())).append(',')
                .append(JsonText.quote("consignor")).append(":{")
                .append(JsonText.field("name", c.consignorName())).append(',')
                .append(JsonText.field("address", c.consignorAddress())).append("},")
                .append(JsonText.quote("consignee")).append(":{")
                .append(JsonText.field("name", c.consigneeName())).append(',')
                .append(JsonText.field("address", c.consigneeAddress())).append("},");
        if (c.packaged() != null) {
            CargoSample.Packaged p = c.packaged();
            json.append(JsonText.quote("packaged")).append(":{")
                    .append(JsonText.field("packageDescription", p.packageDescription())).append(',')
                    .append(JsonText.field("packageCount", p.packageCount())).append(',')
                    .append(JsonText.field("articlesDescription", p.articlesDescription())).append('}');
        } else {
            CargoSample.Bulk b = c.bulk();
            json.append(JsonText.quote("bulk")).append(":{");
            if (b.grossWeightKg() != null) {
                json.append(JsonText.numberField("grossWeightKg", b.grossWeightKg())).append(',');
            }
            if (b.grossVolumeM3() != null) {
                json.append(JsonText.numberField("grossVolumeM3", b.grossVolumeM3())).append(',');
            }
            if (b.quantity() != null) {
                json.append(JsonText.field("quantity", b.quantity())).append(',');
            }
            json.append(JsonText.field("description", b.description())).append('}');
        }
        return json.append('}').toString();
    }
}
