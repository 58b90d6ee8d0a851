package hk.seamless.http;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends a running engine seeded, mutated requests on every route, each over its own connection,
 * and counts what came back: every request must get an answer, and none a 5xx. {@link FuzzApiTest}
 * runs a few thousand in the build; {@code benchmarks/run-fuzz.sh} runs it for minutes against a
 * started engine through {@link #main(String[])}.
 */
public final class ApiFuzzer {

    static final String PASSWORD = "correct horse battery";

    private final int port;
    private final FuzzRequests.Known known;
    private final List<FuzzRequests.Caller> callers;

    /** What a run saw: statuses by count, and every request that got a 5xx or no answer at all. */
    public record Result(
            long requests, Map<Integer, Long> statuses, List<String> serverErrors, List<String> unanswered) {

        public String histogram() {
            StringBuilder out = new StringBuilder();
            statuses.forEach((status, count) -> out.append(String.format("  %3d  %8d%n", status, count)));
            return out.toString();
        }
    }

    private ApiFuzzer(int port, FuzzRequests.Known known, List<FuzzRequests.Caller> callers) {
        this.port = port;
        this.known = known;
        this.callers = callers;
    }

    /** Makes accounts of every role (bearer and cookie callers), devices for one lane, a consignment and a vehicle. */
    public static ApiFuzzer setUp(int port, String adminToken) {
        TradeApiClient api = new TradeApiClient(port, adminToken);
        LaneTestClient lanes = new LaneTestClient(port, api);
        String lane = "SBC-S-01";
        List<FuzzRequests.Caller> callers = new ArrayList<>();
        callers.add(new FuzzRequests.Caller("anonymous", ""));
        callers.add(new FuzzRequests.Caller("bad token", "Authorization: Bearer not-a-token\r\n"));
        callers.add(new FuzzRequests.Caller("admin", bearer(adminToken)));
        String ccrn = null;
        String mark = null;
        String someAccount = null;
        for (String role : List.of("SHIPPER", "AGENT", "TRUCKER", "OFFICER", "SUPERVISOR")) {
            TradeApiClient.Account account = api.newAccount(role, PASSWORD);
            someAccount = account.id();
            callers.add(new FuzzRequests.Caller(role, bearer(account.token())));
            String cookie = api.post(
                            "/api/v1/sessions",
                            null,
                            new JsonObject().put("email", account.email()).put("password", PASSWORD))
                    .expect(200)
                    .header("Set-Cookie")
                    .split(";", 2)[0];
            String origin = "Origin: http://127.0.0.1:" + port + "\r\n";
            callers.add(new FuzzRequests.Caller(role + " cookie", "Cookie: " + cookie + "\r\n" + origin));
            callers.add(new FuzzRequests.Caller(role + " cookie, no origin", "Cookie: " + cookie + "\r\n"));
            if (role.equals("SHIPPER")) {
                // The engine's own today: a test engine runs on a clock of its own.
                LocalDate today = LocalDate.parse(api.get("/api/v1/settings", account.token())
                        .expect(200)
                        .json()
                        .getString("hongKongDate"));
                ccrn = api.lodgeCcrn(account.token(), "IMPORT", today.plusDays(2));
            } else if (role.equals("TRUCKER")) {
                mark = api.newVehicle(account.token());
            }
        }
        for (String kind : List.of("CAMERA", "RFID", "BUTTON", "GATE")) {
            callers.add(
                    new FuzzRequests.Caller(kind.toLowerCase() + " device", bearer(lanes.registerDevice(lane, kind))));
        }
        // A pending registration, for approvals and rejections to find.
        api.register("AGENT", TradeApiClient.uniqueEmail("fuzz-pending"), null).expect(202);
        return new ApiFuzzer(port, new FuzzRequests.Known(ccrn, mark, lane, someAccount, "ARR-FUZZ-1"), callers);
    }

    private static String bearer(String token) {
        return "Authorization: Bearer " + token + "\r\n";
    }

    /** Sends up to {@code requests} requests on {@code threads} connections at a time, stopping at {@code budget}. */
    public Result run(long seed, long requests, Duration budget, int threads) throws InterruptedException {
        Map<Integer, Long> statuses = Collections.synchronizedMap(new TreeMap<>());
        List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        long stopAt = System.nanoTime() + budget.toNanos();
        long[] sent = new long[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                FuzzRequests generator = new FuzzRequests(seed + thread, known, callers);
                for (int n = thread; n < requests && System.nanoTime() < stopAt; n += threads) {
                    String request = generator.request(n, port);
                    int status = send(request);
                    sent[thread]++;
                    statuses.merge(status, 1L, Long::sum);
                    if (status == -1) {
                        unanswered.add(describe(request));
                    } else if (status >= 500) {
                        serverErrors.add(status + " for " + describe(request));
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(budget.toSeconds() + 120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        long total = 0;
        for (long s : sent) {
            total += s;
        }
        return new Result(total, new TreeMap<>(statuses), List.copyOf(serverErrors), List.copyOf(unanswered));
    }

    /**
     * The status of the answer; -1 when the engine closed or went quiet without one; -2 when it
     * reset the connection while a large body was unread (it answered before reading it all, and
     * closing with bytes unread sent a reset that took the answer with it, RFC 9112 section 9.6).
     */
    private int send(String request) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        int headEnd = request.indexOf("\r\n\r\n") + 4;
        Socket socket;
        try {
            socket = new Socket("127.0.0.1", port);
        } catch (IOException e) {
            // Not sent at all: the client's own ports or the listen backlog ran out, not the engine's answer.
            return -3;
        }
        try (socket) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            boolean sentWhole = true;
            try {
                out.write(bytes, 0, headEnd);
                out.flush();
                if (bytes.length - headEnd > 8192) {
                    // As a browser or curl does with a large body: a moment for an early answer (401,
                    // 413, 415) first, and no body sent after one.
                    socket.setSoTimeout(100);
                    try {
                        int first = in.read();
                        if (first >= 0) {
                            head.write(first);
                        }
                    } catch (SocketTimeoutException noEarlyAnswer) {
                        // send the body
                    }
                }
                if (head.size() == 0) {
                    out.write(bytes, headEnd, bytes.length - headEnd);
                    out.flush();
                } else {
                    sentWhole = false;
                }
            } catch (IOException e) {
                sentWhole = false;
            }
            socket.setSoTimeout(30_000);
            try {
                int b;
                while (head.size() < 12 && (b = in.read()) >= 0) {
                    head.write(b);
                }
                String line = head.toString(StandardCharsets.ISO_8859_1);
                // HTTP/1.0: Vert.x's own answer to a request it could not parse (414 for a too long request line).
                return (line.startsWith("HTTP/1.1 ") || line.startsWith("HTTP/1.0 ")) && line.length() >= 12
                        ? Integer.parseInt(line.substring(9, 12))
                        : -1;
            } catch (SocketTimeoutException e) {
                return -1;
            } catch (IOException e) {
                // A reset (not a close) comes from closing with request bytes unread: after an answer
                // sent before a large body was read. A small body is always read, so a reset there counts as no answer.
                return sentWhole && bytes.length - headEnd <= 8192 ? -1 : -2;
            }
        } catch (IOException e) {
            return -1;
        }
    }

    static String describe(String request) {
        String shown = request.replaceAll("(.)\\1{19,}", "$1$1$1...");
        shown = shown.length() > 900 ? shown.substring(0, 900) + "..." : shown;
        return shown.replace("\r\n", " | ");
    }

    /**
     * {@code ApiFuzzer <port> <admin-token-file> <seconds> [threads] [seed]}: fuzzes a started engine
     * and prints the statuses seen; exits 1 if any request got a 5xx or no answer.
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String adminToken = Files.readString(Path.of(args[1])).trim();
        Duration budget = Duration.ofSeconds(Long.parseLong(args[2]));
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : System.currentTimeMillis();
        ApiFuzzer fuzzer = setUp(port, adminToken);
        long started = System.nanoTime();
        Result result = fuzzer.run(seed, Long.MAX_VALUE, budget, threads);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "seed %d: %d requests in %.0f s (%.0f/s) over %d connections at a time%n",
                seed, result.requests(), seconds, result.requests() / seconds, threads);
        System.out.println(
                "statuses (-1: no answer; -2: reset after an early answer to a large body; -3: could not connect):");
        System.out.print(result.histogram());
        System.out.printf(
                "5xx: %d, unanswered: %d%n",
                result.serverErrors().size(), result.unanswered().size());
        result.serverErrors().stream().limit(20).forEach(e -> System.out.println("5xx: " + e));
        result.unanswered().stream().limit(20).forEach(e -> System.out.println("unanswered: " + e));
        System.exit(result.serverErrors().isEmpty() && result.unanswered().isEmpty() ? 0 : 1);
    }
}
