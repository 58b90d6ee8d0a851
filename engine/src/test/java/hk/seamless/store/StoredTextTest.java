package hk.seamless.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text in a real Chronicle map reads back as it was written, whatever it holds: Chinese of the Basic
 * Multilingual Plane, HKSCS characters beyond it (𨋢, 𠝹: real Hong Kong names), emoji, through
 * every way a value is read; also values written by Chronicle's own writer, as engines before the
 * engine wrote the bytes itself left them, and after a close and a re-open of the files.
 */
class StoredTextTest {

    private static final String[] TEXTS = {
        "{\"name\":\"Kwong Fat Trading\"}",
        "{\"name\":\"廣發貿易有限公司\",\"address\":\"香港九龍觀塘道 18 號\"}",
        "{\"name\":\"𨋢記運輸\",\"address\":\"𠝹 Street 1\"}",
        "{\"note\":\"🚚 crossing at 落馬洲\"}",
        "𨋢",
        "é",
        "",
    };

    @TempDir
    Path dir;

    private ChronicleStores stores;

    @BeforeEach
    void open() {
        stores = ChronicleStores.open(dir, StoreSizes.forDailyConsignments(100));
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void everyTextReadsBackThroughGetGetUsingAndForEach() {
        KeyValueStore store = stores.store(StoreName.CONSIGNMENTS);
        for (int i = 0; i < TEXTS.length; i++) {
            store.put("K" + i, TEXTS[i]);
        }
        assertReadsBack(store);
    }

    @Test
    void everyTextReadsBackAfterTheFilesAreOpenedAgain() {
        KeyValueStore store = stores.store(StoreName.CONSIGNMENTS);
        for (int i = 0; i < TEXTS.length; i++) {
            store.put("K" + i, TEXTS[i]);
        }
        stores.close();
        stores = ChronicleStores.open(dir, StoreSizes.forDailyConsignments(100));
        assertReadsBack(stores.store(StoreName.CONSIGNMENTS));
    }

    @Test
    void valuesChronicleWroteItselfReadBackTheSame() {
        ChronicleKeyValueStore store = (ChronicleKeyValueStore) stores.store(StoreName.CONSIGNMENTS);
        for (int i = 0; i < TEXTS.length; i++) {
            store.chronicleMap().put("K" + i, TEXTS[i]); // a supplementary character as two 3-byte halves
        }
        assertReadsBack(store);
    }

    @Test
    void aValueHoldsExactlyTheTextItWasWrittenWith() {
        KeyValueStore store = stores.store(StoreName.CONSIGNMENTS);
        store.put("K", "{\"name\":\"𨋢記\"}");
        assertTrue(store.holds("K", "{\"name\":\"𨋢記\"}"));
        assertFalse(store.holds("K", "{\"name\":\"記\"}"));
    }

    @Test
    void malformedBytesReadAsReplacementCharactersNotAFailure() {
        byte[] truncated = "𨋢".getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        Utf8Values.appendTo(truncated, 2, out);
        assertEquals("\uFFFD\uFFFD", out.toString());
        assertEquals("a\uFFFD", Utf8Values.decode(new byte[] {'a', (byte) 0xFF}, 2));
    }

    private static void assertReadsBack(KeyValueStore store) {
        StringBuilder using = new StringBuilder();
        Map<String, String> all = new HashMap<>();
        store.forEach(all::put);
        for (int i = 0; i < TEXTS.length; i++) {
            String key = "K" + i;
            assertEquals(TEXTS[i], store.get(key), key);
            assertTrue(store.getUsing(key, using), key);
            assertEquals(TEXTS[i], using.toString(), key);
            assertEquals(TEXTS[i], all.get(key), key);
        }
        assertFalse(store.getUsing("absent", using));
        assertEquals("", using.toString());
        assertEquals(null, store.get("absent"));
    }
}
