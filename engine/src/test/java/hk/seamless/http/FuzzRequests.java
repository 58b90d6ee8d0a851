package hk.seamless.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the fuzzer's requests: every route of the engine (API, lanes, console, IVRS, pages), each
 * sent with its own method or another, with or without credentials of every kind, and with a body
 * that is the route's own example mutated: wrong types, huge numbers, unicode, nulls, truncated
 * JSON, a bad Idempotency-Key, a wrong Content-Type, a cross-site Origin. Seeded: a run can be repeated.
 */
final class FuzzRequests {

    /** Who may be calling: the Authorization or Cookie (and Origin) headers to send. */
    record Caller(String name, String headers) {}

    /** One route: method, path with {placeholders}, and an example of its body (null: none). */
    record Route(String method, String path, String example, String contentType) {}

    /** Values the fuzzer puts into paths: real ones from the set-up, and nonsense. */
    record Known(String ccrn, String mark, String lane, String accountId, String arrivalId) {}

    private static final String[] METHODS = {
        "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "BREW", "CONNECT", "PROPFIND"
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/json; charset=utf-8",
        "text/csv",
        "application/xml",
        "text/plain",
        "multipart/form-data; boundary=zz",
        "application/x-www-form-urlencoded",
        "application/json; charset=latin1",
        "*/*",
        "",
        "application/problem+json"
    };
    private static final String[] KEYS = {"k-1", "a b", "\u00e9t\u00e9", "x".repeat(201), "", "\t", "ok-key-42"};
    private static final String[] ODD_SEGMENTS = {
        "",
        "%zz",
        "%0d%0aERROR%20forged",
        "..",
        "%2e%2e",
        "\u6e2f",
        "x".repeat(3000),
        "%00",
        "-1",
        "99999999999999999999",
        "null",
        "a%2Fb",
        "%25",
        "~",
        "CCRN",
        "SBC-S-01%20"
    };

    private final Random random;
    private final Known known;
    private final List<Route> routes;
    private final List<Caller> callers;

    FuzzRequests(long seed, Known known, List<Caller> callers) {
        this.random = new Random(seed);
        this.known = known;
        this.callers = List.copyOf(callers);
        this.routes = routes(known);
    }

    List<Route> routes() {
        return routes;
    }

