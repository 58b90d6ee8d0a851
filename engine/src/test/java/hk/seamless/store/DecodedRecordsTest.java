package hk.seamless.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A record read again unchanged is not decoded again; a changed one always is. */
class DecodedRecordsTest {

    private final AtomicInteger decodes = new AtomicInteger();
    private final DecodedRecords<StringBuilder> records = new DecodedRecords<>(3, text -> {
        decodes.incrementAndGet();
        return new StringBuilder(text);
    });

    @Test
    void anUnchangedTextIsDecodedOnce() {
        StringBuilder first = records.decode("a", "{\"status\":\"APPROVED\"}");
        assertSame(first, records.decode("a", new String("{\"status\":\"APPROVED\"}")));
        assertEquals(1, decodes.get());
    }

    @Test
    void aChangedTextIsDecodedAgainAtOnce() {
        records.decode("a", "{\"status\":\"APPROVED\"}");
        assertEquals(
                "{\"status\":\"SUSPENDED\"}",
                records.decode("a", "{\"status\":\"SUSPENDED\"}").toString());
        assertEquals(2, decodes.get());
        assertNull(records.decode("a", null), "a record no longer stored is not served from memory");
    }

    @Test
    void pastItsSizeItStartsAgain() {
        for (String key : new String[] {"a", "b", "c", "d"}) {
            records.decode(key, key);
        }
        records.decode("d", "d");
        assertEquals(4, decodes.get(), "d is the one remembered since the memory started again");
        records.decode("a", "a");
        assertEquals(5, decodes.get(), "a was forgotten when the memory filled");
    }
}
