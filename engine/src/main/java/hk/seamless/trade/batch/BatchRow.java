package hk.seamless.trade.batch;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * One consignment read from a batch file.
 *
 * @param rowNumber    1-based position among the data rows (the CSV header and blank lines are not
 *                     rows; for XML it is the n-th {@code <consignment>}), so a shipper can find it
 * @param body         the single-consignment JSON body; empty when {@code readProblems} is not empty
 * @param readProblems problems met while reading this row (not cargo-rule violations); a row with
 *                     any of them is reported back, never lodged
 */
public record BatchRow(int rowNumber, JsonObject body, List<String> readProblems) {

    public BatchRow {
        Objects.requireNonNull(body, "body");
        // Copied so a caller cannot change the reported problems behind the reader's back.
        readProblems = List.copyOf(readProblems);
    }

    /** True when the row was read cleanly and its body can go to the validator. */
    public boolean readable() {
        return readProblems.isEmpty();
    }

    static BatchRow ok(int rowNumber, JsonObject body) {
        return new BatchRow(rowNumber, body, List.of());
    }

    static BatchRow problems(int rowNumber, List<String> problems) {
        // The body is left empty on purpose: half-read data must never reach lodgement.
        return new BatchRow(rowNumber, new JsonObject(), problems);
    }
}
