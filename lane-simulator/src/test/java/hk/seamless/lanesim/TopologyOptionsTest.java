package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The run's options for engines in roles (--registry, --lane-engine) and for an outage (--outage ...). */
class TopologyOptionsTest {

    static final Duration RUN = Duration.ofSeconds(90);

    @Test
    void aRegistryAndOneLaneEnginePerControlPoint() {
        SimTopology t = SimTopology.of(
                "http://127.0.0.1:8080/",
                "reg-token",
                List.of("lmc=http://127.0.0.1:8081,lmc-token", "SBC=http://localhost:8082,sbc,token"),
                false);
        assertEquals("http://127.0.0.1:8080", t.registry().toString());
        assertEquals("reg-token", t.registryAdminToken());
        assertEquals(List.of("LMC", "SBC"), t.controlPoints());
        assertEquals("http://127.0.0.1:8081", t.laneEngine("LMC").base().toString());
        assertEquals("lmc-token", t.laneEngine("LMC").adminToken());
        // The token is all after the first comma: a URL here has none, a token may.
        assertEquals("http://localhost:8082", t.laneEngine("SBC").base().toString());
        assertEquals("sbc,token", t.laneEngine("SBC").adminToken());
        assertTrue(t.text().contains("LMC http://127.0.0.1:8081") && !t.text().contains("lmc-token"), t.text());
    }

    @Test
    void noTopologyOptionIsTheStandaloneCase() {
        assertNull(SimTopology.of(null, null, null, false));
        assertNull(SimTopology.of(null, null, List.of(), false));
    }

    @Test
    void wrongCombinationsAreRefusedNamingTheOption() {
        assertRefused(
                "--lane-engine needs --registry",
                () -> SimTopology.of(null, null, List.of("LMC=http://127.0.0.1:1,t"), false));
        assertRefused("--registry-admin-token needs --registry", () -> SimTopology.of(null, "t", List.of(), false));
        assertRefused(
                "--registry needs --registry-admin-token",
                () -> SimTopology.of("http://127.0.0.1:1", null, List.of("LMC=http://127.0.0.1:2,t"), false));
        assertRefused("at least one --lane-engine", () -> SimTopology.of("http://127.0.0.1:1", "t", List.of(), false));
        assertRefused(
                "names control point LMC twice",
                () -> SimTopology.of(
                        "http://127.0.0.1:1",
                        "t",
                        List.of("LMC=http://127.0.0.1:2,a", "lmc=http://127.0.0.1:3,b"),
                        false));
        assertRefused(
                "is the --registry's URL",
                () -> SimTopology.of("http://127.0.0.1:1", "t", List.of("LMC=http://127.0.0.1:1,a"), false));
        assertRefused("is not CP=URL,TOKEN", () -> SimTopology.parseLaneEngine("http://127.0.0.1:2", false));
        assertRefused("has no admin token", () -> SimTopology.parseLaneEngine("LMC=http://127.0.0.1:2,", false));
        assertRefused("has no URL", () -> SimTopology.parseLaneEngine("LMC=,tok", false));
        assertRefused(
                "not a control point code", () -> SimTopology.parseLaneEngine("L M C=http://127.0.0.1:2,tok", false));
        assertRefused(
                "--lane-engine LMC: must start with http://",
                () -> SimTopology.parseLaneEngine("LMC=ftp://127.0.0.1:2,tok", false));
        assertRefused(
                "--registry: http://10.1.2.3:8080 is not a loopback address",
                () -> SimTopology.of("http://10.1.2.3:8080", "t", List.of("LMC=http://127.0.0.1:2,a"), false));
        assertEquals(
                "http://10.1.2.3:8080",
                SimTopology.of("http://10.1.2.3:8080", "t", List.of("LMC=http://127.0.0.1:2,a"), true)
                        .registry()
                        .toString());
    }

    @Test
    void anOutageIsLengthAtStartWithOneWayToCutTheFeed() {
        Outage byPid = Outage.of("30s@60s", 4242L, null, null, RUN, true);
        assertEquals(Duration.ofSeconds(30), byPid.length());
        assertEquals(Duration.ofSeconds(60), byPid.at());
        assertEquals(new Outage.PausedProcess(4242), byPid.feedSwitch());
        Outage byCommand = Outage.of("1500ms@2s", null, "docker pause kafka", "docker unpause kafka", RUN, true);
        assertEquals(Duration.ofMillis(1500), byCommand.length());
        Outage.Commands commands = assertInstanceOf(Outage.Commands.class, byCommand.feedSwitch());
        assertEquals("docker unpause kafka", commands.restoreCommand());
        assertNull(Outage.of(null, null, null, null, RUN, true));
    }

