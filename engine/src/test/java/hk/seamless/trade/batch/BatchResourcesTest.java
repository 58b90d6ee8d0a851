package hk.seamless.trade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The files handed to shippers and integrators must agree with the readers and each other. */
class BatchResourcesTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BatchResourcesTest.class.getResourceAsStream("/batch/" + name)) {
            assertNotNull(in, "missing resource batch/" + name);
            return in.readAllBytes();
        }
    }

    private static Schema schema() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        URL xsd = BatchResourcesTest.class.getResource("/batch/consignments.xsd");
        assertNotNull(xsd);
        return factory.newSchema(xsd);
    }

    private static void validate(byte[] xml) throws Exception {
        Validator validator = schema().newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    @Test
    void exampleXmlValidatesAgainstXsd() throws Exception {
        validate(resource("consignments-example.xml"));
    }

    @Test
    void xsdIsNotVacuous() {
        String missingConsignee = "<consignments xmlns=\"urn:seamless:consignments:1\"><consignment>"
                + "<direction>IMPORT</direction><expectedDate>2026-12-01</expectedDate>"
                + "<consignor><name>A</name><address>B</address></consignor>"
                + "<packaged><packageDescription>CARTONS</packageDescription><packageCount>1</packageCount>"
                + "<articlesDescription>T</articlesDescription></packaged></consignment></consignments>";
        assertThrows(SAXException.class, () -> validate(missingConsignee.getBytes(StandardCharsets.UTF_8)));
        String bothWeightAndVolume = "<consignments xmlns=\"urn:seamless:consignments:1\"><consignment>"
                + "<direction>IMPORT</direction><expectedDate>2026-12-01</expectedDate>"
                + "<consignor><name>A</name><address>B</address></consignor>"
                + "<consignee><name>A</name><address>B</address></consignee>"
                + "<bulk><grossWeightKg>1</grossWeightKg><grossVolumeM3>2</grossVolumeM3></bulk>"
                + "</consignment></consignments>";
        assertThrows(SAXException.class, () -> validate(bothWeightAndVolume.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void templateCsvAndExampleXmlReadToTheSameBodies() throws Exception {
        List<BatchRow> csv = new CsvBatchReader(100).read(resource("consignments-template.csv"));
        List<BatchRow> xml = new XmlBatchReader(100).read(resource("consignments-example.xml"));
        assertEquals(2, csv.size());
        assertEquals(2, xml.size());
        for (int i = 0; i < 2; i++) {
            assertTrue(csv.get(i).readable(), csv.get(i).readProblems().toString());
            assertTrue(xml.get(i).readable(), xml.get(i).readProblems().toString());
            assertEquals(csv.get(i).body(), xml.get(i).body());
        }
        JsonObject packaged = csv.get(0).body();
        assertEquals("深圳市華強電子有限公司", packaged.getJsonObject("consignor").getString("name"));
        assertEquals(120L, packaged.getJsonObject("packaged").getValue("packageCount"));
        assertTrue(!packaged.containsKey("bulk"));
        JsonObject bulk = csv.get(1).body();
        assertEquals(18000L, bulk.getJsonObject("bulk").getValue("grossWeightKg"));
        assertEquals("3 tanks", bulk.getJsonObject("bulk").getString("quantity"));
        assertTrue(!bulk.containsKey("packaged"));
    }

    @Test
    void templateHeaderNamesEveryColumn() throws Exception {
        String template = new String(resource("consignments-template.csv"), StandardCharsets.UTF_8);
        String header = template.substring(1, template.indexOf("\r\n")); // after the BOM
        assertEquals(String.join(",", ConsignmentField.allPaths()), header);
    }

    @Test
    void readmeIsShipped() throws Exception {
        String readme = new String(resource("README.md"), StandardCharsets.UTF_8);
        for (String path : ConsignmentField.allPaths()) {
            assertTrue(readme.contains("`" + path + "`"), "README does not describe " + path);
        }
    }

    @Test
    void bulkDescriptionIsRequiredByTheReadmeTheXsdAndTheEngineAlike() throws Exception {
        // The contract (interfaces.md): for bulk cargo only "quantity" is optional.
        String readme = new String(resource("README.md"), StandardCharsets.UTF_8);
        String row = readme.lines()
                .filter(l -> l.startsWith("| `bulk.description`"))
                .findFirst()
                .orElseThrow();
        assertTrue(row.contains("required") && !row.contains("optional"), row);
        String withoutDescription = "<consignments xmlns=\"urn:seamless:consignments:1\"><consignment>"
                + "<direction>IMPORT</direction><expectedDate>2026-12-01</expectedDate>"
                + "<consignor><name>A</name><address>B</address></consignor>"
                + "<consignee><name>A</name><address>B</address></consignee>"
                + "<bulk><grossWeightKg>1</grossWeightKg><quantity>3 tanks</quantity></bulk>"
                + "</consignment></consignments>";
        assertThrows(SAXException.class, () -> validate(withoutDescription.getBytes(StandardCharsets.UTF_8)));
        JsonObject body = new XmlBatchReader(100)
                .read(withoutDescription.getBytes(StandardCharsets.UTF_8))
                .get(0)
                .body();
        java.time.Instant now = java.time.LocalDate.of(2026, 11, 28)
                .atStartOfDay(java.time.ZoneId.of("Asia/Hong_Kong"))
                .toInstant();
        hk.seamless.rules.InvalidInputException refused = assertThrows(
                hk.seamless.rules.InvalidInputException.class,
                () -> new hk.seamless.trade.CargoInformationReader(
                                hk.seamless.trade.LodgementWindow.hongKong(java.time.Period.ofDays(14)))
                        .read(body, now));
        assertTrue(
                refused.errors().stream().anyMatch(e -> e.field().equals("bulk.description")),
                refused.errors().toString());
    }
}
