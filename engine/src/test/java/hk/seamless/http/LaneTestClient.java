package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The lane side as a test drives it: device registration, plate and tag reads and EMPTY presses
 * over HTTP (through {@link TradeApiClient}, so any 5xx fails the test), and WebSocket clients for
 * the gate, the lane stream and the officers' console feed, with the JDK's own WebSocket.
 */
public final class LaneTestClient {

    private final TradeApiClient api;
    private final URI wsBase;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public LaneTestClient(int port, TradeApiClient api) {
        this.api = api;
        this.wsBase = URI.create("ws://127.0.0.1:" + port);
    }

    // ---- devices ----

    /** Registers a device as the admin and returns its token. */
    public String registerDevice(String lane, String kind) {
        JsonObject issued = api.post(
                        "/api/v1/admin/devices",
                        api.adminToken(),
                        new JsonObject().put("lane", lane).put("kind", kind))
                .expect(201)
                .json();
        String token = issued.getString("token");
        assertNotNull(token, "a device registration must give a token");
        return token;
    }

    // ---- reads over HTTP ----

    /** An OpenALPR alpr_results document with one result; candidates are plate, confidence, plate, confidence... */
    public static JsonObject alpr(String plate, double confidence, Object... candidates) {
        JsonObject result = new JsonObject().put("plate", plate).put("confidence", confidence);
        if (candidates.length > 0) {
            JsonArray list = new JsonArray();
            for (int i = 0; i + 1 < candidates.length; i += 2) {
                list.add(new JsonObject().put("plate", candidates[i]).put("confidence", candidates[i + 1]));
            }
            result.put("candidates", list);
        }
        return new JsonObject()
                .put("version", 2)
                .put("data_type", "alpr_results")
                .put("epoch_time", System.currentTimeMillis())
                .put("img_width", 1280)
                .put("img_height", 720)
                .put("results", new JsonArray().add(result));
    }

    public ApiResponse plateRead(String lane, String token, String plate, double confidence, Object... candidates) {
        return plateDocument(lane, token, alpr(plate, confidence, candidates));
    }

    public ApiResponse plateDocument(String lane, String token, JsonObject document) {
        return api.post(plateReads(lane), token, document);
    }

    public ApiResponse plateRaw(String lane, String token, String body) {
        return api.postRaw(plateReads(lane), token, "application/json", body);
    }

    public static String plateReads(String lane) {
        return "/lane/v1/lanes/" + lane + "/plate-reads";
    }

    public static JsonObject tag(String epc) {
        return new JsonObject()
                .put("epc", epc)
                .put("antenna", 1)
                .put("rssi", -52)
                .put("seenAt", "2026-11-17T10:00:00+08:00");
    }

    public ApiResponse tagRead(String lane, String token, String epc) {
        return api.post("/lane/v1/lanes/" + lane + "/tag-reads", token, tag(epc));
    }

    public ApiResponse emptyPress(String lane, String token) {
        return api.post(
                "/lane/v1/lanes/" + lane + "/empty-declarations",
                token,
                new JsonObject().put("pressedAt", "2026-11-17T10:00:00+08:00"));
    }

    // ---- sockets ----

    public Socket gate(String lane, String deviceToken) {
        return connect("/lane/v1/lanes/" + lane + "/gate", deviceToken);
    }

    public Socket stream(String lane, String deviceToken) {
        return connect("/lane/v1/lanes/" + lane + "/stream", deviceToken);
    }

    public Socket console(String bearer) {
        return connect("/console/v1/feed", bearer);
    }

    /** The console feed as the engine's own console page opens it: with the session cookie, from this site. */
    public Socket consoleBySession(String cookie) {
        return connect("/console/v1/feed", null, "Cookie", cookie, "Origin", "http://" + wsBase.getAuthority());
    }

