package hk.seamless.lanesim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Reads posted over HTTP (POST /lane/v1/lanes/{lane}/plate-reads, tag-reads, empty-declarations),
 * asynchronously: the answer (202 accepted, or 200 with the decision) is not waited for but told
 * to the {@link ReadSender.DeviceListener}; a refusal is reported. Decisions are timed on the gate
 * socket, as for streams. At a lane that must see its plates in order (a plate-only lane, where
 * each plate may close the arrival before it), plate reads are posted one after another, each once
 * the one before was answered; elsewhere a plate never waits (the completing read's answer may
 * come only after the decision is durable, and the next vehicle's plate must not wait for that).
 */
final class HttpReadSender implements ReadSender {

    private final HttpClient http;
    private final LaneBases bases;
    private final List<LaneInfo> lanes;
    private final DeviceTokens tokens;
    private final Consumer<String> onProblem;
    private final ReadSender.DeviceListener listener;
    /** Per lane, the camera's last post: the next one goes once it is answered. */
    private final CompletableFuture<?>[] cameraTail;

    private final IntPredicate inOrder;

    HttpReadSender(
            HttpClient http,
            URI base,
            List<LaneInfo> lanes,
            DeviceTokens tokens,
            Consumer<String> onProblem,
            ReadSender.DeviceListener listener) {
        this(http, base, lanes, tokens, onProblem, listener, lane -> false);
    }

    /** @param inOrder the lanes whose plate reads must reach the engine in the order sent */
    HttpReadSender(
            HttpClient http,
            URI base,
            List<LaneInfo> lanes,
            DeviceTokens tokens,
            Consumer<String> onProblem,
            ReadSender.DeviceListener listener,
            IntPredicate inOrder) {
        this(http, LaneBases.single(base), lanes, tokens, onProblem, listener, inOrder);
    }

    /** @param bases the engine serving each lane */
    HttpReadSender(
            HttpClient http,
            LaneBases bases,
            List<LaneInfo> lanes,
            DeviceTokens tokens,
            Consumer<String> onProblem,
            ReadSender.DeviceListener listener,
            IntPredicate inOrder) {
        this.inOrder = inOrder;
        this.http = http;
        this.bases = bases;
        this.lanes = lanes;
        this.tokens = tokens;
        this.onProblem = onProblem;
        this.listener = listener;
        this.cameraTail = new CompletableFuture<?>[lanes.size()];
        java.util.Arrays.fill(cameraTail, CompletableFuture.completedFuture(null));
    }

    @Override
    public boolean stream() {
        return false;
    }

    @Override
    public CompletableFuture<EngineClient.Answer> plate(int lane, String json) {
        if (!inOrder.test(lane)) {
            return post(lane, "plate-reads", "CAMERA", json);
        }
        synchronized (cameraTail) {
            CompletableFuture<EngineClient.Answer> answer = cameraTail[lane]
                    .handle((r, e) -> null)
                    .thenCompose(ignored -> post(lane, "plate-reads", "CAMERA", json));
            cameraTail[lane] = answer;
            return answer;
        }
    }

    @Override
    public void tag(int lane, String json) {
        post(lane, "tag-reads", "RFID", json);
    }

    @Override
    public void empty(int lane, String json, Runnable then) {
        post(lane, "empty-declarations", "BUTTON", json).whenComplete((r, e) -> then.run());
    }

    private CompletableFuture<EngineClient.Answer> post(int lane, String what, String kind, String json) {
        String laneId = lanes.get(lane).id();
        HttpRequest request = HttpRequest.newBuilder(
                        EngineTarget.resolve(bases.of(lanes.get(lane)), "/lane/v1/lanes/" + laneId + "/" + what))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(laneId, kind))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        onProblem.accept(laneId + " " + what + ": no answer: " + error);
                    } else if (response.statusCode() != 200 && response.statusCode() != 202) {
                        onProblem.accept(
                                laneId + " " + what + ": " + response.statusCode() + " " + Excerpt.of(response.body()));
                    } else if (!"empty-declarations".equals(what)) {
                        listener.heard(lane, response.statusCode(), response.body());
                    }
                })
                .thenApply(response -> new EngineClient.Answer(response.statusCode(), response.body()));
    }

    @Override
    public void close() {
        // the shared client closes with the JVM
    }
}
