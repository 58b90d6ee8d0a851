package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit trail over batch uploads: one registry change holding many lodgements (up to 250 rows a
 * change) must still be filtered line by line and paged by {@code limit}, with nothing lost or repeated.
 */
class AuditOfBatchesApiTest extends EngineHarness {

    private static final String HEADER = "direction,expectedDate,consignor.name,consignor.address,consignee.name,"
            + "consignee.address,packaged.packageDescription,packaged.packageCount,packaged.articlesDescription,"
            + "bulk.grossWeightKg,bulk.quantity,bulk.description";

    /** Lodges {@code rows} consignments in one upload; their CCRNs in row order. */
    private List<String> uploadBatch(TradeApiClient.Account shipper, int rows) {
        LocalDate date = today().plusDays(3);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("IMPORT,")
                    .append(date)
                    .append(",Shenzhen Parts Co row ")
                    .append(i)
                    .append(",1 Huaqiang Road,Kowloon Bay Trading Ltd,18 Wang Chiu Road,CARTONS,")
                    .append(i)
                    .append(",Mobile phone accessories,,,\r\n");
        }
        JsonObject result = api.send(
                        "POST",
                        "/api/v1/consignments/batch",
                        shipper.token(),
                        "text/csv",
                        TradeApiClient.bytes(csv.toString()))
                .expect(200)
                .json();
        assertEquals(rows, result.getInteger("lodged"), result.encode());
        List<String> ccrns = new ArrayList<>();
        result.getJsonArray("results").forEach(r -> ccrns.add(((JsonObject) r).getString("ccrn")));
        return ccrns;
    }

    private JsonObject page(TradeApiClient.Account supervisor, String query) {
        return api.get("/api/v1/audit?" + query, supervisor.token()).expect(200).json();
    }

    private static List<JsonObject> entries(JsonObject page) {
        return page.getJsonArray("entries").stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void aCcrnFilterOverABatchGivesOnlyTheLinesNamingThatConsignment() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account supervisor = api.newAccount("SUPERVISOR");
        List<String> ccrns = uploadBatch(shipper, 40);
        String eighth = ccrns.get(7);

        JsonObject page = page(supervisor, "ccrn=" + eighth + "&limit=5");
        List<JsonObject> found = entries(page);
        assertEquals(1, found.size(), "only the eighth row's lodgement: " + page.encodePrettily());
        assertEquals("CONSIGNMENT_LODGED", found.get(0).getString("action"));
        assertEquals(eighth, found.get(0).getString("subject"));
        assertEquals(shipper.id(), found.get(0).getString("who"), "the change's actor holds for each of its lines");
        assertNull(page.getString("next"), "the logs were read to their start");

        // the change's actor names every line of it: by the account, all forty are there
        List<String> byAccount = entries(page(supervisor, "account=" + shipper.id() + "&limit=500")).stream()
                .filter(e -> "CONSIGNMENT_LODGED".equals(e.getString("action")))
                .map(e -> e.getString("subject"))
                .toList();
        assertEquals(new HashSet<>(ccrns), new HashSet<>(byAccount));
        assertEquals(40, byAccount.size(), "each once");

        // two filters that hold for different lines of one change: no line holds both
        assertEquals(
                1,
                entries(page(supervisor, "ccrn=" + eighth + "&account=" + shipper.id()))
                        .size());
        assertTrue(
                entries(page(supervisor, "ccrn=" + eighth + "&bundle=" + ccrns.get(8)))
                        .isEmpty(),
                "the ninth row's CCRN is only in the ninth row's line");
    }

    @Test
    void smallPagesOverLargeBatchesGiveTheUnpagedTrailOnceNewestFirst() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account supervisor = api.newAccount("SUPERVISOR");
        api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        uploadBatch(shipper, 300); // two changes: 250 lodgements, then 50
        api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(1));

        JsonObject unpaged = page(supervisor, "account=" + shipper.id() + "&limit=500");
        assertNull(unpaged.getString("next"), "one page holds this account's whole trail");
        List<String> whole =
                entries(unpaged).stream().map(AuditOfBatchesApiTest::key).toList();
        assertTrue(whole.size() > 302, "every lodgement is a line: " + whole.size());
        assertEquals(whole.size(), new HashSet<>(whole).size(), "no line twice in the unpaged trail");

        for (int limit : new int[] {7, 50}) {
            List<String> paged = new ArrayList<>();
            Instant previous = Instant.MAX;
            String cursor = null;
            int pages = 0;
            do {
                JsonObject page = page(
                        supervisor,
                        "account=" + shipper.id() + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
                List<JsonObject> entries = entries(page);
                cursor = page.getString("next");
                assertTrue(entries.size() <= limit, "a page of " + entries.size() + " with limit " + limit);
                if (cursor != null) {
                    // the logs are small here: only the end of the trail makes a page short
                    assertEquals(limit, entries.size(), "page " + pages + " with limit " + limit);
                }
                for (JsonObject e : entries) {
                    Instant at = OffsetDateTime.parse(e.getString("at")).toInstant();
                    assertFalse(at.isAfter(previous), "newest first: " + e);
                    previous = at;
                    paged.add(key(e));
                }
                assertTrue(++pages <= whole.size() / limit + 2, "paging ends");
            } while (cursor != null);
            assertEquals(whole, paged, "limit " + limit + ": the pages together are the unpaged trail");
        }
    }

    @Test
    void anEmptyFilterIsA400NamingIt() {
        TradeApiClient.Account supervisor = api.newAccount("SUPERVISOR");
        for (String name :
                List.of("ccrn", "bundle", "vehicle", "account", "lane", "arrival", "from", "to", "limit", "cursor")) {
            api.get("/api/v1/audit?" + name + "=", supervisor.token()).problemNaming(400, name);
        }
        api.get("/api/v1/audit?ccrn=%20", supervisor.token()).problemNaming(400, "ccrn");
        JsonObject both =
                api.get("/api/v1/audit?vehicle=&bundle=", supervisor.token()).problem(400);
        assertTrue(
                ApiResponse.fields(both).containsAll(List.of("vehicle", "bundle")),
                "every empty filter named: " + both);
    }

    /** What tells two lines apart: a batch's lines share their log sequence. */
    private static String key(JsonObject e) {
        return e.getString("log") + " " + e.getLong("sequence") + " " + e.getString("action") + " "
                + e.getString("subject") + " " + e.getString("detail");
    }
}