    public Socket connect(String path, String bearer, String... headers) {
        try {
            return connectAsync(path, bearer, headers).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("WebSocket " + path + " refused: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("WebSocket " + path + " did not open", e);
        }
    }

    /** The handshake as a future, for tests that expect it to be refused. */
    public CompletableFuture<Socket> connectAsync(String path, String bearer, String... headers) {
        Socket socket = new Socket(path);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.buildAsync(wsBase.resolve(path), socket).thenApply(ws -> {
            socket.ws = ws;
            return socket;
        });
    }

    /** A connected socket collecting the JSON text frames it receives. */
    public static final class Socket implements WebSocket.Listener, AutoCloseable {

        private final String label;
        private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        private final List<JsonObject> seen = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket ws;
        private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();

        Socket(String label) {
            this.label = label;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    frames.add(new JsonObject(text));
                } catch (RuntimeException e) {
                    frames.add(new JsonObject().put("kind", "unparseable").put("text", text));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith.complete(statusCode);
            return null;
        }

        /** Waits (up to {@code timeout}) for the engine to close the socket; returns its close code. */
        public int awaitClosed(Duration timeout) {
            try {
                return closedWith.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError(label + ": the engine did not close the socket within " + timeout, e);
            }
        }

        /** Waits (up to {@code timeout}) for a frame matching; frames passed over stay in {@link #seen()}. */
        public JsonObject await(Predicate<JsonObject> wanted, Duration timeout, String what) {
            synchronized (seen) {
                for (JsonObject f : seen) {
                    if (wanted.test(f)) {
                        seen.remove(f);
                        return f;
                    }
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject frame;
                try {
                    frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting on " + label, e);
                }
                if (frame == null) {
                    fail(label + ": no frame " + what + " within " + timeout + "; frames seen: " + seen());
                }
                if (wanted.test(frame)) {
                    return frame;
                }
                synchronized (seen) {
                    seen.add(frame);
                }
            }
        }

        public JsonObject awaitDecision(String arrivalId) {
            return await(
                    f -> "decision".equals(f.getString("kind")) && arrivalId.equals(f.getString("arrivalId")),
                    Duration.ofSeconds(5),
                    "deciding arrival " + arrivalId);
        }

        /** The next decision of any arrival whose vehicle mark is {@code mark}. */
        public JsonObject awaitDecisionFor(String mark) {
            return await(
                    f -> "decision".equals(f.getString("kind")) && mark.equals(f.getString("vehicleMark")),
                    Duration.ofSeconds(5),
                    "deciding vehicle " + mark);
        }

        /**
         * Asserts that no frame matching arrives within {@code window}: the one place a bounded wait
         * is the assertion (an absence), never a measure of speed.
         */
        public void assertNone(Predicate<JsonObject> unwanted, Duration window, String what) {
            long deadline = System.nanoTime() + window.toNanos();
            synchronized (seen) {
                for (JsonObject f : seen) {
                    if (unwanted.test(f)) {
                        fail(label + ": unexpected " + what + ": " + f.encode());
                    }
                }
            }
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                JsonObject frame;
                try {
                    frame = frames.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (frame == null) {
                    return;
                }
                if (unwanted.test(frame)) {
                    fail(label + ": unexpected " + what + ": " + frame.encode());
                }
                synchronized (seen) {
                    seen.add(frame);
                }
            }
        }

        public void assertNoDecision(Duration window) {
            assertNone(f -> "decision".equals(f.getString("kind")), window, "decision");
        }

        /** Everything received and passed over so far (a copy). */
        public List<JsonObject> seen() {
            synchronized (seen) {
                List<JsonObject> all = new ArrayList<>(seen);
                all.addAll(frames);
                return all;
            }
        }

        public void send(JsonObject message) {
            send(message.encode());
        }

        public void send(String text) {
            try {
                ws.sendText(text, true).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(label + ": could not send " + text, e);
            }
        }

        @Override
        public void close() {
            WebSocket socket = ws;
            if (socket != null && !socket.isOutputClosed()) {
                try {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    socket.abort();
                }
            }
        }
    }
}
