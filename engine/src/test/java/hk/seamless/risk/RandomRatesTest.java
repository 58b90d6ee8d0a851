package hk.seamless.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.StoreName;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomRatesTest {

    @TempDir
    Path dir;

    private RiskStoreFixture f;

    @BeforeEach
    void open() {
        f = new RiskStoreFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everyControlPointStartsAtItsConfiguredRate() {
        assertEquals(0.03, f.rates.rateFor("LMC"));
        assertEquals(0.03, f.view.randomRate("HYW"));
        Map<String, Double> all = f.rates.all();
        assertEquals(List.of("LMC", "MKT", "STK", "SBC", "HZM", "HYW"), List.copyOf(all.keySet()));
    }

    @Test
    void aRateSetIsStoredAuditedAndHeardByTheLane() {
        assertEquals(0.1, f.run(tx -> f.rates.set(tx, "LMC", 0.1)));

        assertEquals(0.1, f.rates.rateFor("LMC"));
        assertEquals(0.1, f.view.randomRate("LMC"));
        assertEquals(0.03, f.view.randomRate("MKT"), "other control points keep theirs");
        assertEquals("0.1", f.stores.store(StoreName.RANDOM_RATES).get("LMC"));
        RegistryChange.AuditEvent audit = f.heard.get(0).events().get(0);
        assertEquals("RANDOM_RATE_SET", audit.action());
        assertEquals("LMC", audit.subject());

        f.run(tx -> f.rates.set(tx, "LMC", 0.0));
        assertEquals(0.0, f.view.randomRate("LMC"));
        f.run(tx -> f.rates.set(tx, "lmc", 1.0));
        assertEquals(1.0, f.rates.rateFor("LMC"));
        assertEquals(1.0, f.view.randomRate("LMC"));
    }

    @Test
    void aRestartedViewStartsFromTheStoredRates() {
        f.run(tx -> f.rates.set(tx, "SBC", 0.25));
        f.close();
        f = new RiskStoreFixture(dir);
        assertEquals(0.25, f.view.randomRate("SBC"));
        assertEquals(0.25, f.rates.rateFor("SBC"));
        assertEquals(0.03, f.view.randomRate("LMC"));
    }

    @Test
    void anUnknownControlPointIsNotFound() {
        assertEquals(
                RuleViolation.Kind.NOT_FOUND,
                assertThrows(RuleViolation.class, () -> f.run(tx -> f.rates.set(tx, "XXX", 0.1)))
                        .kind());
        assertEquals(
                RuleViolation.Kind.NOT_FOUND,
                assertThrows(RuleViolation.class, () -> f.rates.rateFor("XXX")).kind());
        assertThrows(IllegalArgumentException.class, () -> f.view.randomRate("XXX"));
        assertEquals(0, f.writer.journalEntries());
    }

    @Test
    void aRateOutsideZeroToOneIsRefused() {
        assertThrows(InvalidInputException.class, () -> f.run(tx -> f.rates.set(tx, "LMC", 1.5)));
        assertThrows(InvalidInputException.class, () -> f.run(tx -> f.rates.set(tx, "LMC", Double.NaN)));
        assertEquals(0, f.writer.journalEntries());
    }

    @Test
    void readsTheRateFromTheBody() {
        assertEquals(0.05, RandomRates.readRate(new JsonObject().put("rate", 0.05)));
        assertEquals(1.0, RandomRates.readRate(new JsonObject().put("rate", 1)));
        assertEquals(0.0, RandomRates.readRate(new JsonObject().put("rate", 0)));
        for (JsonObject bad : List.of(
                new JsonObject(),
                new JsonObject().put("rate", "0.05"),
                new JsonObject().put("rate", -0.01),
                new JsonObject().put("rate", 1.01),
                new JsonObject().put("rate", true),
                new JsonObject("{\"rate\": 1e400}"))) {
            InvalidInputException e =
                    assertThrows(InvalidInputException.class, () -> RandomRates.readRate(bad), bad.encode());
            assertEquals(
                    List.of("rate"), e.errors().stream().map(FieldError::field).toList());
        }
        InvalidInputException extra = assertThrows(
                InvalidInputException.class,
                () -> RandomRates.readRate(new JsonObject().put("rate", 0.1).put("lane", "LMC-S-01")));
        assertEquals(
                List.of("lane"), extra.errors().stream().map(FieldError::field).toList());
    }
}
