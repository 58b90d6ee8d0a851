package hk.seamless;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages depend on each other in one direction only, from the wiring at the top down
 * to the settings at the bottom, so that each can be read (and tested) knowing only what lies below.
 * The intended order, top to bottom; a package may use only packages on LOWER rows, never one on
 * its own row or above:
 *
 * <pre>
 *   engine                                the wiring: opens the stores, starts everything
 *   http                                  the routes over everything below
 *   kafka                                 the roles' links: the feed and the lane reports over Kafka
 *   device  registryfeed  ivrs  audit     lane devices; the registry's feed to the lanes;
 *                                         the phone line; the audit trail read from the logs
 *   pipeline                              the lane pipeline: reads in, decisions out
 *   lane  gate                            what the lane side knows; the gate controllers' link
 *   risk                                  watchlists, random selection, targeting
 *   trade                                 the registry's rules: consignments, bundles, accounts
 *   access                                who acts: roles, passwords, sessions, tokens
 *   store  feed                           Chronicle Map stores and the registry writer; the feed's format
 *   log                                   the append-only, segmented journal on disk
 *   config  rules                         settings; refusals (field errors, rule violations)
 * </pre>
 *
 * Only the engine's own classes are checked (not the tests, which may reach anywhere). Plain JUnit
 * tests over ArchUnit's rules, so that Surefire's {@code -Dtest=ArchitectureTest} runs them.
 */
class ArchitectureTest {

    /** Top to bottom, as in the class comment. */
    private static final List<List<String>> ROWS = List.of(
            List.of("engine"),
            List.of("http"),
            List.of("kafka"),
            List.of("device", "registryfeed", "ivrs", "audit"),
            List.of("pipeline"),
            List.of("lane", "gate"),
            List.of("risk"),
            List.of("trade"),
            List.of("access"),
            List.of("store", "feed"),
            List.of("log"),
            List.of("config", "rules"));

    private static JavaClasses engine;

    @BeforeAll
    static void importTheEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The lane simulator (on the test class path for its device emulators) is not the engine.
                .withImportOption(location -> !location.contains("/hk/seamless/lanesim/"))
                .importPackages("hk.seamless");
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("hk.seamless.(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void eachPackageUsesOnlyTheRowsBelowIt() {
        layering().check(engine);
    }

    /** Every package is a layer of its own; each may access only the packages on the rows below its row. */
    private static LayeredArchitecture layering() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> row : ROWS) {
            for (String pkg : row) {
                layers = layers.layer(pkg).definedBy("hk.seamless." + pkg + "..");
            }
        }
        for (int i = 0; i < ROWS.size(); i++) {
            String[] below = ROWS.subList(i + 1, ROWS.size()).stream()
                    .flatMap(List::stream)
                    .toArray(String[]::new);
            for (String pkg : ROWS.get(i)) {
                layers = below.length == 0
                        ? layers.whereLayer(pkg).mayNotAccessAnyLayer()
                        : layers.whereLayer(pkg).mayOnlyAccessLayers(below);
            }
        }
        return layers;
    }
}
