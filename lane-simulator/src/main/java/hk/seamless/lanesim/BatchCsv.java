package hk.seamless.lanesim;

import java.util.List;

/** Writes consignments as a batch-lodgement CSV file (RFC 4180, UTF-8, header row of field paths). */
final class BatchCsv {

    static final List<String> HEADER = List.of(
            "direction",
            "expectedDate",
            "consignor.name",
            "consignor.address",
            "consignee.name",
            "consignee.address",
            "packaged.packageDescription",
            "packaged.packageCount",
            "packaged.articlesDescription",
            "bulk.grossWeightKg",
            "bulk.grossVolumeM3",
            "bulk.quantity",
            "bulk.description");

    private BatchCsv() {}

    static String file(List<CargoSample> consignments) {
        StringBuilder csv = new StringBuilder(consignments.size() * 400);
        line(csv, HEADER);
        for (CargoSample c : consignments) {
            line(csv, row(c));
        }
        return csv.toString();
    }

    /** Cells in {@link #HEADER} order; an empty cell means the field is absent. */
    static List<String> row(CargoSample c) {
        CargoSample.Packaged p = c.packaged();
        CargoSample.Bulk b = c.bulk();
        return List.of(
                c.direction(),
                c.expectedDate().toString(),
                c.consignorName(),
                c.consignorAddress(),
                c.consigneeName(),
                c.consigneeAddress(),
                p == null ? "" : p.packageDescription(),
                p == null ? "" : Long.toString(p.packageCount()),
                p == null ? "" : p.articlesDescription(),
                b == null || b.grossWeightKg() == null ? "" : b.grossWeightKg(),
                b == null || b.grossVolumeM3() == null ? "" : b.grossVolumeM3(),
                b == null || b.quantity() == null ? "" : b.quantity(),
                b == null ? "" : b.description());
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quotes a cell only when it must be: it holds a comma, a quote or a line break. */
    static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
