package hk.seamless.lanesim;

import java.time.LocalDate;

/**
 * One consignment's cargo information as a trader would declare it, before it is written as a
 * JSON body or a CSV row. Exactly one of {@code packaged} and {@code bulk} is set, as the engine requires.
 */
record CargoSample(
        String direction,
        LocalDate expectedDate,
        String consignorName,
        String consignorAddress,
        String consigneeName,
        String consigneeAddress,
        Packaged packaged,
        Bulk bulk) {

    /**
     * The same consignment with goods a targeting rule can name: the description of the articles
     * (or of the bulk cargo) is that word and a plain line, short enough for any limit.
     */
    CargoSample describedAs(String word) {
        String description = word + " machine parts";
        return new CargoSample(
                direction,
                expectedDate,
                consignorName,
                consignorAddress,
                consigneeName,
                consigneeAddress,
                packaged == null
                        ? null
                        : new Packaged(packaged.packageDescription(), packaged.packageCount(), description),
                bulk == null
                        ? null
                        : new Bulk(bulk.grossWeightKg(), bulk.grossVolumeM3(), bulk.quantity(), description));
    }

    /** Goods in countable packages: cartons, pallets, crates. */
    record Packaged(String packageDescription, long packageCount, String articlesDescription) {}

    /**
     * Loose cargo by weight or by volume (never both). Amounts are plain decimal text so that the
     * JSON body and the CSV row declare exactly the same figure.
     */
    record Bulk(String grossWeightKg, String grossVolumeM3, String quantity, String description) {}
}
