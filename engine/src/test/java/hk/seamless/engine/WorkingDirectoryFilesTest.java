package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine serves its own pages, contract and batch formats from its jar, whatever lies in the
 * folder it was started from: an operator's batch folder or a draft openapi.yaml there is neither
 * served to callers nor taken as the contract that checks their requests.
 */
class WorkingDirectoryFilesTest {

    private static final String DECOY = "an operator's own file, not the engine's";

    @TempDir
    Path dir;

    @Test
    void filesInTheWorkingDirectoryAreNeverServedInPlaceOfTheJars() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("operator"));
        Files.writeString(cwd.resolve("openapi.yaml"), DECOY);
        Files.createDirectories(cwd.resolve("batch"));
        Files.writeString(cwd.resolve("batch/consignments-template.csv"), DECOY);
        Files.writeString(cwd.resolve("batch/shipper-list.csv"), DECOY);
        Files.createDirectories(cwd.resolve("webroot/portal"));
        Files.writeString(cwd.resolve("webroot/portal/index.html"), DECOY);
        Files.createDirectories(cwd.resolve("apidocs"));
        Files.writeString(cwd.resolve("apidocs/index.html"), DECOY);

        EngineProcess engine = EngineProcess.start(
                Files.createDirectories(dir.resolve("data")), dir.resolve("engine.log"), Map.of(), cwd);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + engine.port();

            HttpResponse<String> contract = get(http, base + "/openapi.yaml");
            assertEquals(200, contract.statusCode());
            assertTrue(contract.body().startsWith("openapi: 3"), "the jar's contract");
            assertTrue(get(http, base + "/portal/batch/consignments-template.csv")
                    .body()
                    .contains("direction,expectedDate"));
            HttpResponse<String> private_ = get(http, base + "/portal/batch/shipper-list.csv");
            assertFalse(private_.body().contains(DECOY), private_.body());
            assertEquals(404, private_.statusCode(), private_.body());
            for (String page : new String[] {"/portal/", "/docs/"}) {
                HttpResponse<String> answer = get(http, base + page);
                assertEquals(200, answer.statusCode(), page);
                assertFalse(answer.body().contains(DECOY), page);
            }
            // The contract that checks requests is the jar's too: a registration is taken.
            HttpResponse<String> registered = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/registrations"))
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            "{\"role\":\"SHIPPER\",\"name\":\"Kwong Fat Trading\",\"email\":\"kf@example.hk\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, registered.statusCode(), registered.body());
        } finally {
            engine.stop();
        }
    }

    @Test
    void aPageUnchangedSinceTheBrowserLastFetchedItIsNotSentAgain() throws Exception {
        EngineProcess engine =
                EngineProcess.start(Files.createDirectories(dir.resolve("data")), dir.resolve("engine.log"), Map.of());
        try {
            HttpClient http = HttpClient.newHttpClient();
            String page = "http://127.0.0.1:" + engine.port() + "/console/";
            HttpResponse<String> first = get(http, page);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = http.send(
                    HttpRequest.newBuilder(URI.create(page))
                            .header("If-None-Match", etag)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode());
            assertTrue(again.body().isEmpty());
        } finally {
            engine.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
