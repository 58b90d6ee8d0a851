package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the engine does not phone home. Chronicle's analytics send over {@code HttpURLConnection},
 * which honours the standard proxy properties; pointing them at a trap on loopback turns any
 * attempt to reach the internet into a connection the trap records (and never forwards).
 *
 * <p>Chronicle mutes itself when it finds JUnit on the class path, so both programs here run in
 * their own JVM with JUnit left off it. The control run, Chronicle without the switch, shows that
 * the trap does see a report when one is made.
 */
class NoCallOutTest {

    @TempDir
    Path dir;

    private ServerSocket trap;
    private final List<String> trapped = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setTrap() throws IOException {
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(
                () -> {
                    while (!trap.isClosed()) {
                        try (Socket s = trap.accept()) {
                            s.setSoTimeout(2_000);
                            BufferedReader in = new BufferedReader(
                                    new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                            trapped.add(String.valueOf(in.readLine()));
                        } catch (IOException ignored) {
                            // closed, or the caller gave up: either way the connection was recorded or never made
                        }
                    }
                },
                "phone-home-trap");
        accept.setDaemon(true);
        accept.start();
    }

    @AfterEach
    void closeTrap() throws IOException {
        trap.close();
    }

    @Test
    void chronicleWithoutTheSwitchIsCaughtByTheTrap() throws Exception {
        Process control = java(
                        ChronicleWithoutTheSwitch.class.getName(),
                        dir.resolve("control.cm3").toString(),
                        "6000")
                .start();
        assertEquals(0, waitFor(control), "the control program failed");
        assertFalse(
                trapped.isEmpty(),
                "the trap saw no report from Chronicle without the switch: "
                        + "it cannot tell a quiet engine from a blind trap");
    }

    @Test
    void theEngineCallsNowhere() throws Exception {
        Path data = dir.resolve("data");
        ProcessBuilder builder = java(Main.class.getName());
        builder.environment().put("SEAMLESS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("SEAMLESS_HTTP_PORT", "0");
        builder.environment().put("SEAMLESS_DATA_DIR", data.toString());
        builder.environment().put("SEAMLESS_DAILY_CONSIGNMENTS", "100");
        Process engine = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(data.resolve("http.port")) && engine.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(true, Files.exists(data.resolve("http.port")), "the engine did not start");
            // The control shows Chronicle reports within seconds of opening a map: wait as long.
            Thread.sleep(6_000);
        } finally {
            engine.destroy();
            engine.waitFor(60, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), trapped, "the engine tried to reach the internet");
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(EngineProcess.chronicleFlags());
        for (String scheme : List.of("http", "https")) {
            command.add("-D" + scheme + ".proxyHost=127.0.0.1");
            command.add("-D" + scheme + ".proxyPort=" + trap.getLocalPort());
        }
        command.add("-Duser.home=" + dir);
        command.add("-cp");
        command.add(classPathWithoutJUnit());
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve(mainClass + ".log").toFile()));
    }

    private static String classPathWithoutJUnit() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.contains("junit")
                        && !e.contains("opentest4j")
                        && !e.contains("apiguardian")
                        && !e.contains("surefire"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static int waitFor(Process p) throws InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
