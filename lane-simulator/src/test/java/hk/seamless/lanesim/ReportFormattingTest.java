package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportFormattingTest {

    @Test
    void millisecondsHaveThreeDecimalsAndADotInAnyLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // would write 1,500 with a comma
            assertEquals("1.500", LatencySummary.format(1.5));
            assertEquals("0.042", LatencySummary.format(0.0421));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void percentilesComeFromTheHistogramInMilliseconds() {
        Histogram nanos = new Histogram(3);
        for (int i = 1; i <= 1_000; i++) {
            nanos.recordValue(i * 1_000_000L); // 1 ms .. 1000 ms
        }
        LatencySummary s = LatencySummary.of(nanos);
        assertEquals(500, s.p50Ms(), 1);
        assertEquals(990, s.p99Ms(), 1);
        assertEquals(1000, s.maxMs(), 1);
    }

    @Test
    void reportJsonParsesAndCarriesTheFigures() {
        Histogram nanos = new Histogram(3);
        nanos.recordValue(2_000_000);
        ClosedLoopLodgement.Outcome outcome = new ClosedLoopLodgement.Outcome(
                4, 1, List.of("422 {\"title\":\"Invalid input\"}"), 2_000_000_000L, nanos);
        JsonObject json = new JsonObject(new LodgementReport("http://localhost:8080", 2, 10, 0, outcome).json());
        assertEquals(4, json.getInteger("requests"));
        assertEquals(1, json.getInteger("errors"));
        assertEquals(2.0, json.getDouble("throughputPerSecond"));
        assertEquals(2.0, json.getJsonObject("latencyMs").getDouble("p50"), 0.01);
        assertTrue(json.getJsonArray("problems").getString(0).startsWith("422"));
    }

    @Test
    void batchCsvQuotesOnlyWhatMustBeQuotedAndHasTheHeaderFirst() {
        assertEquals("Kwai Chung", BatchCsv.cell("Kwai Chung"));
        assertEquals("\"Unit 1203, 12/F\"", BatchCsv.cell("Unit 1203, 12/F"));
        assertEquals("\"Zhuhai \"\"Export\"\"\"", BatchCsv.cell("Zhuhai \"Export\""));
        CargoSample c = new CargoSampleGenerator(1, LocalDate.of(2026, 3, 2)).next();
        String file = BatchCsv.file(List.of(c));
        assertTrue(file.startsWith(String.join(",", BatchCsv.HEADER) + "\r\n"));
        assertEquals(BatchCsv.HEADER.size(), BatchCsv.row(c).size());
    }

    @Test
    void answerFieldsReadTheEngineAnswers() {
        String batch = "{\"rows\":3,\"lodged\":2,\"rejected\":1,\"results\":[{\"row\":1,\"status\":\"LODGED\"}]}";
        assertEquals(3L, BatchLoadCommand.count(new JsonObject(batch), "rows"));
        assertEquals(2L, BatchLoadCommand.count(new JsonObject(batch), "lodged"));
        assertEquals(
                "sl_abc",
                new EngineClient.Answer(200, "{\"accountId\":\"R1\",\"token\":\"sl_abc\"}")
                        .json()
                        .getString("token"));
    }
}