    @Test
    void wrongOutagesAreRefusedNamingTheOption() {
        assertRefused("is not LENGTH@START", () -> Outage.of("30s", 1234L, null, null, RUN, true));
        assertRefused("is not LENGTH@START", () -> Outage.of("30s@", 1234L, null, null, RUN, true));
        assertRefused("'soon' is not a duration", () -> Outage.of("30s@soon", 1234L, null, null, RUN, true));
        assertRefused("length must be positive", () -> Outage.of("0s@10s", 1234L, null, null, RUN, true));
        assertRefused("starts at or after the run's end", () -> Outage.of("10s@90s", 1234L, null, null, RUN, true));
        assertRefused("has no feed to cut", () -> Outage.of("10s@10s", 1234L, null, null, RUN, false));
        assertRefused("needs a way to cut the feed", () -> Outage.of("10s@10s", null, null, null, RUN, true));
        assertRefused(
                "give one", () -> Outage.of("10s@10s", 1234L, "docker pause kafka", "docker unpause kafka", RUN, true));
        assertRefused(
                "needs --outage-end-command", () -> Outage.of("10s@10s", null, "docker pause kafka", null, RUN, true));
        assertRefused("need --outage LENGTH@START", () -> Outage.of(null, 1234L, null, null, RUN, true));
        assertRefused("is not a process to pause", () -> Outage.of("10s@10s", 1L, null, null, RUN, true));
    }

    @Test
    void theRunCommandTakesEitherATargetOrARegistryWithLaneEngines() {
        RunCommand both = parse(
                "--target",
                "http://127.0.0.1:8080",
                "--admin-token",
                "a",
                "--registry",
                "http://127.0.0.1:8081",
                "--registry-admin-token",
                "r",
                "--lane-engine",
                "LMC=http://127.0.0.1:8082,l");
        assertRefused("leave them out", both::topology);
        assertRefused("say which engine to drive", parse()::topology);
        assertRefused("--target needs --admin-token", parse("--target", "http://127.0.0.1:8080")::topology);
        assertNull(
                parse("--target", "http://127.0.0.1:8080", "--admin-token", "a").topology());
        RunCommand roles = parse(
                "--registry",
                "http://127.0.0.1:8081",
                "--registry-admin-token",
                "r",
                "--lane-engine",
                "LMC=http://127.0.0.1:8082,l",
                "--lane-engine",
                "SBC=http://127.0.0.1:8083,s",
                "--outage",
                "5s@10s",
                "--outage-pid",
                "4242");
        assertEquals(List.of("LMC", "SBC"), roles.topology().controlPoints());
        assertEquals("5s@10s", roles.outages.outage);
        assertEquals(4242L, roles.outages.outagePid);
    }

    @Test
    void theRunsHelpNamesTheTopologyAndOutageOptions() {
        String help = LaneSimulator.fullHelp(new CommandLine(new LaneSimulator()));
        for (String option : List.of(
                "--registry",
                "--registry-admin-token",
                "--lane-engine",
                "--outage",
                "--outage-pid",
                "--outage-command",
                "--outage-end-command")) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
    }

    @Test
    void aCrossingIsCountedByItsSubjectNotByTheLogEntryThatRecordedABatch() {
        // One registry log entry recorded a batch of crossings: the filter finds all, each names its bundle.
        String page =
                "{\"entries\":[{\"action\":\"CROSSED\",\"subject\":\"B1\"},{\"action\":\"CROSSED\",\"subject\":\"B2\"},"
                        + "{\"action\":\"SUSPECTED_CLONE\",\"subject\":\"B2\"},{\"action\":\"BUNDLED\",\"subject\":\"B1\"}],\"next\":null}";
        assertEquals(1, CrossingCheck.count(page, "CROSSED", "B1"));
        assertEquals(0, CrossingCheck.count(page, "SUSPECTED_CLONE", "B1"));
        assertEquals(1, CrossingCheck.count(page, "SUSPECTED_CLONE", "B2"));
        assertEquals(0, CrossingCheck.count("{\"entries\":[]}", "CROSSED", "B1"));
    }

    private static RunCommand parse(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args);
        return run;
    }

    private static void assertRefused(String said, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(said), "'" + said + "' in: " + e.getMessage());
    }
}
