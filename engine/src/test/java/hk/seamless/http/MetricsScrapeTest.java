package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on a real server: the scrape, which walks every meter (thousands with
 * thousands of lanes), runs on a worker thread, never on the event loop that serves lanes.
 */
class MetricsScrapeTest {

    private Vertx vertx;
    private HttpServer server;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Where the scrape read the gauge: the thread's name and whether it was an event loop. */
    private final AtomicReference<String> readOn = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        Gauge.builder("seamless_test_reads", () -> {
                    readOn.set(
                            Thread.currentThread().getName() + (Context.isOnEventLoopThread() ? " (event loop)" : ""));
                    return 7;
                })
                .register(metrics);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        // Only the metrics route is asked for here: the other parts are not touched by it.
        new SystemRoutes(null, null, null, metrics, cp -> 0, null, () -> null, io.vertx.core.json.JsonObject::new)
                .mount(router);
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void theScrapeIsWrittenOffTheEventLoop() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertTrue(answer.body().contains("seamless_test_reads 7.0"), answer.body());
        assertFalse(readOn.get().contains("event loop"), "read on " + readOn.get());
        assertTrue(readOn.get().contains("worker"), "read on " + readOn.get());
    }
}
