package hk.seamless.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine as a separate operating-system process on a random port, so that a test can kill it
 * with SIGKILL the way a crash or an OOM killer would.
 */
final class EngineProcess {

    /** The flags Chronicle needs, as Surefire gave them to this JVM (from the parent pom). */
    static List<String> chronicleFlags() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports"))
                .toList();
    }

    private final Process process;
    private final int port;

    private EngineProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static EngineProcess start(Path dataDir, Path log) throws IOException, InterruptedException {
        return start(dataDir, log, java.util.Map.of());
    }

    /** With more {@code SEAMLESS_*} environment variables (say, the log format). */
    static EngineProcess start(Path dataDir, Path log, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        return start(dataDir, log, env, null);
    }

    /** Started in {@code workingDirectory} (null: this JVM's), as an operator starts it from a folder of theirs. */
    static EngineProcess start(Path dataDir, Path log, java.util.Map<String, String> env, Path workingDirectory)
            throws IOException, InterruptedException {
        Path portFile = dataDir.resolve("http.port");
        Files.deleteIfExists(portFile);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(chronicleFlags());
        command.add("-cp");
        command.add(classPathWithoutWorkingDirectory());
        command.add(Main.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory == null ? null : workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SEAMLESS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("SEAMLESS_HTTP_PORT", "0");
        builder.environment().put("SEAMLESS_DATA_DIR", dataDir.toString());
        builder.environment().put("SEAMLESS_DAILY_CONSIGNMENTS", "100");
        builder.environment().putAll(env);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(portFile)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the engine exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the engine did not start; see " + log);
            }
            Thread.sleep(50);
        }
        return new EngineProcess(
                process, Integer.parseInt(Files.readString(portFile).strip()));
    }

    /**
     * This JVM's class path less its empty entries: surefire's ends with a separator, and an empty
     * entry means the working directory, which {@code java -jar} never puts on the class path.
     */
    private static String classPathWithoutWorkingDirectory() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && !entry.equals("."))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    int port() {
        return port;
    }

    /** SIGKILL on Unix: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook closes the engine cleanly. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static String read(File log) throws IOException {
        return Files.readString(log.toPath());
    }
}
