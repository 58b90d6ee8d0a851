package hk.seamless.lane.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAlprDocumentTest {

    /** As the OpenALPR agent posts it (trimmed to two candidates' worth of noise, same shape). */
    static final String AGENT_DOCUMENT = """
            {
              "version": 2,
              "data_type": "alpr_results",
              "epoch_time": 1732592400123,
              "img_width": 1280,
              "img_height": 720,
              "processing_time_ms": 45.2,
              "camera_id": 1234,
              "site_id": "lmc-s-03",
              "company_id": "xxxxxxxx-yyyy-zzzz",
              "agent_uid": "abc123",
              "regions_of_interest": [{"x": 0, "y": 0, "width": 1280, "height": 720}],
              "results": [
                {
                  "plate": "AB1234",
                  "confidence": 94.12,
                  "matches_template": 0,
                  "plate_index": 0,
                  "region": "hk",
                  "region_confidence": 0,
                  "processing_time_ms": 10.5,
                  "requested_topn": 10,
                  "coordinates": [{"x": 506, "y": 412}, {"x": 631, "y": 410}, {"x": 632, "y": 444}, {"x": 507, "y": 446}],
                  "vehicle_region": {"x": 380, "y": 200, "width": 400, "height": 400},
                  "candidates": [
                    {"plate": "AB1234", "confidence": 94.12, "matches_template": 0},
                    {"plate": "A81234", "confidence": 80.1, "matches_template": 0},
                    {"plate": "AB1Z34", "confidence": 71.99, "matches_template": 0},
                    {"plate": "A8I234", "confidence": 60, "matches_template": 0}
                  ]
                }
              ]
            }
            """;

    /** Cloud-style document with two plates in view: a Guangdong plate read with higher confidence. */
    static final String CROSS_BOUNDARY_DOCUMENT = """
            {
              "version": 2,
              "data_type": "alpr_results",
              "epoch_time": 1732592401500,
              "img_width": 1920,
              "img_height": 1080,
              "processing_time_ms": 61.0,
              "regions_of_interest": [],
              "results": [
                {"plate": "粤Z·A123港", "confidence": 97.5, "matches_template": 0, "plate_index": 0,
                 "region": "cn", "region_confidence": 80, "processing_time_ms": 12.1, "requested_topn": 10,
                 "coordinates": [{"x": 1, "y": 2}, {"x": 3, "y": 4}, {"x": 5, "y": 6}, {"x": 7, "y": 8}],
                 "candidates": [{"plate": "粤Z·A123港", "confidence": 97.5, "matches_template": 0}]},
                {"plate": "FU123", "confidence": 88.0, "matches_template": 0, "plate_index": 1,
                 "region": "hk", "region_confidence": 0, "processing_time_ms": 9.0, "requested_topn": 10,
                 "coordinates": [{"x": 1, "y": 2}, {"x": 3, "y": 4}, {"x": 5, "y": 6}, {"x": 7, "y": 8}],
                 "candidates": [{"plate": "FU123", "confidence": 88.0, "matches_template": 0},
                                {"plate": "FU12S", "confidence": 51.3, "matches_template": 0}]}
              ]
            }
            """;

    private final PlateRead read = new PlateRead();

    @Test
    void readsTheAgentDocument() {
        OpenAlprDocument.read(new JsonObject(AGENT_DOCUMENT), read);

        assertEquals("AB1234", read.plate().toString());
        assertEquals(94, read.confidence());
        assertEquals(1732592400123L, read.epochMillis());
        assertEquals("hk", read.region().toString());
        assertEquals(4, read.candidateCount());
        assertEquals("AB1234", read.candidate(0).toString());
        assertEquals(94, read.candidateConfidence(0));
        assertEquals("A81234", read.candidate(1).toString());
        assertEquals(80, read.candidateConfidence(1));
        assertEquals("AB1Z34", read.candidate(2).toString());
        assertEquals(71, read.candidateConfidence(2), "rounded down, not to nearest");
        assertEquals("A8I234", read.candidate(3).toString());
        assertEquals(60, read.candidateConfidence(3));
    }

    @Test
    void prefersTheHongKongPlateOverAGuangdongPlateOfHigherConfidence() {
        OpenAlprDocument.read(new JsonObject(CROSS_BOUNDARY_DOCUMENT), read);

        assertEquals("FU123", read.plate().toString());
        assertEquals(88, read.confidence());
        assertEquals("hk", read.region().toString());
        assertEquals(2, read.candidateCount());
        assertEquals("FU12S", read.candidate(1).toString());
    }

    @Test
    void takesAGuangdongPlateWhenItIsAllThereIs() {
        JsonObject doc = new JsonObject(CROSS_BOUNDARY_DOCUMENT);
        doc.getJsonArray("results").remove(1);

        OpenAlprDocument.read(doc, read);

        assertEquals("粤Z·A123港", read.plate().toString());
        assertEquals(97, read.confidence());
    }

    @Test
    void picksTheHighestConfidenceWhenResultsAreNotSorted() {
        JsonObject doc = base().put(
                        "results",
                        new JsonArray()
                                .add(result("AB1", 40.5))
                                .add(result("CD22", 91.9))
                                .add(result("EF333", 91.9)));

        OpenAlprDocument.read(doc, read);

        assertEquals("CD22", read.plate().toString(), "highest, first on ties");
        assertEquals(91, read.confidence());
        assertEquals(0, read.candidateCount());
        assertEquals("", read.region().toString());
    }

    @Test
    void emptyResultsIsALegalReadOfNoPlate() {
        read.setPlate("STALE1");
        read.setConfidence(99);
        read.addCandidate("STALE2", 50);

        OpenAlprDocument.read(base().put("results", new JsonArray()), read);

        assertEquals("", read.plate().toString());
        assertEquals(0, read.confidence());
        assertEquals(0, read.candidateCount());
        assertEquals(1732592400123L, read.epochMillis());
    }

    @Test
    void keepsTheTenBestCandidatesWhateverTheirOrder() {
        JsonArray candidates = new JsonArray();
        for (int i = 0; i < 15; i++) {
            // confidences 10, 16, ..., 94 in shuffled order (7 is coprime to 15): the 10 best are 94 down to 40
            int confidence = (i * 7 % 15) * 6 + 10;
            candidates.add(new JsonObject().put("plate", "C" + confidence).put("confidence", confidence + 0.5));
        }
        JsonObject doc =
                base().put("results", new JsonArray().add(result("AB1234", 95).put("candidates", candidates)));

        OpenAlprDocument.read(doc, read);

        assertEquals(PlateRead.MAX_CANDIDATES, read.candidateCount());
        for (int i = 0; i < PlateRead.MAX_CANDIDATES; i++) {
            int expected = 94 - 6 * i;
            assertEquals(expected, read.candidateConfidence(i));
            assertEquals("C" + expected, read.candidate(i).toString());
        }
    }

    @Test
    void refusesMoreThanFiftyCandidates() {
        JsonArray candidates = new JsonArray();
        for (int i = 0; i < 51; i++) {
            candidates.add(new JsonObject().put("plate", "AB" + (i + 1)).put("confidence", 50));
        }
        JsonObject doc =
                base().put("results", new JsonArray().add(result("AB1234", 95).put("candidates", candidates)));

        InvalidPlateDocumentException e =
                assertThrows(InvalidPlateDocumentException.class, () -> OpenAlprDocument.read(doc, read));
        assertEquals("results[0].candidates", e.field());
    }

    @Test
    void acceptsIntegerConfidencesAndAWholeDoubleEpoch() {
        JsonObject doc = new JsonObject("""
                {"epoch_time": 1.732592400123E12, "results": [{"plate": "AB1", "confidence": 100}]}""");

        OpenAlprDocument.read(doc, read);

        assertEquals(1732592400123L, read.epochMillis());
        assertEquals(100, read.confidence());
    }

    /** Each body is broken in one place; the exception names exactly that place. */
    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"results": []}                                                                       | epoch_time
            {"epoch_time": "1732592400123", "results": []}                                         | epoch_time
            {"epoch_time": 1732592400123.5, "results": []}                                         | epoch_time
            {"epoch_time": -1, "results": []}                                                      | epoch_time
            {"epoch_time": 1, "data_type": "alpr_group", "results": []}                            | data_type
            {"epoch_time": 1, "data_type": 7, "results": []}                                       | data_type
            {"epoch_time": 1}                                                                      | results
            {"epoch_time": 1, "results": {}}                                                       | results
            {"epoch_time": 1, "results": ["AB1234"]}                                               | results[0]
            {"epoch_time": 1, "results": [{"confidence": 90}]}                                     | results[0].plate
            {"epoch_time": 1, "results": [{"plate": null, "confidence": 90}]}                      | results[0].plate
            {"epoch_time": 1, "results": [{"plate": 1234, "confidence": 90}]}                      | results[0].plate
            {"epoch_time": 1, "results": [{"plate": "AB12345678901234X", "confidence": 90}]}       | results[0].plate
            {"epoch_time": 1, "results": [{"plate": "AB1234"}]}                                    | results[0].confidence
            {"epoch_time": 1, "results": [{"plate": "AB1234", "confidence": "90"}]}                | results[0].confidence
            {"epoch_time": 1, "results": [{"plate": "AB1234", "confidence": 100.01}]}              | results[0].confidence
            {"epoch_time": 1, "results": [{"plate": "AB1234", "confidence": -0.5}]}                | results[0].confidence
            {"epoch_time": 1, "results": [{"plate": "A1", "confidence": 9}, {"plate": true, "confidence": 9}]} | results[1].plate
            {"epoch_time": 1, "results": [{"plate": "AB1234", "confidence": 90, "region": 5}]}     | results[0].region
            {"epoch_time": 1, "results": [{"plate": "AB1234", "confidence": 90, "candidates": {}}]} | results[0].candidates
            {"epoch_time": 1, "results": [{"plate": "AB1234", "confidence": 90, "candidates": [7]}]} | results[0].candidates[0]
            {"epoch_time": 1, "results": [{"plate": "AB1234", "confidence": 90, "candidates": [{"plate": "AB1234", "confidence": 90}, {"plate": ["A"], "confidence": 80}]}]} | results[0].candidates[1].plate
            {"epoch_time": 1, "results": [{"plate": "AB1234", "confidence": 90, "candidates": [{"plate": "AB1234", "confidence": 101}]}]} | results[0].candidates[0].confidence
            {"epoch_time": 1, "results": [{"plate": "AB1234", "confidence": 90, "candidates": [{"plate": "AB1234"}]}]} | results[0].candidates[0].confidence
            """)
    void namesTheBadField(String body, String field) {
        InvalidPlateDocumentException e = assertThrows(
                InvalidPlateDocumentException.class, () -> OpenAlprDocument.read(new JsonObject(body), read));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        assertTrue(e.reason().length() > 5, e.reason());
    }

    @Test
    void messagesSayWhatWasWrong() {
        InvalidPlateDocumentException e = assertThrows(
                InvalidPlateDocumentException.class, () -> OpenAlprDocument.read(new JsonObject("""
                        {"epoch_time": 1, "results": [{"plate": 1234, "confidence": 90}]}"""), read));
        assertEquals("results[0].plate: must be a string (got the number 1234)", e.getMessage());
        assertEquals("must be a string (got the number 1234)", e.reason());
    }

    private static JsonObject base() {
        return new JsonObject()
                .put("version", 2)
                .put("data_type", "alpr_results")
                .put("epoch_time", 1732592400123L);
    }

    private static JsonObject result(String plate, double confidence) {
        return new JsonObject()
                .put("plate", plate)
                .put("confidence", confidence)
                .put("matches_template", 0);
    }
}
