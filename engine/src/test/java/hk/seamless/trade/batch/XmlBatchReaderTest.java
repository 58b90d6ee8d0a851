package hk.seamless.trade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlBatchReaderTest {

    private final XmlBatchReader reader = new XmlBatchReader(20_000);

    private List<BatchRow> read(String xml) {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static final String PACKAGED = "<consignment>"
            + "<direction>IMPORT</direction><expectedDate>2026-12-01</expectedDate>"
            + "<consignor><name>深圳市華強電子有限公司</name><address>深圳 1號</address></consignor>"
            + "<consignee><name>HK Co</name><address>Kowloon</address></consignee>"
            + "<packaged><packageDescription>CARTONS</packageDescription>"
            + "<packageCount> 120 </packageCount><articlesDescription>Toys</articlesDescription>"
            + "</packaged></consignment>";

    private static final String BULK = "<consignment><direction>IMPORT</direction>"
            + "<bulk><grossVolumeM3>40.5</grossVolumeM3><quantity>3 tanks</quantity>"
            + "<description><![CDATA[Diesel & <oil>]]></description></bulk></consignment>";

    @Test
    void readsPackagedAndBulkConsignments() {
        List<BatchRow> rows = read("<?xml version=\"1.0\"?>\n<consignments>\n" + PACKAGED + BULK + "</consignments>");
        assertEquals(2, rows.size());
        BatchRow packaged = rows.get(0);
        assertEquals(1, packaged.rowNumber());
        assertTrue(packaged.readable());
        JsonObject expected = new JsonObject()
                .put("direction", "IMPORT")
                .put("expectedDate", "2026-12-01")
                .put("consignor", new JsonObject().put("name", "深圳市華強電子有限公司").put("address", "深圳 1號"))
                .put("consignee", new JsonObject().put("name", "HK Co").put("address", "Kowloon"))
                .put(
                        "packaged",
                        new JsonObject()
                                .put("packageDescription", "CARTONS")
                                .put("packageCount", 120L)
                                .put("articlesDescription", "Toys"));
        assertEquals(expected, packaged.body());

        BatchRow bulk = rows.get(1);
        assertEquals(2, bulk.rowNumber());
        assertEquals(
                new JsonObject()
                        .put("direction", "IMPORT")
                        .put(
                                "bulk",
                                new JsonObject()
                                        .put("grossVolumeM3", 40.5)
                                        .put("quantity", "3 tanks")
                                        .put("description", "Diesel & <oil>")),
                bulk.body());
    }

    @Test
    void sameNumberConversionAndEmptyOmissionAsCsv() {
        List<BatchRow> rows = read("<consignments><consignment><direction>  </direction><expectedDate/>"
                + "<bulk><grossWeightKg>18 t</grossWeightKg><quantity></quantity></bulk>"
                + "<consignor><name></name><address/></consignor>"
                + "</consignment></consignments>");
        JsonObject body = rows.get(0).body();
        assertEquals(new JsonObject().put("bulk", new JsonObject().put("grossWeightKg", "18 t")), body);
    }

    @Test
    void namespaceIsAccepted() {
        List<BatchRow> rows = read("<c:consignments xmlns:c=\"urn:seamless:consignments:1\">"
                + "<c:consignment><c:direction>IMPORT</c:direction></c:consignment></c:consignments>");
        assertEquals("IMPORT", rows.get(0).body().getString("direction"));
        rows = read("<consignments xmlns=\"" + XmlBatchReader.NAMESPACE + "\">" + PACKAGED + "</consignments>");
        assertEquals(120L, rows.get(0).body().getJsonObject("packaged").getValue("packageCount"));
    }

    @Test
    void elementOrderDoesNotMatter() {
        List<BatchRow> rows =
                read("<consignments><consignment><consignor><address>A</address><name>N</name></consignor>"
                        + "<direction>IMPORT</direction></consignment></consignments>");
        assertEquals(
                new JsonObject()
                        .put("consignor", new JsonObject().put("address", "A").put("name", "N"))
                        .put("direction", "IMPORT"),
                rows.get(0).body());
    }

    @Test
    void unknownElementIsARowProblemNamingIt() {
        List<BatchRow> rows = read("<consignments>"
                + "<consignment><direction>IMPORT</direction><colour><deep>red</deep></colour></consignment>"
                + "<consignment><consignor><nmae>Acme</nmae></consignor></consignment>"
                + PACKAGED
                + "</consignments>");
        assertEquals(3, rows.size());
        BatchRow first = rows.get(0);
        assertEquals(1, first.readProblems().size());
        assertTrue(
                first.readProblems().get(0).contains("<colour>"),
                first.readProblems().toString());
        assertTrue(first.body().isEmpty());
        BatchRow second = rows.get(1);
        assertTrue(
                second.readProblems().get(0).contains("<nmae>"),
                second.readProblems().toString());
        assertTrue(
                second.readProblems().get(0).contains("<consignor>"),
                second.readProblems().toString());
        assertTrue(rows.get(2).readable());
        assertEquals(3, rows.get(2).rowNumber());
    }

    @Test
    void repeatedElementAndElementInsideTextAreRowProblems() {
        List<BatchRow> rows = read("<consignments>"
                + "<consignment><direction>IMPORT</direction><direction>EXPORT</direction></consignment>"
                + "<consignment><consignor><name>A<b>B</b></name></consignor></consignment>"
                + "<consignment><consignor>Acme</consignor></consignment>"
                + "</consignments>");
        assertTrue(
                rows.get(0).readProblems().get(0).contains("more than once"),
                rows.get(0).readProblems().toString());
        assertTrue(
                rows.get(1).readProblems().get(0).contains("<b>"),
                rows.get(1).readProblems().toString());
        assertTrue(
                rows.get(2).readProblems().get(0).contains("<consignor>"),
                rows.get(2).readProblems().toString());
        rows.forEach(r -> assertTrue(r.body().isEmpty()));
    }

    @Test
    void doctypeIsRejected() {
        BatchFormatException e = assertThrows(
                BatchFormatException.class,
                () -> read("<?xml version=\"1.0\"?><!DOCTYPE consignments><consignments/>"));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void externalEntityAttemptIsRejectedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE consignments [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>"
                + "<consignments><consignment><direction>&xxe;</direction></consignment></consignments>";
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> read(xxe));
        assertEquals("file", e.field());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void entityExpansionBombIsRejected() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<consignments><consignment><direction>&lol2;</direction></consignment></consignments>";
        assertThrows(BatchFormatException.class, () -> read(bomb));
    }

    @Test
    void undeclaredEntityIsMalformed() {
        assertThrows(
                BatchFormatException.class,
                () -> read("<consignments><consignment><direction>&xxe;</direction></consignment></consignments>"));
    }

    @Test
    void malformedXmlIsRejectedWithPosition() {
        BatchFormatException e = assertThrows(
                BatchFormatException.class,
                () -> read("<consignments>\n<consignment><direction>IMPORT</consignment></consignments>"));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(BatchFormatException.class, () -> read(""));
        assertThrows(BatchFormatException.class, () -> read("direction,expectedDate\nIMPORT,2026-12-01"));
        assertThrows(BatchFormatException.class, () -> read("<consignments></consignments><more/>"));
    }

    @Test
    void malformedUtf8IsRejected() {
        byte[] head = "<consignments><consignment><direction>".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</direction></consignment></consignments>".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, file, 0, head.length);
        file[head.length] = (byte) 0xB2;
        file[head.length + 1] = (byte) 0x60;
        System.arraycopy(tail, 0, file, head.length + 2, tail.length);
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> reader.read(file));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + head.length), e.getMessage());
    }

    @Test
    void byteOrderMarkAndDeclaredEncodingAreHandled() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><consignments>" + PACKAGED + "</consignments>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[body.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(body, 0, file, 3, body.length);
        assertEquals(
                "深圳市華強電子有限公司",
                reader.read(file).get(0).body().getJsonObject("consignor").getString("name"));
        // The file is read as UTF-8 whatever it declares; ASCII content reads the same either way.
        List<BatchRow> rows =
                read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><consignments>" + BULK + "</consignments>");
        assertEquals("IMPORT", rows.get(0).body().getString("direction"));
    }

    @Test
    void wrongRootOrStrayElementInRootRejectsFile() {
        BatchFormatException e =
                assertThrows(BatchFormatException.class, () -> read("<shipments><consignment/></shipments>"));
        assertTrue(e.getMessage().contains("<consignments>"), e.getMessage());
        e = assertThrows(
                BatchFormatException.class, () -> read("<consignments>" + PACKAGED + "<consigment/></consignments>"));
        assertTrue(e.getMessage().contains("<consigment>"), e.getMessage());
    }

    @Test
    void emptyRootGivesNoRows() {
        assertTrue(read("<consignments/>").isEmpty());
        assertTrue(read("<!-- none today --><consignments>\n</consignments>\n").isEmpty());
    }

    @Test
    void rowLimitIsEnforced() {
        XmlBatchReader small = new XmlBatchReader(2);
        String two = "<consignments>" + BULK + BULK + "</consignments>";
        assertEquals(2, small.read(two.getBytes(StandardCharsets.UTF_8)).size());
        BatchFormatException e = assertThrows(
                BatchFormatException.class,
                () -> small.read(
                        ("<consignments>" + BULK + BULK + BULK + "</consignments>").getBytes(StandardCharsets.UTF_8)));
        assertEquals("file has more than 2 rows", e.getMessage());
    }

    @Test
    void tenThousandConsignmentsAreRead() {
        StringBuilder xml = new StringBuilder("<consignments>");
        for (int i = 0; i < 10_000; i++) {
            xml.append(i % 2 == 0 ? PACKAGED : BULK);
        }
        List<BatchRow> rows = read(xml.append("</consignments>").toString());
        assertEquals(10_000, rows.size());
        assertEquals(
                "深圳市華強電子有限公司", rows.get(5_000).body().getJsonObject("consignor").getString("name"));
    }
}
