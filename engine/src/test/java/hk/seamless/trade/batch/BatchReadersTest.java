package hk.seamless.trade.batch;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BatchReadersTest {

    @Test
    void contentTypeChoosesReader() {
        assertInstanceOf(CsvBatchReader.class, BatchReaders.forContentType("text/csv", null));
        assertInstanceOf(CsvBatchReader.class, BatchReaders.forContentType("Application/CSV; charset=UTF-8", "x.xml"));
        assertInstanceOf(XmlBatchReader.class, BatchReaders.forContentType("application/xml", null));
        assertInstanceOf(XmlBatchReader.class, BatchReaders.forContentType("text/xml;charset=utf-8", "x.csv"));
    }

    @Test
    void fileNameDecidesWhenTypeIsMissingOrUnhelpful() {
        // what browsers on Windows send for a .csv file
        assertInstanceOf(CsvBatchReader.class, BatchReaders.forContentType("application/vnd.ms-excel", "Batch.CSV"));
        assertInstanceOf(CsvBatchReader.class, BatchReaders.forContentType(null, "batch.csv"));
        assertInstanceOf(XmlBatchReader.class, BatchReaders.forContentType("application/octet-stream", "batch.xml"));
    }

    @Test
    void otherwiseNull() {
        assertNull(BatchReaders.forContentType("application/json", "batch.json"));
        assertNull(BatchReaders.forContentType(null, null));
        assertNull(BatchReaders.forContentType("", "batch.xlsx"));
    }
}
