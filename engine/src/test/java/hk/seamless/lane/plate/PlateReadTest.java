package hk.seamless.lane.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlateReadTest {

    @Test
    void keepsCandidatesBestFirstAndStableOnTies() {
        PlateRead read = new PlateRead();
        read.addCandidate("B", 50);
        read.addCandidate("A", 90);
        read.addCandidate("C", 50);
        read.addCandidate("D", 70);

        assertEquals("[A/90, D/70, B/50, C/50]", candidates(read));
    }

    @Test
    void dropsTheWorstBeyondTen() {
        PlateRead read = new PlateRead();
        for (int i = 0; i < PlateRead.MAX_CANDIDATES; i++) {
            assertTrue(read.addCandidate("P" + i, 10 + i));
        }
        assertFalse(read.addCandidate("LOW", 10), "no better than the worst kept");
        assertTrue(read.addCandidate("HIGH", 99));

        assertEquals(PlateRead.MAX_CANDIDATES, read.candidateCount());
        assertEquals("HIGH", read.candidate(0).toString());
        assertEquals("P1", read.candidate(9).toString(), "P0 (10) dropped");
        assertEquals("[HIGH/99, P9/19, P8/18, P7/17, P6/16, P5/15, P4/14, P3/13, P2/12, P1/11]", candidates(read));
    }

    @Test
    void copiesAndClears() {
        PlateRead source = new PlateRead();
        source.setPlate("AB1234");
        source.setConfidence(94);
        source.setEpochMillis(1732592400123L);
        source.setRegion("hk");
        source.addCandidate("AB1234", 94);
        source.addCandidate("A81234", 80);

        PlateRead copy = new PlateRead();
        copy.addCandidate("OLD1", 1);
        copy.addCandidate("OLD2", 1);
        copy.addCandidate("OLD3", 1);
        copy.copyFrom(source);

        assertEquals(source.toString(), copy.toString());
        assertEquals(2, copy.candidateCount());

        copy.clear();
        assertEquals("PlateRead[plate=, confidence=0, epochMillis=0, region=, candidates=[]]", copy.toString());
        assertEquals("AB1234", source.plate().toString(), "the source is untouched");
    }

    @Test
    void guardsItsBounds() {
        PlateRead read = new PlateRead();
        assertThrows(IndexOutOfBoundsException.class, () -> read.candidate(0));
        assertThrows(IllegalArgumentException.class, () -> read.setConfidence(101));
        assertThrows(IllegalArgumentException.class, () -> read.addCandidate("X", -1));
    }

    private static String candidates(PlateRead read) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < read.candidateCount(); i++) {
            out.append(i > 0 ? ", " : "").append(read.candidate(i)).append('/').append(read.candidateConfidence(i));
        }
        return out.append(']').toString();
    }
}
