package hk.seamless.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A journal entry written field by field is, byte for byte, what the data binding writes for the
 * change, and reads back as the same change: replay, the audit trail and the lane feed read one format.
 */
class RegistryChangeJsonTest {

    private final Random random = new Random(20261204);

    @Test
    void everyChangeIsWrittenAsTheDataBindingWritesIt() {
        for (int i = 0; i < 20_000; i++) {
            RegistryChange change = change();
            byte[] written = RegistryChangeJson.bytes(change);
            assertArrayEquals(JsonCodec.writeBytes(change), written, () -> new String(written, StandardCharsets.UTF_8));
            assertEquals(change, JsonCodec.read(written, RegistryChange.class));
        }
    }

    private RegistryChange change() {
        List<RegistryChange.AuditEvent> events = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            List<String> names = null;
            if (random.nextBoolean()) {
                names = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    names.add(text());
                }
            }
            events.add(new RegistryChange.AuditEvent(maybe(text()), maybe(text()), maybe(text()), names));
        }
        List<RegistryChange.Write> writes = new ArrayList<>();
        StoreName[] stores = StoreName.values();
        for (int n = random.nextInt(4); n > 0; n--) {
            String value =
                    random.nextBoolean() ? JsonCodec.write(new Sample(text(), random.nextLong(), instant())) : null;
            writes.add(new RegistryChange.Write(stores[random.nextInt(stores.length)], text(), value));
        }
        return new RegistryChange(
                random.nextLong(1, Long.MAX_VALUE), instant(), maybe(text()), events, writes, maybe(text()));
    }

    private record Sample(String name, long count, Instant at) {}

    private Instant instant() {
        long second = random.nextLong(0, 4_102_444_800L);
        return switch (random.nextInt(3)) {
            case 0 -> Instant.ofEpochSecond(second);
            case 1 -> Instant.ofEpochSecond(second, random.nextInt(1_000) * 1_000_000L);
            default -> Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
        };
    }

    private String maybe(String text) {
        return random.nextInt(5) == 0 ? null : text;
    }

    /** Text with what JSON must escape, and characters beyond Latin-1 and the basic plane. */
    private String text() {
        String[] pieces = {
            "LMC-S-01",
            "AB1234",
            "\"",
            "\\",
            "/",
            "é",
            "貨物",
            "😀",
            " ",
            "",
            "CCRN 26",
            "\u007f",
            "\u2028",
            "\ufffd",
            "\ud83d",
            "\ude00"
        };
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
            if (random.nextInt(8) == 0) {
                text.append((char) random.nextInt(0x20)); // every control character, in time
            } else {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
        }
        return text.toString();
    }
}
