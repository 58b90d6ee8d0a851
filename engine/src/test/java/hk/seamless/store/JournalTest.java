package hk.seamless.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JournalTest {

    @TempDir
    Path dir;

    private List<String> replay(Path file) {
        List<String> seen = new ArrayList<>();
        Journal.open(file, true, bytes -> seen.add(new String(bytes, StandardCharsets.UTF_8))).close();
        return seen;
    }

    @Test
    void replaysEveryEntryInOrder() {
        Path file = dir.resolve("j");
        try (Journal journal = Journal.open(file, true, b -> { })) {
            journal.append("one".getBytes(StandardCharsets.UTF_8));
            journal.append("二".getBytes(StandardCharsets.UTF_8));
            journal.flush();
            assertEquals(2, journal.entries());
        }
        assertEquals(List.of("one", "二"), replay(file));
    }

    @Test
    void aTornLastEntryIsCutOffAndAppendingGoesOnAfterTheLastWholeOne() throws IOException {
        Path file = dir.resolve("j");
        try (Journal journal = Journal.open(file, true, b -> { })) {
            journal.append("first".getBytes(StandardCharsets.UTF_8));
            journal.append("second, torn by a kill".getBytes(StandardCharsets.UTF_8));
        }
        long whole = 8 + "first".length();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 5);
        }
        assertEquals(List.of("first"), replay(file));
        assertEquals(whole, Files.size(file), "the torn tail is truncated");

        try (Journal journal = Journal.open(file, true, b -> { })) {
            journal.append("third".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("first", "third"), replay(file));
    }

    @Test
    void aCorruptedEntryEndsTheReplayThere() throws IOException {
        Path file = dir.resolve("j");
        try (Journal journal = Journal.open(file, true, b -> { })) {
            journal.append("good".getBytes(StandardCharsets.UTF_8));
            journal.append("flipped".getBytes(StandardCharsets.UTF_8));
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(8 + 4 + 8 + 2);
            raf.write('X');
        }
        assertEquals(List.of("good"), replay(file));
    }
}
