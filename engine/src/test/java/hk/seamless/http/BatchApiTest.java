package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Batch lodgement from CSV and XML files. */
class BatchApiTest extends EngineHarness {

    private static final String HEADER =
            "direction,expectedDate,consignor.name,consignor.address,consignee.name,consignee.address,"
                    + "packaged.packageDescription,packaged.packageCount,packaged.articlesDescription,bulk.grossWeightKg,bulk.quantity,bulk.description";

    private String packagedRow(String direction, LocalDate date, String count) {
        return direction + "," + date + ",深圳市華強電子有限公司,\"深圳市福田區華強北路1號, 廣東省, 中國\",Kowloon Bay Trading Ltd,"
                + "\"Unit 5, 12/F, 18 Wang Chiu Road\",CARTONS," + count
                + ",\"Mobile phone accessories (chargers, cables)\",,,";
    }

    private String bulkRow(String direction, LocalDate date) {
        return direction + "," + date
                + ",\"Guangzhou Petrochemical Supply Co., Ltd.\",88 Huangpu East Road,Tsing Yi Fuel Depot Ltd,"
                + "3 Tsing Yi Road,,,,18000,3 tanks,Diesel fuel";
    }

    private ApiResponse upload(String token, String contentType, String file, String... headers) {
        return api.send("POST", "/api/v1/consignments/batch", token, contentType, TradeApiClient.bytes(file), headers);
    }

    @Test
    void csvWithOneBadRowLodgesTheOthers() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        LocalDate date = today().plusDays(3);
        String csv = "\uFEFF" + HEADER + "\r\n"
                + packagedRow("IMPORT", date, "120") + "\r\n"
                + packagedRow("IMPORT", date, "0") + "\r\n"
                + bulkRow("EXPORT", date) + "\r\n";
        JsonObject result = upload(shipper.token(), "text/csv", csv).expect(200).json();
        assertEquals(3, result.getInteger("rows"), result.encode());
        assertEquals(2, result.getInteger("lodged"), result.encode());
        assertEquals(1, result.getInteger("rejected"), result.encode());
        JsonArray results = result.getJsonArray("results");
        assertEquals(3, results.size());

        JsonObject bad = results.getJsonObject(1);
        assertEquals(2, bad.getInteger("row"));
        assertEquals("REJECTED", bad.getString("status"));
        assertTrue(ApiResponse.fields(bad).contains("packaged.packageCount"), bad.encode());
        assertNull(bad.getString("ccrn"));

        String first = results.getJsonObject(0).getString("ccrn");
        String third = results.getJsonObject(2).getString("ccrn");
        assertEquals("LODGED", results.getJsonObject(0).getString("status"));
        assertEquals("LODGED", results.getJsonObject(2).getString("status"));
        assertTrue(TradeApiClient.validCcrn(first) && TradeApiClient.validCcrn(third), first + " " + third);

        JsonObject packaged = api.consignment(shipper.token(), first);
        assertEquals("深圳市華強電子有限公司", packaged.getJsonObject("consignor").getString("name"));
        assertEquals(
                "深圳市福田區華強北路1號, 廣東省, 中國", packaged.getJsonObject("consignor").getString("address"));
        assertEquals(120, packaged.getJsonObject("packaged").getInteger("packageCount"));
        JsonObject bulk = api.consignment(shipper.token(), third);
        assertEquals("EXPORT", bulk.getString("direction"));
        assertEquals(
                "Guangzhou Petrochemical Supply Co., Ltd.",
                bulk.getJsonObject("consignor").getString("name"));
        assertEquals("3 tanks", bulk.getJsonObject("bulk").getString("quantity"));