    /** The {@code n}th request: routes in turn, so each is covered within every {@code routes().size()} requests. */
    String request(int n, int port) {
        Route route = routes.get(n % routes.size());
        String method = random.nextInt(6) == 0 ? pick(METHODS) : route.method();
        String path = fillPath(route.path());
        if (random.nextInt(8) == 0) {
            path += pick(new String[] {
                "?limit=" + pick(ODD_SEGMENTS),
                "?status=NOPE",
                "?q=%zz",
                "?lane=" + known.lane(),
                "?limit=10",
                "?" + "p=".repeat(200)
            });
        }
        Caller caller = callers.get(random.nextInt(callers.size()));
        byte[] body = body(route);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        head.append(caller.headers());
        String type = route.contentType();
        if (random.nextInt(5) == 0) {
            type = pick(CONTENT_TYPES);
        }
        if (type != null && !type.isEmpty()) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        if (random.nextInt(6) == 0) {
            head.append("Idempotency-Key: ").append(pick(KEYS)).append("\r\n");
        }
        if (random.nextInt(10) == 0) {
            head.append(pick(new String[] {
                "Origin: https://evil.example\r\n",
                "Origin: null\r\n",
                "X-Forwarded-Proto: https\r\n",
                "Accept-Encoding: gzip\r\n",
                "Sec-Fetch-Site: cross-site\r\n",
                "X-File-Name: rows.csv\r\n",
                "Accept: text/html\r\n",
                "X-Twilio-Signature: abc\r\n"
            }));
        }
        if (route.path().endsWith("/feed")
                || route.path().endsWith("/stream")
                || route.path().endsWith("/gate")) {
            if (random.nextBoolean()) {
                head.append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                        .append(random.nextInt(4) == 0 ? "" : "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
            }
        }
        if (random.nextInt(40) == 0) {
            head.append("Transfer-Encoding: ")
                    .append(pick(new String[] {"chunked, identity", "gzip", "identity"}))
                    .append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        if (!head.toString().contains("Connection: Upgrade")) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        return head + new String(body, StandardCharsets.ISO_8859_1);
    }

    private String fillPath(String template) {
        String path = template;
        path = path.replace("{ccrn}", random.nextInt(3) == 0 ? pick(ODD_SEGMENTS) : known.ccrn());
        path = path.replace("{mark}", random.nextInt(3) == 0 ? pick(ODD_SEGMENTS) : known.mark());
        path = path.replace("{lane}", random.nextInt(4) == 0 ? pick(ODD_SEGMENTS) : known.lane());
        path = path.replace("{id}", random.nextInt(3) == 0 ? pick(ODD_SEGMENTS) : known.accountId());
        path = path.replace("{arrival}", random.nextInt(3) == 0 ? pick(ODD_SEGMENTS) : known.arrivalId());
        path = path.replace("{any}", pick(ODD_SEGMENTS));
        // Raw bytes on the request line: what a percent-encoded segment would decode to, sent as it is.
        return path.replace(" ", "%20").replace("\u6e2f", "%E6%B8%AF");
    }

    /** The route's example, mutated, or another kind of body altogether; as bytes (UTF-8). */
    private byte[] body(Route route) {
        int kind = random.nextInt(10);
        String text;
        if (route.example() == null && kind < 7) {
            text = "";
        } else if (kind < 6 && route.example() != null && route.example().startsWith("{")) {
            text = mutate(new JsonObject(route.example())).encode();
        } else if (kind < 6 && route.example() != null) {
            text = mutateText(route.example());
        } else {
            text = pick(new String[] {
                "",
                "{",
                "{\"a\":",
                "[1,2,3]",
                "null",
                "\"text\"",
                "1e999999",
                "{}",
                "{\"direction\":\"IMPORT\"",
                "<?xml version=\"1.0\"?><a>",
                "\u0000\u0001\u0002",
                "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "a=1&b=" + "%".repeat(30),
                "\uFEFF{\"role\":\"SHIPPER\"}",
                "\u6e2f\u6e2f\u6e2f",
                "{\"a\":\"\uD800\"}",
                "x".repeat(70_000)
            });
            if (route.example() != null && route.example().startsWith("{") && random.nextBoolean()) {
                String whole = mutate(new JsonObject(route.example())).encode();
                text = whole.substring(0, random.nextInt(whole.length()));
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private JsonObject mutate(JsonObject example) {
        JsonObject copy = example.copy();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes && random.nextInt(5) != 0; i++) {
            List<String> names = new ArrayList<>(copy.fieldNames());
            if (names.isEmpty() || random.nextInt(6) == 0) {
                copy.put(pick(new String[] {"unknown", "__proto__", "", "\u6e2f"}), oddValue());
                continue;
            }
            String name = names.get(random.nextInt(names.size()));
            Object value = copy.getValue(name);
            if (value instanceof JsonObject nested && random.nextBoolean()) {
                copy.put(name, mutate(nested));
            } else if (random.nextInt(5) == 0) {
                copy.remove(name);
            } else {
                copy.put(name, oddValue());
            }
        }
        return copy;
    }

    private Object oddValue() {
        return switch (random.nextInt(16)) {
            case 0 -> null;
            case 1 -> 1e308;
            case 2 -> -1;
            case 3 -> Long.MAX_VALUE;
            case 4 -> "99999999999999999999999999999";
            case 5 -> "";
            case 6 -> "\u6e2f\u53e3 \uD83D\uDE9A \u0000 \r\nERROR forged";
            case 7 -> "x".repeat(10_000);
            case 8 -> new JsonArray().add(1).add("two").addNull();
            case 9 -> new JsonObject().put("nested", new JsonObject().put("deeper", true));
            case 10 -> true;
            case 11 -> 0.5;
            case 12 -> "2026-02-30";
            case 13 ->
                LocalDate.of(2026, 11, 17).plusDays(random.nextInt(40) - 20).toString();
            case 14 -> "IMPORT";
            default -> Integer.MIN_VALUE;
        };
    }

    private String mutateText(String example) {
        return switch (random.nextInt(5)) {
            case 0 -> example.substring(0, random.nextInt(example.length()));
            case 1 -> example.replace(",", "\",\"");
            case 2 -> example + "\n" + "x,".repeat(random.nextInt(50)) + "\u6e2f";
            case 3 -> example.replace("IMPORT", "\u0000");
            default -> example;
        };
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static List<Route> routes(Known known) {
        String date = LocalDate.of(2026, 11, 18).toString();
        String consignment =
                TradeApiClient.packaged("IMPORT", LocalDate.of(2026, 11, 18)).encode();
        String csv = "direction,expectedDate,consignor.name,consignor.address,consignee.name,consignee.address,"
                + "packaged.packageDescription,packaged.packageCount,packaged.articlesDescription\n"
                + "IMPORT," + date + ",Shenzhen Co,1 Road,HK Ltd,2 Road,CARTONS,10,Phones\n";
        String xml = "<consignments><consignment><direction>IMPORT</direction><expectedDate>" + date
                + "</expectedDate></consignment></consignments>";
        String json = "application/json";
        List<Route> list = new ArrayList<>(List.of(
                new Route("GET", "/health", null, null),
                new Route("GET", "/metrics", null, null),
                new Route("GET", "/api/v1/settings", null, null),
                new Route(
                        "POST",
                        "/api/v1/registrations",
                        new JsonObject()
                                .put("role", "SHIPPER")
                                .put("name", "Fuzz Ltd")
                                .put("email", "fuzz@example.hk")
                                .put("password", "correct horse battery")
                                .encode(),
                        json),
                new Route(
                        "POST",
                        "/api/v1/sessions",
                        new JsonObject()
                                .put("email", "fuzz@example.hk")
                                .put("password", "not the password")
                                .encode(),
                        json),
                new Route("DELETE", "/api/v1/sessions/current", null, null),
                new Route("GET", "/api/v1/accounts/me", null, null),
                new Route("GET", "/api/v1/admin/registrations", null, null),
                new Route("POST", "/api/v1/admin/registrations/{id}/approve", "{}", json),
                new Route("POST", "/api/v1/admin/registrations/{any}/reject", "{}", json),
                new Route("POST", "/api/v1/admin/accounts/{any}/suspend", "{}", json),
                new Route("POST", "/api/v1/consignments", consignment, json),
                new Route("GET", "/api/v1/consignments", null, null),
                new Route("GET", "/api/v1/consignments/{ccrn}", null, null),
                new Route("GET", "/api/v1/consignments/{ccrn}/versions", null, null),
                new Route("PUT", "/api/v1/consignments/{ccrn}", consignment, json),
                new Route("DELETE", "/api/v1/consignments/{ccrn}", null, null),
                new Route("POST", "/api/v1/consignments/batch", csv, "text/csv"),
                new Route("POST", "/api/v1/consignments/batch", xml, "application/xml"),
                new Route(
                        "POST",
                        "/api/v1/vehicles",
                        new JsonObject()
                                .put("registrationMark", "FZ" + 1234)
                                .put("rfidTag", "E200341201FUZZ")
                                .encode(),
                        json),
                new Route("GET", "/api/v1/vehicles", null, null),
                new Route("GET", "/api/v1/vehicles/{mark}", null, null),
                new Route(
                        "POST",
                        "/api/v1/bundles",
                        new JsonObject()
                                .put("vehicleMark", known.mark())
                                .put("direction", "IMPORT")
                                .put("ccrns", new JsonArray().add(known.ccrn()))
                                .encode(),
                        json),
                new Route("GET", "/api/v1/bundles", null, null),
                new Route("GET", "/api/v1/bundles/{any}", null, null),
                new Route("DELETE", "/api/v1/bundles/{any}", null, null),
                new Route(
                        "POST",
                        "/api/v1/admin/devices",
                        new JsonObject()
                                .put("lane", known.lane())
                                .put("kind", "CAMERA")
                                .encode(),
                        json),
                new Route(
                        "POST",
                        "/api/v1/risk/watchlist",
                        new JsonObject()
                                .put("kind", "PARTY")
                                .put("value", "Fuzz Co")
                                .put("reason", "fuzz")
                                .encode(),
                        json),
                new Route("GET", "/api/v1/risk/watchlist", null, null),
                new Route("GET", "/api/v1/risk/watchlist/{any}", null, null),
                new Route("DELETE", "/api/v1/risk/watchlist/{any}", null, null),
                new Route("GET", "/api/v1/risk/random-rates", null, null),
                new Route(
                        "PUT",
                        "/api/v1/risk/random-rates/SBC",
                        new JsonObject().put("rate", 0.03).encode(),
                        json),
                new Route("GET", "/api/v1/templates", null, null),
                new Route("GET", "/api/v1/templates/{any}", null, null),
                new Route("PUT", "/api/v1/templates/{any}", consignment, json),
                new Route("DELETE", "/api/v1/templates/{any}", null, null),
                new Route(
                        "PUT",
                        "/api/v1/accounts/me/ivrs-pin",
                        new JsonObject().put("pin", "482913").encode(),
                        json),
                new Route("GET", "/api/v1/arrivals", null, null),
                new Route("GET", "/api/v1/arrivals/{arrival}", null, null),
                new Route(
                        "POST",
                        "/api/v1/arrivals/{arrival}/override",
                        new JsonObject()
                                .put("decision", "INSPECT")
                                .put("reason", "fuzz")
                                .encode(),
                        json),
                new Route("GET", "/console/v1/feed", null, null),
                new Route(
                        "POST",
                        "/lane/v1/lanes/{lane}/plate-reads",
                        LaneTestClient.alpr("FZ1234", 91.5).encode(),
                        json),
                new Route(
                        "POST",
                        "/lane/v1/lanes/{lane}/tag-reads",
                        LaneTestClient.tag("E200341201FUZZ").encode(),
                        json),
                new Route("POST", "/lane/v1/lanes/{lane}/empty-declarations", "{}", json),
                new Route("GET", "/lane/v1/lanes/{lane}/stream", null, null),
                new Route("GET", "/lane/v1/lanes/{lane}/gate", null, null),
                new Route(
                        "POST",
                        "/ivrs/v1/calls",
                        "CallSid=CAfuzz&From=%2B85291234567&Digits=1",
                        "application/x-www-form-urlencoded"),
                new Route("GET", "/", null, null),
                new Route("GET", "/portal", null, null),
                new Route("GET", "/console/", null, null),
                new Route("GET", "/admin/{any}", null, null),
                new Route("GET", "/{any}", null, null)));
        return List.copyOf(list);
    }
}
