package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trade API as a test calls it: real HTTP on loopback with the JDK client. Every answer is
 * checked not to be a 5xx (a 5xx is a defect, whatever the test is about).
 */
public final class TradeApiClient {

    /** Letters a Hong Kong mark may use: no I, O or Q. */
    private static final String MARK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private static final AtomicLong SEQUENCE =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000));

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String adminToken;

    /** An approved account: its ids and its bearer token. */
    public record Account(String id, String role, String email, String password, String token) {}

    public TradeApiClient(int port, String adminToken) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.adminToken = adminToken;
    }

    public String adminToken() {
        return adminToken;
    }

    // ---- raw calls ----

    /**
     * Sends a request and asserts the answer is not a server error.
     *
     * @param headers name, value, name, value...
     */
    public ApiResponse send(
            String method, String path, String token, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        builder.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String label = method + " " + path;
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(label + ": no HTTP answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(label + ": interrupted", e);
        }
        ApiResponse answer = new ApiResponse(label, response.statusCode(), response.headers(), response.body());
        if (answer.status() >= 500) {
            fail("a 5xx is a defect: " + answer.describe());
        }
        return answer;
    }

    public ApiResponse get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public ApiResponse delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    public ApiResponse post(String path, String token, JsonObject body, String... headers) {
        return send("POST", path, token, "application/json", bytes(body.encode()), headers);
    }

    public ApiResponse postRaw(String path, String token, String contentType, String body, String... headers) {
        return send("POST", path, token, contentType, bytes(body), headers);
    }

    public ApiResponse put(String path, String token, JsonObject body, String... headers) {
        return send("PUT", path, token, "application/json", bytes(body.encode()), headers);
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- accounts ----

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-"
                + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.hk";
    }

    public ApiResponse register(String role, String email, String password) {
        JsonObject body = new JsonObject()
                .put("role", role)
                .put("name", role.charAt(0) + role.substring(1).toLowerCase() + " Test Ltd")
                .put("email", email);
        if (password != null) {
            body.put("password", password);
        }
        return post("/api/v1/registrations", null, body);
    }

    public ApiResponse approve(String registrationId) {
        return post("/api/v1/admin/registrations/" + registrationId + "/approve", adminToken, new JsonObject());
    }

    /** Registers, approves, and returns the new account with its token. */
    public Account newAccount(String role) {
        return newAccount(role, null);
    }

    public Account newAccount(String role, String password) {
        if (role.equals("OFFICER") || role.equals("SUPERVISOR")) {
            return newStaff(role, password != null ? password : "staff " + uniqueEmail("pw"));
        }
        String email = uniqueEmail(role.toLowerCase());
        JsonObject registration = register(role, email, password).expect(202).json();
        assertEquals("PENDING", registration.getString("status"));
        String id = registration.getString("registrationId");
        assertNotNull(id);
        JsonObject approval = approve(id).expect(200).json();
        String token = approval.getString("token");
        assertNotNull(token, "approval must carry the token");
        return new Account(approval.getString("accountId"), role, email, password, token);
    }

    /** A staff account, made by the admin (staff never come through the public registration). */
    public Account newStaff(String role, String password) {
        String email = uniqueEmail(role.toLowerCase());
        JsonObject created = createStaff(role, email, password).expect(201).json();
        assertEquals("ACTIVE", created.getString("status"));
        String token = created.getString("token");
        assertNotNull(token, "a new staff account's answer must carry its token");
        return new Account(created.getString("accountId"), role, email, password, token);
    }

    public ApiResponse createStaff(String role, String email, String password, String... headers) {
        return post(
                "/api/v1/admin/accounts",
                adminToken,
                new JsonObject()
                        .put("role", role)
                        .put("name", role.charAt(0) + role.substring(1).toLowerCase() + " Test Ltd")
                        .put("email", email)
                        .put("password", password),
                headers);
    }

    // ---- consignments ----

    public static JsonObject packaged(String direction, LocalDate expectedDate) {
        return new JsonObject()
                .put("direction", direction)
                .put("expectedDate", expectedDate.toString())
                .put(
                        "consignor",
                        new JsonObject()
                                .put("name", "Shenzhen Huaqiang Electronics Co")
                                .put("address", "1 Huaqiangbei Road, Futian, Shenzhen"))
                .put(
                        "consignee",
                        new JsonObject()
                                .put("name", "Kowloon Bay Trading Ltd")
                                .put("address", "18 Wang Chiu Road, Kowloon Bay"))
                .put(
                        "packaged",
                        new JsonObject()
                                .put("packageDescription", "CARTONS")
                                .put("packageCount", 120)
                                .put("articlesDescription", "Mobile phone accessories"));
    }

    public static JsonObject bulk(String direction, LocalDate expectedDate) {
        return new JsonObject()
                .put("direction", direction)
                .put("expectedDate", expectedDate.toString())
                .put(
                        "consignor",
                        new JsonObject()
                                .put("name", "Guangzhou Petrochemical Supply")
                                .put("address", "88 Huangpu East Road, Guangzhou"))
                .put(
                        "consignee",
                        new JsonObject()
                                .put("name", "Tsing Yi Fuel Depot Ltd")
                                .put("address", "3 Tsing Yi Road, Tsing Yi"))
                .put(
                        "bulk",
                        new JsonObject()
                                .put("grossWeightKg", 18000)
                                .put("quantity", "3 tanks")
                                .put("description", "Diesel fuel"));
    }

    public ApiResponse lodgeRaw(String token, JsonObject body) {
        return post("/api/v1/consignments", token, body);
    }

    /** Lodges and asserts 201; returns the answer body. */
    public JsonObject lodge(String token, JsonObject body) {
        return lodgeRaw(token, body).expect(201).json();
    }

    public String lodgeCcrn(String token, String direction, LocalDate expectedDate) {
        return lodge(token, packaged(direction, expectedDate)).getString("ccrn");
    }

    public JsonObject consignment(String token, String ccrn) {
        return get("/api/v1/consignments/" + ccrn, token).expect(200).json();
    }

    public List<String> myCcrns(String token) {
        JsonArray items = get("/api/v1/consignments", token).expect(200).json().getJsonArray("consignments");
        List<String> ccrns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ccrns.add(items.getJsonObject(i).getString("ccrn"));
        }
        return ccrns;
    }

    // ---- vehicles and bundles ----

    /** A fresh, valid ordinary mark (two letters, 1 to 4 digits, no I/O/Q, no leading zero). */
    public static String uniqueMark() {
        long n = SEQUENCE.incrementAndGet();
        int number = (int) (n % 9999) + 1;
        int pair = (int) ((n / 9999) % (MARK_LETTERS.length() * MARK_LETTERS.length()));
        return "" + MARK_LETTERS.charAt(pair / MARK_LETTERS.length())
                + MARK_LETTERS.charAt(pair % MARK_LETTERS.length()) + number;
    }

    /** A fresh 96-bit EPC in hexadecimal. */
    public static String uniqueTag() {
        return String.format(
                "E200%08X%012X",
                SEQUENCE.incrementAndGet(), ThreadLocalRandom.current().nextLong(1L << 48));
    }

    public ApiResponse registerVehicleRaw(String token, String mark, String tag) {
        JsonObject body = new JsonObject().put("registrationMark", mark);
        if (tag != null) {
            body.put("rfidTag", tag);
        }
        return post("/api/v1/vehicles", token, body);
    }

    public String newVehicle(String token) {
        String mark = uniqueMark();
        registerVehicleRaw(token, mark, uniqueTag()).expect(201);
        return mark;
    }

    public ApiResponse bundleRaw(String token, String mark, String direction, String... ccrns) {
        return post(
                "/api/v1/bundles",
                token,
                new JsonObject()
                        .put("vehicleMark", mark)
                        .put("direction", direction)
                        .put("ccrns", new JsonArray(List.of(ccrns))));
    }

    public JsonObject bundle(String token, String mark, String direction, String... ccrns) {
        JsonObject bundle = bundleRaw(token, mark, direction, ccrns).expect(201).json();
        assertEquals("ACTIVE", bundle.getString("status"));
        assertTrue(bundle.getString("bundleId") != null
                && !bundle.getString("bundleId").isEmpty());
        return bundle;
    }

    // ---- CCRN arithmetic, written here independently of the engine ----

    /** ISO 7064 MOD 11,10 check digit over the digits given. */
    public static int mod1110(String digits) {
        int p = 10;
        for (int i = 0; i < digits.length(); i++) {
            int s = (p + (digits.charAt(i) - '0')) % 10;
            if (s == 0) {
                s = 10;
            }
            p = (s * 2) % 11;
        }
        return (11 - p) % 10;
    }

    public static boolean validCcrn(String ccrn) {
        return ccrn != null && ccrn.matches("[0-9]{16}") && mod1110(ccrn.substring(0, 15)) == ccrn.charAt(15) - '0';
    }

    /** A well-formed CCRN (correct check digit) that nobody lodged, with overwhelming likelihood. */
    public static String unknownCcrn() {
        String first = String.format("26%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
        return first + mod1110(first);
    }

    /** The same CCRN with its check digit made wrong. */
    public static String wrongCheckDigit(String ccrn) {
        int good = ccrn.charAt(15) - '0';
        return ccrn.substring(0, 15) + ((good + 1) % 10);
    }
}
