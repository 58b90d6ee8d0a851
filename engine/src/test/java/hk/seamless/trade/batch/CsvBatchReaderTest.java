package hk.seamless.trade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvBatchReaderTest {

    private static final String FULL_HEADER =
            "direction,expectedDate,consignor.name,consignor.address,consignee.name,consignee.address,"
                    + "packaged.packageDescription,packaged.packageCount,packaged.articlesDescription,"
                    + "bulk.grossWeightKg,bulk.grossVolumeM3,bulk.quantity,bulk.description";

    private final CsvBatchReader reader = new CsvBatchReader(20_000);

    private List<BatchRow> read(String csv) {
        return reader.read(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void packagedRowBecomesNestedBodyWithNumbers() {
        List<BatchRow> rows =
                read(FULL_HEADER + "\nIMPORT,2026-12-01,Acme,1 Road,HK Co,2 Street,CARTONS,120,Toys,,,,\n");
        assertEquals(1, rows.size());
        BatchRow row = rows.get(0);
        assertEquals(1, row.rowNumber());
        assertTrue(row.readProblems().isEmpty());
        JsonObject expected = new JsonObject()
                .put("direction", "IMPORT")
                .put("expectedDate", "2026-12-01")
                .put("consignor", new JsonObject().put("name", "Acme").put("address", "1 Road"))
                .put("consignee", new JsonObject().put("name", "HK Co").put("address", "2 Street"))
                .put(
                        "packaged",
                        new JsonObject()
                                .put("packageDescription", "CARTONS")
                                .put("packageCount", 120L)
                                .put("articlesDescription", "Toys"));
        assertEquals(expected, row.body());
        assertEquals(
                Long.class,
                row.body().getJsonObject("packaged").getValue("packageCount").getClass());
        assertFalse(row.body().containsKey("bulk"), "empty bulk cells must not create a bulk object");
    }

    @Test
    void bulkNumbersAreLongOrDoubleAndNonNumbersStayText() {
        List<BatchRow> rows = read("bulk.grossWeightKg,bulk.grossVolumeM3,bulk.quantity\n"
                + "18000,40.5,3 tanks\n"
                + " 1.8e4 ,-0.25,\n"
                + "\"1,000\",18 t,x\n");
        JsonObject first = rows.get(0).body().getJsonObject("bulk");
        assertEquals(18000L, first.getValue("grossWeightKg"));
        assertEquals(40.5, first.getValue("grossVolumeM3"));
        assertEquals("3 tanks", first.getValue("quantity"));
        JsonObject second = rows.get(1).body().getJsonObject("bulk");
        assertEquals(18000.0, second.getValue("grossWeightKg"));
        assertEquals(-0.25, second.getValue("grossVolumeM3"));
        assertFalse(second.containsKey("quantity"));
        JsonObject third = rows.get(2).body().getJsonObject("bulk");
        assertEquals("1,000", third.getValue("grossWeightKg"));
        assertEquals("18 t", third.getValue("grossVolumeM3"));
    }

    @Test
    void quotedCommasEscapedQuotesAndNewlinesInsideQuotes() {
        List<BatchRow> rows = read("consignor.name,consignor.address,packaged.articlesDescription\n"
                + "\"Acme, Ltd.\",\"Unit 5\n12/F\r\nTower A\",\"the \"\"red\"\" box\"\n"
                + "Next,Addr,Desc\n");
        assertEquals(2, rows.size());
        JsonObject consignor = rows.get(0).body().getJsonObject("consignor");
        assertEquals("Acme, Ltd.", consignor.getString("name"));
        assertEquals("Unit 5\n12/F\nTower A", consignor.getString("address"));
        assertEquals(
                "the \"red\" box", rows.get(0).body().getJsonObject("packaged").getString("articlesDescription"));
        assertEquals(2, rows.get(1).rowNumber());
        assertEquals("Next", rows.get(1).body().getJsonObject("consignor").getString("name"));
    }

    @Test
    void spacesAroundQuotedCellAreTolerated() {
        List<BatchRow> rows = read("consignor.name,consignor.address\nA,  \"x, y\"  \n");
        assertEquals("x, y", rows.get(0).body().getJsonObject("consignor").getString("address"));
    }

    @Test
    void crlfLineEndsBlankLinesAndNoTrailingNewline() {
        List<BatchRow> rows = read("direction,expectedDate\r\n\r\nIMPORT,2026-12-01\r\n\r\n,\r\nIMPORT,2026-12-02");
        assertEquals(2, rows.size(), "blank and all-empty lines are not rows");
        assertEquals(2, rows.get(1).rowNumber());
        assertEquals("2026-12-02", rows.get(1).body().getString("expectedDate"));
        assertEquals("IMPORT", rows.get(0).body().getString("direction"));
    }

    @Test
    void byteOrderMarkIsStripped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] rest = "direction\nIMPORT\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + rest.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(rest, 0, file, bom.length, rest.length);
        List<BatchRow> rows = reader.read(file);
        assertEquals("IMPORT", rows.get(0).body().getString("direction"));
    }

    @Test
    void columnsInAnyOrderAndMissingColumnsAreAbsent() {
        List<BatchRow> rows = read(" consignee.name , direction \nHK Co,IMPORT\n");
        JsonObject body = rows.get(0).body();
        assertEquals(
                new JsonObject()
                        .put("consignee", new JsonObject().put("name", "HK Co"))
                        .put("direction", "IMPORT"),
                body);
        assertFalse(body.containsKey("expectedDate"));
    }

    @Test
    void emptyAndBlankCellsAreOmitted() {
        JsonObject body = read("direction,expectedDate,consignor.name\n  ,2026-12-01,\n")
                .get(0)
                .body();
        assertEquals(new JsonObject().put("expectedDate", "2026-12-01"), body);
    }

    @Test
    void textIsTrimmed() {
        JsonObject body =
                read("direction,consignor.name\n  IMPORT\t, Acme Ltd \n").get(0).body();
        assertEquals("IMPORT", body.getString("direction"));
        assertEquals("Acme Ltd", body.getJsonObject("consignor").getString("name"));
    }

    @Test
    void chineseTextRoundTripsExactly() {
        String name = "深圳市華強電子有限公司";
        String address = "深圳市福田區華強北路1號，廣東省";
        JsonObject body = read("consignor.name,consignor.address\n" + name + "," + address + "\n")
                .get(0)
                .body();
        assertEquals(name, body.getJsonObject("consignor").getString("name"));
        assertEquals(address, body.getJsonObject("consignor").getString("address"));
        // and through JSON encoding, as the body will travel
        assertEquals(
                name, new JsonObject(body.encode()).getJsonObject("consignor").getString("name"));
    }

    @Test
    void unknownColumnRejectsFileNamingItAndListingKnownOnes() {
        BatchFormatException e =
                assertThrows(BatchFormatException.class, () -> read("direction,consignor.nmae\nIMPORT,A\n"));
        assertEquals("header.consignor.nmae", e.field());
        assertTrue(e.getMessage().contains("\"consignor.nmae\""), e.getMessage());
        assertTrue(e.getMessage().contains("consignor.name"), e.getMessage());
        assertTrue(e.getMessage().contains("bulk.description"), e.getMessage());
    }

    @Test
    void columnNamesAreCaseSensitive() {
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> read("Direction\nIMPORT\n"));
        assertEquals("header.Direction", e.field());
    }

    @Test
    void duplicateColumnRejectsFile() {
        BatchFormatException e =
                assertThrows(BatchFormatException.class, () -> read("direction,consignor.name,direction\nA,B,C\n"));
        assertEquals("header.direction", e.field());
        assertTrue(e.getMessage().contains("columns 1 and 3"), e.getMessage());
    }

    @Test
    void emptyColumnNameRejectsFile() {
        BatchFormatException e =
                assertThrows(BatchFormatException.class, () -> read("direction,,expectedDate\nA,B,C\n"));
        assertEquals("header", e.field());
    }

    @Test
    void emptyFileHasNoHeader() {
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> read("\r\n\n"));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        assertThrows(BatchFormatException.class, () -> reader.read(new byte[0]));
    }

    @Test
    void headerOnlyGivesNoRows() {
        assertTrue(read(FULL_HEADER + "\r\n").isEmpty());
    }

    @Test
    void rowWithTooFewOrTooManyCellsIsARowProblemNotAFileFailure() {
        List<BatchRow> rows = read(
                "direction,expectedDate,consignor.name\nIMPORT,2026-12-01\nIMPORT,2026-12-01,A,B\nIMPORT,2026-12-01,A\n");
        assertEquals(3, rows.size());
        assertEquals(
                List.of("row has 2 cells but the header has 3"), rows.get(0).readProblems());
        assertTrue(rows.get(0).body().isEmpty());
        assertEquals(
                List.of("row has 4 cells but the header has 3"), rows.get(1).readProblems());
        assertTrue(rows.get(1).body().isEmpty());
        assertTrue(rows.get(2).readable());
        assertEquals(3, rows.get(2).rowNumber());
    }

    @Test
    void singleCellRowSaysCellNotCells() {
        assertEquals(
                List.of("row has 1 cell but the header has 2"),
                read("direction,expectedDate\nIMPORT\n").get(0).readProblems());
    }

    @Test
    void textAfterClosingQuoteIsARowProblem() {
        List<BatchRow> rows = read("direction,consignor.name\nIMPORT,\"Acme\"Ltd\nIMPORT,B\n");
        assertEquals(1, rows.get(0).readProblems().size());
        assertTrue(
                rows.get(0).readProblems().get(0).contains("cell 2"),
                rows.get(0).readProblems().toString());
        assertTrue(rows.get(0).body().isEmpty());
        assertTrue(rows.get(1).readable());
    }

    @Test
    void unclosedQuoteRejectsFile() {
        BatchFormatException e = assertThrows(
                BatchFormatException.class, () -> read("direction,consignor.name\nIMPORT,B\nIMPORT,\"Acme\n"));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void malformedUtf8RejectsFileWithOffset() {
        byte[] head = "direction,consignor.name\nIMPORT,".getBytes(StandardCharsets.UTF_8);
        // "深圳" in Big5 - a shipper who saved the sheet in the wrong encoding
        byte[] big5 = {(byte) 0xB2, (byte) 0x60, (byte) 0xA6, (byte) 0x60, '\n'};
        byte[] file = new byte[head.length + big5.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(big5, 0, file, head.length, big5.length);
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> reader.read(file));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + head.length), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void truncatedUtf8AtEndOfFileIsRejected() {
        byte[] good = "direction\n深".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 1);
        assertThrows(BatchFormatException.class, () -> reader.read(cut));
    }

    @Test
    void utf16FileIsRejectedWithAHint() {
        byte[] file = "\uFEFFdirection\n".getBytes(StandardCharsets.UTF_16LE);
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
    }

    @Test
    void rowLimitIsEnforced() {
        CsvBatchReader small = new CsvBatchReader(2);
        assertEquals(
                2,
                small.read("direction\nA\nB\n".getBytes(StandardCharsets.UTF_8)).size());
        BatchFormatException e = assertThrows(
                BatchFormatException.class, () -> small.read("direction\nA\nB\nC\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("file", e.field());
        assertEquals("file has more than 2 rows", e.getMessage());
    }

    @Test
    void tenThousandRowsAreRead() {
        StringBuilder csv = new StringBuilder(FULL_HEADER).append("\r\n");
        for (int i = 1; i <= 10_000; i++) {
            if (i % 2 == 0) {
                csv.append("IMPORT,2026-12-01,深圳市華強電子有限公司 ")
                        .append(i)
                        .append(",\"Address ")
                        .append(i)
                        .append(", Shenzhen\",HK Co,\"Kowloon Bay\",CARTONS,")
                        .append(i)
                        .append(",\"Toys, \"\"plastic\"\"\",,,,\r\n");
            } else {
                csv.append("IMPORT,2026-12-02,Fuel Co,Guangzhou,Depot,Tsing Yi,,,,")
                        .append(i)
                        .append(".5,,3 tanks,Diesel\r\n");
            }
        }
        List<BatchRow> rows = new CsvBatchReader(20_000).read(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(10_000, rows.size());
        BatchRow sample = rows.get(7_999);
        assertEquals(8_000, sample.rowNumber());
        assertTrue(sample.readable());
        assertEquals(
                "深圳市華強電子有限公司 8000", sample.body().getJsonObject("consignor").getString("name"));
        assertEquals(
                "Address 8000, Shenzhen",
                sample.body().getJsonObject("consignor").getString("address"));
        assertEquals(8000L, sample.body().getJsonObject("packaged").getValue("packageCount"));
        assertEquals(
                "Toys, \"plastic\"", sample.body().getJsonObject("packaged").getString("articlesDescription"));
        assertNull(sample.body().getJsonObject("bulk"));
        BatchRow bulk = rows.get(9_998);
        assertEquals(9999.5, bulk.body().getJsonObject("bulk").getValue("grossWeightKg"));
    }

    @Test
    void rejectsNonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new CsvBatchReader(0));
    }
}
