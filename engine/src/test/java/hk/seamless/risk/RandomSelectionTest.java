package hk.seamless.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RandomSelectionTest {

    @Test
    void theSameSeedGivesTheSameSequence() {
        RandomSelection a = new RandomSelection(OptionalLong.of(20261117L));
        RandomSelection b = new RandomSelection(OptionalLong.of(20261117L));
        for (int i = 0; i < 10_000; i++) {
            assertEquals(a.select(0.3), b.select(0.3), "draw " + i);
        }
        assertEquals(20261117L, a.seed());
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        RandomSelection a = new RandomSelection(OptionalLong.of(1));
        RandomSelection b = new RandomSelection(OptionalLong.of(2));
        int differ = 0;
        for (int i = 0; i < 1_000; i++) {
            if (a.select(0.5) != b.select(0.5)) {
                differ++;
            }
        }
        assertTrue(differ > 100, "two seeds agreed on " + (1_000 - differ) + " of 1000 draws");
    }

    @Test
    void theObservedRateIsTheRate() {
        RandomSelection selection = new RandomSelection(OptionalLong.of(42));
        int n = 100_000;
        double p = 0.03;
        int selected = 0;
        for (int i = 0; i < n; i++) {
            if (selection.select(p)) {
                selected++;
            }
        }
        double sd = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(selected - n * p) < 5 * sd, selected + " selected of " + n + " at " + p);
    }

    @Test
    void zeroNeverOneAlways() {
        RandomSelection selection = new RandomSelection(OptionalLong.empty());
        for (int i = 0; i < 10_000; i++) {
            assertFalse(selection.select(0.0));
            assertTrue(selection.select(1.0));
            assertFalse(selection.select(Double.NaN));
        }
    }

    @Test
    void anUnseededSelectionTellsItsSeedAndCanBeReplayed() {
        RandomSelection first = new RandomSelection(OptionalLong.empty());
        RandomSelection again = new RandomSelection(OptionalLong.of(first.seed()));
        for (int i = 0; i < 1_000; i++) {
            assertEquals(first.select(0.1), again.select(0.1));
        }
    }
}