        assertEquals(Set.of(first, third), new HashSet<>(api.myCcrns(shipper.token())));
    }

    @Test
    void aRowThatCannotBeReadIsRejectedWithAStableCode() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        LocalDate date = today().plusDays(3);
        String csv = HEADER + "\n" + packagedRow("IMPORT", date, "120") + "\nIMPORT," + date + "\n";
        JsonObject result = upload(shipper.token(), "text/csv", csv).expect(200).json();
        assertEquals(1, result.getInteger("lodged"), result.encode());
        JsonObject bad = result.getJsonArray("results").getJsonObject(1);
        assertEquals("REJECTED", bad.getString("status"), bad.encode());
        JsonObject error = bad.getJsonArray("errors").getJsonObject(0);
        assertEquals("row", error.getString("field"), bad.encode());
        assertEquals(
                "invalid",
                error.getString("code"),
                "every refusal carries a code the pages translate: " + bad.encode());
        assertTrue(error.getString("message").contains("cells"), bad.encode());
    }

    @Test
    void xmlWithOneBadConsignmentLodgesTheOthers() {
        TradeApiClient.Account agent = api.newAccount("AGENT");
        LocalDate date = today().plusDays(2);
        String xml =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<consignments xmlns=\"urn:seamless:consignments:1\">\n"
                        + consignmentXml(
                                "IMPORT",
                                date.toString(),
                                "<packaged><packageDescription>CARTONS</packageDescription>"
                                        + "<packageCount>120</packageCount><articlesDescription>手機配件</articlesDescription></packaged>")
                        + consignmentXml(
                                "IMPORT",
                                "2026-02-30",
                                "<packaged><packageDescription>CARTONS</packageDescription>"
                                        + "<packageCount>5</packageCount><articlesDescription>Toys</articlesDescription></packaged>")
                        + consignmentXml(
                                "EXPORT",
                                date.toString(),
                                "<bulk><grossWeightKg>18000</grossWeightKg>"
                                        + "<quantity>3 tanks</quantity><description>Diesel fuel</description></bulk>")
                        + "</consignments>\n";
        JsonObject result =
                upload(agent.token(), "application/xml", xml).expect(200).json();
        assertEquals(3, result.getInteger("rows"), result.encode());
        assertEquals(2, result.getInteger("lodged"), result.encode());
        assertEquals(1, result.getInteger("rejected"), result.encode());
        JsonObject bad = result.getJsonArray("results").getJsonObject(1);
        assertEquals(2, bad.getInteger("row"));
        assertEquals("REJECTED", bad.getString("status"));
        assertTrue(ApiResponse.fields(bad).contains("expectedDate"), bad.encode());
        String ccrn = result.getJsonArray("results").getJsonObject(0).getString("ccrn");
        JsonObject read = api.consignment(agent.token(), ccrn);
        assertEquals("深圳市華強電子有限公司", read.getJsonObject("consignor").getString("name"));
        assertEquals("手機配件", read.getJsonObject("packaged").getString("articlesDescription"));
        assertEquals(2, api.myCcrns(agent.token()).size());
    }

    private static String consignmentXml(String direction, String date, String cargo) {
        return "  <consignment>\n    <direction>" + direction + "</direction>\n    <expectedDate>" + date
                + "</expectedDate>\n"
                + "    <consignor><name>深圳市華強電子有限公司</name><address>深圳市福田區華強北路1號</address></consignor>\n"
                + "    <consignee><name>Kowloon Bay Trading Ltd</name><address>18 Wang Chiu Road</address></consignee>\n"
                + "    " + cargo + "\n  </consignment>\n";
    }

    @Test
    void tenThousandRowsLodge() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        LocalDate date = today().plusDays(7);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 10_000; i++) {
            csv.append(i % 2 == 0 ? packagedRow("IMPORT", date, Integer.toString(1 + i)) : bulkRow("EXPORT", date))
                    .append('\n');
        }
        JsonObject result = upload(shipper.token(), "text/csv; charset=utf-8", csv.toString())
                .expect(200)
                .json();
        assertEquals(10_000, result.getInteger("rows"));
        assertEquals(10_000, result.getInteger("lodged"));
        assertEquals(0, result.getInteger("rejected"));
        JsonArray results = result.getJsonArray("results");
        assertEquals(10_000, results.size());
        Set<String> ccrns = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            String ccrn = results.getJsonObject(i).getString("ccrn");
            assertTrue(TradeApiClient.validCcrn(ccrn), ccrn);
            ccrns.add(ccrn);
        }
        assertEquals(10_000, ccrns.size(), "every row gets its own CCRN");
        // Spot checks: the last row is readable with its values.
        String last = results.getJsonObject(9_998).getString("ccrn");
        assertEquals(
                9_999,
                api.consignment(shipper.token(), last).getJsonObject("packaged").getInteger("packageCount"));
    }

    @Test
    void unsupportedContentTypeIs415() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String csv = HEADER + "\n" + packagedRow("IMPORT", today().plusDays(3), "1") + "\n";
        upload(shipper.token(), "application/json", csv).problem(415);
        upload(shipper.token(), "text/plain", csv).problem(415);
        upload(shipper.token(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", csv)
                .problem(415);
        upload(shipper.token(), null, csv).problem(415);
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
        // A browser's vague type is rescued by the file name.
        JsonObject ok = upload(shipper.token(), "application/octet-stream", csv, "X-File-Name", "consignments.csv")
                .expect(200)
                .json();
        assertEquals(1, ok.getInteger("lodged"));
    }

    @Test
    void wholeFileRefusalsLodgeNothing() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String row = packagedRow("IMPORT", today().plusDays(3), "1");
        upload(shipper.token(), "text/csv", HEADER.replace("consignor.name", "consignor.nmae") + "\n" + row + "\n")
                .problemNaming(400, "header.consignor.nmae");
        upload(shipper.token(), "text/csv", HEADER + "\n" + row + "\n\"never closed,\n")
                .problemNaming(400, "file");
        upload(shipper.token(), "application/xml", "<consignments><consignment>")
                .problemNaming(400, "file");
        upload(shipper.token(), "application/xml", "<!DOCTYPE x [<!ENTITY e \"boom\">]><consignments></consignments>")
                .problemNaming(400, "file");
        upload(shipper.token(), "text/csv", "").problemNaming(400, "file");
        upload(shipper.token(), "text/csv", HEADER + "\n").problemNaming(400, "file");
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
    }

    @Test
    void fileNotInUtf8IsRefusedWhole() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String csv = HEADER + "\n" + packagedRow("IMPORT", today().plusDays(3), "1") + "\n";
        byte[] big5 = csv.getBytes(java.nio.charset.Charset.forName("Big5"));
        api.send("POST", "/api/v1/consignments/batch", shipper.token(), "text/csv", big5)
                .problemNaming(400, "file");
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
    }

    @Test
    void batchOverTenMebibytesIs413() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String row = packagedRow("IMPORT", today().plusDays(3), "1");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        while (csv.length() < 10 * 1024 * 1024 + 1024) {
            csv.append(row).append('\n');
        }
        upload(shipper.token(), "text/csv", csv.toString()).problem(413);
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
    }

    @Test
    void rowWithWrongCellCountIsReportedNotLodged() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        LocalDate date = today().plusDays(3);
        String csv = HEADER + "\n" + packagedRow("IMPORT", date, "1") + "\nIMPORT," + date + ",only three\n";
        JsonObject result = upload(shipper.token(), "text/csv", csv).expect(200).json();
        assertEquals(1, result.getInteger("lodged"));
        assertEquals(1, result.getInteger("rejected"));
        assertEquals("REJECTED", result.getJsonArray("results").getJsonObject(1).getString("status"));
        assertEquals(1, api.myCcrns(shipper.token()).size());
    }

    @Test
    void batchIsForShippersAndAgentsOnly() {
        String csv = HEADER + "\n" + packagedRow("IMPORT", today().plusDays(3), "1") + "\n";
        upload(null, "text/csv", csv).problem(401);
        for (String role : List.of("TRUCKER", "OFFICER")) {
            upload(api.newAccount(role).token(), "text/csv", csv).problem(403);
        }
    }

    @Test
    void repeatedBatchWithTheSameKeyLodgesOnce() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String csv = HEADER + "\n" + packagedRow("IMPORT", today().plusDays(3), "1") + "\n"
                + bulkRow("IMPORT", today().plusDays(3)) + "\n";
        ApiResponse first = upload(shipper.token(), "text/csv", csv, "Idempotency-Key", "batch-1")
                .expect(200);
        ApiResponse second = upload(shipper.token(), "text/csv", csv, "Idempotency-Key", "batch-1")
                .expect(200);
        assertEquals(first.body(), second.body());
        assertEquals(2, api.myCcrns(shipper.token()).size());
    }

    /**
     * A large batch is lodged a chunk at a time: another shipper's lodgement sent once the batch's
     * first chunk is in the journal runs between two of its chunks. (Ordering, not durations: with
     * the whole batch in one command the lodgement would be journalled after all of it.)
     */
    @Test
    void aSingleLodgementIsNotHeldBehindALargeBatch() throws Exception {
        TradeApiClient.Account batchShipper = api.newAccount("SHIPPER");
        TradeApiClient.Account otherShipper = api.newAccount("SHIPPER");
        LocalDate date = today().plusDays(5);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 5_000; i++) {
            csv.append(packagedRow("IMPORT", date, Integer.toString(1 + i))).append('\n');
        }
        long journalBefore = journalEntries();
        java.util.concurrent.CompletableFuture<ApiResponse> batch = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> upload(batchShipper.token(), "text/csv", csv.toString()));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (journalEntries() == journalBefore && !batch.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        String ccrn = api.lodgeCcrn(otherShipper.token(), "EXPORT", date);
        long journalAfterSingle = journalEntries();

        JsonObject result = batch.get(120, java.util.concurrent.TimeUnit.SECONDS)
                .expect(200)
                .json();
        assertEquals(5_000, result.getInteger("lodged"), "one result per row");
        JsonArray results = result.getJsonArray("results");
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i + 1, results.getJsonObject(i).getInteger("row"), "results in the file's order");
        }
        assertTrue(TradeApiClient.validCcrn(ccrn));
        assertTrue(
                journalEntries() > journalAfterSingle,
                "part of the batch was journalled after the single lodgement: it ran between the batch's chunks");
    }

    private long journalEntries() {
        return api.get("/health", null).expect(200).json().getLong("journalEntries");
    }
}
