package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every API call the pages (portal, console, admin desk) make is a documented operation: the calls
 * are read from the scripts the jar serves ({@link PageApiCalls}), each resolved to its method, path
 * template and query parameter names, and each must be in {@code openapi.yaml} with those query
 * parameters. A call whose URL is built at run time in a way the scan cannot follow is named, and
 * fails the test, unless {@link #RESOLVED_BY_HAND} says what it makes (checked all the same).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCallsContractTest {

    /**
     * Calls the scan cannot resolve by itself, keyed as {@link PageApiCalls.Site#key()} (file: callee
     * method URL-as-written), with the operations they make, as read from the script ("?" lists the
     * query parameters). An empty list: no API call at all. Each must still match a call in the pages.
     */
    static final Map<String, List<String>> RESOLVED_BY_HAND = resolvedByHand();

    private static Map<String, List<String>> resolvedByHand() {
        Map<String, List<String>> byHand = new LinkedHashMap<>();
        // The accounts list: query is a URLSearchParams of the role and status filters set (load()).
        byHand.put(
                "admin/accounts.js: adminCall GET `/api/v1/admin/accounts?${query}`",
                List.of("GET /api/v1/admin/accounts?role&status"));
        // The consignments search: query is a URLSearchParams of the text and status filters set, or nothing (load()).
        byHand.put(
                "portal/consignments.js: get GET `/api/v1/consignments${query ? `?${query}` : ''}`",
                List.of("GET /api/v1/consignments", "GET /api/v1/consignments?q&status"));
        // Lodging or amending: put only when amending, when path names the consignment's CCRN; post the new one's path
        // (the scan, which takes both values of path for both, would pair them wrongly).
        byHand.put("portal/lodge.js: put PUT path", List.of("PUT /api/v1/consignments/{}"));
        byHand.put("portal/lodge.js: post POST path", List.of("POST /api/v1/consignments"));
        // The console's live feed: feedUrl() is ws(s)://<the page's host>/console/v1/feed.
        byHand.put("console/feed.js: WebSocket GET feedUrl()", List.of("GET /console/v1/feed"));
        // The helpers themselves, whose callers are scanned: api() and upload() of shared/api.js, adminCall() of
        // admin/token.js.
        byHand.put("shared/api.js: fetch ? path", List.of());
        byHand.put("shared/api.js: fetch POST path", List.of());
        byHand.put("admin/token.js: api ? path", List.of());
        // The pages' own dictionaries (/shared/i18n/*.json, /<area>/i18n/*.json): static files, not the API.
        byHand.put("shared/i18n.js: fetch GET path", List.of());
        return byHand;
    }

    private Vertx vertx;
    private ApiContract contract;

    @BeforeAll
    void readContract() {
        vertx = Vertx.vertx();
        contract = ApiContract.fromClasspath(vertx);
    }

    @AfterAll
    void closeVertx() {
        vertx.close();
    }

    private static Path webroot() {
        try {
            return Path.of(PageCallsContractTest.class
                    .getClassLoader()
                    .getResource("webroot")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyCallThePagesMakeIsADocumentedOperation() {
        List<PageApiCalls.Site> sites = PageApiCalls.scan(webroot());
        List<String> problems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Set<String> called = new TreeSet<>();
        for (PageApiCalls.Site site : sites) {
            List<String> calls = new ArrayList<>();
            if (RESOLVED_BY_HAND.containsKey(site.key())) {
                used.add(site.key());
                calls.addAll(RESOLVED_BY_HAND.get(site.key()));
            } else if (site.unresolved() != null || site.method() == null) {
                problems.add(site.where() + " " + site.callee() + "(" + site.urlExpression()
                        + "): the scan cannot tell which "
                        + "operation this calls ("
                        + (site.method() == null ? "the method is not a literal" : site.unresolved())
                        + "); write the URL so it can, or add \"" + site.key()
                        + "\" to RESOLVED_BY_HAND with what it makes");
                continue;
            } else {
                site.templates().forEach(t -> calls.add(site.method() + " " + t));
            }
            for (String call : calls) {
                String problem = undocumented(call);
                if (problem == null) {
                    problem = bodyProblem(operation(call), site.body());
                }
                if (problem != null) {
                    problems.add(site.where() + " " + site.callee() + "(" + site.urlExpression() + "): " + problem);
                } else {
                    called.add(operation(call));
                }
            }
        }
        Set<String> stale = new TreeSet<>(RESOLVED_BY_HAND.keySet());
        stale.removeAll(used);
        stale.forEach(
                key -> problems.add("RESOLVED_BY_HAND names " + key + ", which no script calls any more: take it out"));
        writeDown(sites);
        assertTrue(problems.isEmpty(), "page calls the contract does not have:\n  " + String.join("\n  ", problems));
        // The scan read the pages, not nothing: the portal, the console and the admin desk each call dozens.
        assertTrue(sites.size() > 40, "call sites found: " + sites.size());
        assertTrue(called.size() > 30, "operations the pages call: " + called);
    }

    /** What the scan found, to target/page-calls.txt: for whoever wants to see what the pages call, and from where. */
    private static void writeDown(List<PageApiCalls.Site> sites) {
        StringBuilder text = new StringBuilder();
        for (PageApiCalls.Site site : sites) {
            text.append(site.where())
                    .append('\t')
                    .append(site.callee())
                    .append('(')
                    .append(site.urlExpression())
                    .append(")\t")
                    .append(
                            RESOLVED_BY_HAND.containsKey(site.key())
                                    ? "by hand: " + RESOLVED_BY_HAND.get(site.key())
                                    : site.unresolved() != null
                                            ? "UNRESOLVED: " + site.unresolved()
                                            : site.method() + " " + site.templates())
                    .append(site.body() == null ? "" : site.body() ? " with a body" : "")
                    .append('\n');
        }
        try {
            java.nio.file.Files.createDirectories(Path.of("target"));
            java.nio.file.Files.writeString(Path.of("target", "page-calls.txt"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A body sent where the operation documents none, or none where it requires one; null when fine (or unknown). */
    private String bodyProblem(String operation, Boolean sendsBody) {
        JsonObject requestBody = contract.operation(operation).getJsonObject("requestBody");
        if (Boolean.TRUE.equals(sendsBody) && requestBody == null) {
            return operation + " takes no request body (the contract documents none), the page sends one";
        }
        if (Boolean.FALSE.equals(sendsBody)
                && requestBody != null
                && Boolean.TRUE.equals(requestBody.getBoolean("required"))) {
            return operation + " requires a request body, the page sends none";
        }
        return null;
    }

    /** "GET /api/v1/bundles/{}?status" → the documented operation it calls, or null. */
    private String operation(String call) {
        String method = call.substring(0, call.indexOf(' '));
        String template = call.substring(call.indexOf(' ') + 1).split("\\?", 2)[0];
        // A segment made at run time may only fill a documented {parameter}: no literal segment holds \u0001.
        return contract.operationOf(method, template.replace("{}", "\u0001"));
    }

    private String undocumented(String call) {
        String operation = operation(call);
        if (operation == null) {
            return call + " is not a documented operation (engine/src/main/resources/openapi.yaml)";
        }
        String[] query = call.split("\\?", 2);
        if (query.length == 2) {
            Set<String> names = new TreeSet<>(List.of(query[1].split("&")));
            names.removeAll(contract.queryParameters(operation));
            if (!names.isEmpty()) {
                return call + ": query parameters " + names + " are not documented for " + operation + " (it documents "
                        + contract.queryParameters(operation) + ")";
            }
        }
        return null;
    }
}
