package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lodges sample cargo as a shipper's system would in bulk: CSV batch uploads of up to 5,000 rows. */
final class CargoLodger {

    static final int BATCH_ROWS = 5_000;

    private final EngineClient engine;
    private final CargoSampleGenerator cargo;

    CargoLodger(EngineClient engine, CargoSampleGenerator cargo) {
        this.engine = engine;
        this.cargo = cargo;
    }

    /**
     * Lodges {@code count} consignments going {@code direction}, as {@code lodger}; returns their CCRNs.
     *
     * @param goodsWord a word every description of goods carries (for a targeting rule to hit), or null
     */
    List<String> lodge(String direction, int count, String lodger, String goodsWord) throws Exception {
        List<String> ccrns = new ArrayList<>(count);
        while (ccrns.size() < count) {
            int rows = Math.min(BATCH_ROWS, count - ccrns.size());
            EngineClient.Answer a = engine.post(
                            BatchLoadCommand.PATH,
                            lodger,
                            "text/csv; charset=UTF-8",
                            BatchCsv.file(samples(direction, rows, goodsWord)).getBytes(StandardCharsets.UTF_8))
                    .expect(200, "lodging a batch");
            int found = 0;
            for (Object row : a.json().getJsonArray("results", new JsonArray())) {
                if (row instanceof JsonObject result && result.getValue("ccrn") instanceof String ccrn) {
                    ccrns.add(ccrn);
                    found++;
                }
            }
            if (found != rows) {
                throw new IllegalStateException(
                        "a batch of " + rows + " lodged only " + found + ": " + Excerpt.of(a.body()));
            }
        }
        return ccrns;
    }

    private List<CargoSample> samples(String direction, int rows, String goodsWord) {
        List<CargoSample> samples = new ArrayList<>(rows);
        while (samples.size() < rows) {
            CargoSample c = cargo.next();
            if (c.direction().equals(direction)) {
                samples.add(goodsWord == null ? c : c.describedAs(goodsWord));
            }
        }
        return samples;
    }
}
