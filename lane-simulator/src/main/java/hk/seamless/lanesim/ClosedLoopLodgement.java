package hk.seamless.lanesim;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Lodges a list of consignment bodies with a fixed number of requests in flight: each of
 * {@code concurrency} slots sends its next lodgement as soon as the previous one is answered.
 *
 * <p>The requests go out through one Vert.x event loop over {@code concurrency} kept-alive
 * HTTP/1.1 connections (a slot keeps to a free one): a thread per slot and the JDK client's own
 * executor cost the machine more CPU than the engine spent answering, and on a machine shared with
 * the engine that capped the figure below what the engine could take.
 *
 * <p>A closed loop measures throughput honestly but under-reports latency under overload
 * (a slow answer also delays the next request: coordinated omission), so its percentiles are the
 * latency seen at saturation, not at a given offered rate.
 */
final class ClosedLoopLodgement {

    static final String PATH = "/api/v1/consignments";
    static final int PROBLEMS_KEPT = 5;
    private static final int PROBLEM_TEXT_MAX = 600;

    private final URI base;
    private final String shipperToken;
    private final int concurrency;

    ClosedLoopLodgement(EngineClient engine, String shipperToken, int concurrency) {
        this.base = engine.base();
        this.shipperToken = shipperToken;
        this.concurrency = concurrency;
    }

    /** What one phase (warm-up or measured) gave. Latencies are in nanoseconds. */
    record Outcome(long requests, long errors, List<String> problems, long elapsedNanos, Histogram latencyNanos) {

        double throughputPerSecond() {
            return elapsedNanos == 0 ? 0 : requests * 1e9 / elapsedNanos;
        }
    }

    Outcome run(List<String> bodies) throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            HttpClientAgent http = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setKeepAlive(true)
                            .setDefaultHost(base.getHost())
                            .setDefaultPort(port(base))
                            .setSsl("https".equals(base.getScheme()))
                            .setConnectTimeout(5_000),
                    new PoolOptions().setHttp1MaxSize(concurrency));
            Phase phase = new Phase(http, bodies);
            Promise<Long> done = Promise.promise();
            vertx.runOnContext(v -> phase.start(done));
            Long elapsed = done.future()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(bodies.size() * EngineClient.REQUEST_TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS);
            return new Outcome(bodies.size(), phase.errors, List.copyOf(phase.problems), elapsed, phase.latency);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the lodgement load did not finish: " + e, e);
        } finally {
            vertx.close();
        }
    }

    private static int port(URI base) {
        return base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
    }

    /** One run over the bodies; every field is touched on the client's single event loop only. */
    private final class Phase {
        private final HttpClientAgent http;
        private final List<Buffer> bodies;
        private final MultiMap headers;
        /** Auto-resizing, 3 significant digits: 0.1% precision at any latency. */
        final Histogram latency = new Histogram(3);

        final List<String> problems = new ArrayList<>();
        long errors;
        private int next;
        private int answered;
        private long start;
        private Promise<Long> done;

        Phase(HttpClientAgent http, List<String> bodies) {
            this.http = http;
            // Encoded before the clock starts, so that the generator's own work is not in the figures.
            this.bodies = bodies.stream().map(Buffer::buffer).toList();
            this.headers = MultiMap.caseInsensitiveMultiMap()
                    .add(HttpHeaders.CONTENT_TYPE, "application/json")
                    .add(HttpHeaders.ACCEPT, "application/json")
                    .add(HttpHeaders.AUTHORIZATION, "Bearer " + shipperToken);
        }

        void start(Promise<Long> done) {
            this.done = done;
            this.start = System.nanoTime();
            if (bodies.isEmpty()) {
                done.complete(0L);
                return;
            }
            for (int slot = 0; slot < concurrency && next < bodies.size(); slot++) {
                sendNext();
            }
        }

        private void sendNext() {
            Buffer body = bodies.get(next++);
            long sent = System.nanoTime();
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setURI(PATH)
                    .setHeaders(headers)
                    .setTimeout(EngineClient.REQUEST_TIMEOUT.toMillis());
            http.request(request)
                    .compose(req -> req.send(body))
                    .compose(response -> response.body().map(answer -> problem(response.statusCode(), answer)))
                    .recover(failure -> Future.succeededFuture("no answer: " + failure))
                    .onComplete(problem -> answered(sent, problem.result()));
        }

        /** Null for the 201 every lodgement should get, else what came instead. */
        private String problem(int status, Buffer answer) {
            return status == 201 ? null : status + " " + answer;
        }

        private void answered(long sent, String problem) {
            // Failed requests are timed too: a slow refusal is still time a trader waited.
            latency.recordValue(System.nanoTime() - sent);
            if (problem != null) {
                errors++;
                if (problems.size() < PROBLEMS_KEPT) {
                    problems.add(
                            problem.length() > PROBLEM_TEXT_MAX
                                    ? problem.substring(0, PROBLEM_TEXT_MAX) + "..."
                                    : problem);
                }
            }
            answered++;
            if (next < bodies.size()) {
                sendNext();
            } else if (answered == bodies.size()) {
                done.complete(System.nanoTime() - start);
            }
        }
    }
}
