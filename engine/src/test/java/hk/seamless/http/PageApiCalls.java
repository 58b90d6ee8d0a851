package hk.seamless.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The API calls the pages' scripts make, read from their source: every call of the pages' API
 * helpers ({@code api}, {@code get}, {@code post}, {@code put}, {@code del}, {@code upload} of
 * shared/api.js and the admin desk's {@code adminCall} of admin/token.js, under whatever name a
 * script imports them), every {@code fetch}, {@code XMLHttpRequest}, {@code sendBeacon},
 * {@code WebSocket} and {@code EventSource}. The URL of each is resolved where the script writes it
 * readably: a string or template literal (a {@code ${...}} a whole path segment is a parameter, one
 * after a {@code name=} a query value, {@code ${c ? `?...` : ''}} an optional query), a choice
 * ({@code a ? b : c}), an object literal picked from ({@code {...}[key]}), or a constant of the same
 * script holding one of those. Anything else is left unresolved, for the test to name.
 */
final class PageApiCalls {

    /**
     * One call: where, which helper, the method (null when not a literal), the URL as written, what it
     * resolves to, and whether it sends a body (null when the scan cannot tell).
     */
    record Site(
            String file,
            int line,
            String callee,
            String method,
            String urlExpression,
            Set<String> templates,
            String unresolved,
            Boolean body) {

        /** The key an allow-list names a call by: file, callee, method (or ?), URL expression as written. */
        String key() {
            return file + ": " + callee + " " + (method == null ? "?" : method) + " " + urlExpression;
        }

        String where() {
            return file + ":" + line;
        }
    }

    /**
     * The helpers each module exports: how a call names its method, its URL and its body ({@code bodyArg}
     * the argument that is the body, or {@link #BODY_OPTION} for an options object's body, or -1 for none).
     */
    private record Helper(String method, int methodArg, int urlArg, int bodyArg) {}

    private static final int BODY_OPTION = -2;
    private static final Pattern BODY_KEY = Pattern.compile("[{,]\\s*body\\s*[:,}]");

    private static final Map<String, Map<String, Helper>> HELPERS = Map.of(
            "shared/api.js",
                    Map.of(
                            "api", new Helper(null, 0, 1, BODY_OPTION),
                            "get", new Helper("GET", -1, 0, -1),
                            "post", new Helper("POST", -1, 0, 1),
                            "put", new Helper("PUT", -1, 0, 1),
                            "del", new Helper("DELETE", -1, 0, -1),
                            "upload", new Helper("POST", -1, 0, 1)),
            "admin/token.js", Map.of("adminCall", new Helper(null, 0, 1, 2)));

    private static final Pattern IMPORT = Pattern.compile("import\\s*\\{([^}]*)}\\s*from\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern BROWSER_CALL = Pattern.compile(
            "(?<![\\w$.])(fetch)\\s*\\(|\\bnew\\s+(WebSocket|EventSource|XMLHttpRequest)\\s*\\(|\\b(sendBeacon)\\s*\\(|\\.(open)\\s*\\(");
    private static final Pattern METHOD_OPTION = Pattern.compile("\\bmethod\\s*:\\s*['\"]([A-Za-z]+)['\"]");
    private static final Pattern LITERAL_METHOD = Pattern.compile("['\"]([A-Z]+)['\"]");

    private PageApiCalls() {}

    /** Every call in every script under {@code webroot}, in file order. */
    static List<Site> scan(Path webroot) {
        List<Site> sites = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(webroot)) {
            for (Path file :
                    walk.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                String name = webroot.relativize(file).toString().replace('\\', '/');
                sites.addAll(scanScript(name, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sites;
    }

    static List<Site> scanScript(String name, String source) {
        String code = JsSource.withoutComments(source);
        List<Site> sites = new ArrayList<>();
        Map<String, Helper> imported = importedHelpers(name, code);
        for (Map.Entry<String, Helper> helper : imported.entrySet()) {
            Matcher m = Pattern.compile("(?<![\\w$.])(?<!function\\s)" + Pattern.quote(helper.getKey()) + "\\s*\\(")
                    .matcher(code);
            while (m.find()) {
                List<String> args = JsSource.arguments(code, m.end() - 1);
                Helper h = helper.getValue();
                String method = h.method();
                if (method == null) {
                    Matcher literal = LITERAL_METHOD.matcher(args.isEmpty() ? "" : args.get(h.methodArg()));
                    method = literal.matches() ? literal.group(1) : null;
                }
                sites.add(site(
                        name,
                        code,
                        m.start(),
                        helper.getKey(),
                        method,
                        args.size() > h.urlArg() ? args.get(h.urlArg()) : "",
                        sendsBody(h, args)));
            }
        }
        Matcher m = BROWSER_CALL.matcher(code);
        while (m.find()) {
            String callee = m.group(1) != null
                    ? m.group(1)
                    : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            List<String> args = JsSource.arguments(code, m.end() - 1);
            switch (callee) {
                case "fetch" ->
                    sites.add(site(
                            name,
                            code,
                            m.start(),
                            callee,
                            fetchMethod(args),
                            args.isEmpty() ? "" : args.get(0),
                            args.size() < 2
                                    ? Boolean.FALSE
                                    : args.get(1).startsWith("{")
                                            ? BODY_KEY.matcher(args.get(1)).find()
                                            : null));
                case "WebSocket", "EventSource" ->
                    sites.add(site(
                            name, code, m.start(), callee, "GET", args.isEmpty() ? "" : args.get(0), Boolean.FALSE));
                case "sendBeacon" ->
                    sites.add(site(
                            name, code, m.start(), callee, "POST", args.isEmpty() ? "" : args.get(0), args.size() > 1));
                // xhr.open(method, url): only where the script makes an XMLHttpRequest at all.
                case "open" -> {
                    if (code.contains("XMLHttpRequest")) {
                        Matcher literal = LITERAL_METHOD.matcher(args.isEmpty() ? "" : args.get(0));
                        sites.add(site(
                                name,
                                code,
                                m.start(),
                                "XMLHttpRequest.open",
                                literal.matches() ? literal.group(1) : null,
                                args.size() > 1 ? args.get(1) : "",
                                null));
                    }
                }
                // new XMLHttpRequest(): the URL comes with its open(), found above.
                default -> {}
            }
        }
        sites.sort(java.util.Comparator.comparingInt(Site::line));
        return sites;
    }

    /** Whether a helper's call sends a body: its body argument given (and not undefined), or a body in its options. */
    private static Boolean sendsBody(Helper h, List<String> args) {
        if (h.bodyArg() == BODY_OPTION) {
            String options = args.size() > 2 ? args.get(2) : "";
            return options.isEmpty()
                    ? Boolean.FALSE
                    : options.startsWith("{") ? BODY_KEY.matcher(options).find() : null;
        }
        return h.bodyArg() >= 0 && args.size() > h.bodyArg() && !"undefined".equals(args.get(h.bodyArg()));
    }

    /** fetch's method: GET without options, the literal {@code method:} of an options object, else unknown (null). */
    private static String fetchMethod(List<String> args) {
        if (args.size() < 2) {
            return "GET";
        }
        String options = args.get(1);
        Matcher option = METHOD_OPTION.matcher(options);
        if (option.find()) {
            return option.group(1).toUpperCase(java.util.Locale.ROOT);
        }
        return options.startsWith("{")
                        && !Pattern.compile("\\bmethod\\b|\\.\\.\\.")
                                .matcher(options)
                                .find()
                ? "GET"
                : null;
    }

    /** The API helpers a script imports, by the name it calls them. */
    private static Map<String, Helper> importedHelpers(String script, String code) {
        Map<String, Helper> imported = new LinkedHashMap<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String module = m.group(2);
            Map<String, Helper> exports = HELPERS.entrySet().stream()
                    .filter(e -> module.endsWith("/" + e.getKey())
                            || module.equals(e.getKey())
                            || (module.startsWith("./")
                                    && script.substring(0, script.lastIndexOf('/') + 1)
                                            .concat(module.substring(2))
                                            .equals(e.getKey())))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(Map.of());
            for (String part : m.group(1).split(",")) {
                String[] names = part.strip().split("\\s+as\\s+");
                if (exports.containsKey(names[0].strip())) {
                    imported.put(names[names.length - 1].strip(), exports.get(names[0].strip()));
                }
            }
        }
        return imported;
    }

    private static Site site(String file, String code, int at, String callee, String method, String url, Boolean body) {
        int line = (int) code.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        String expression = url.strip().replaceAll("\\s+", " ");
        try {
            Set<String> templates = new LinkedHashSet<>();
            for (String resolved : new UrlResolver(code).resolve(url.strip(), 0)) {
                templates.add(template(resolved));
            }
            return new Site(file, line, callee, method, expression, templates, null, body);
        } catch (UrlResolver.Unresolved e) {
            return new Site(file, line, callee, method, expression, Set.of(), e.getMessage(), body);
        }
    }

    /**
     * "/api/v1/bundles/{}?status" out of "/api/v1/bundles/\0?status=\0" (\0: a value made at run
     * time): a made value must be a whole path segment, or a query value after its name.
     */
    private static String template(String url) throws UrlResolver.Unresolved {
        String withoutOrigin = url.replaceFirst("^(?:\0|wss?|https?)://\0", "");
        if (!withoutOrigin.startsWith("/")) {
            throw new UrlResolver.Unresolved("the URL does not start with a path: " + url.replace('\0', '*'));
        }
        int q = withoutOrigin.indexOf('?');
        String path = q < 0 ? withoutOrigin : withoutOrigin.substring(0, q);
        StringBuilder template = new StringBuilder();
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.contains("\0") && !segment.equals("\0")) {
                throw new UrlResolver.Unresolved("a path segment partly made at run time: " + url.replace('\0', '*'));
            }
            template.append('/').append(segment.equals("\0") ? "{}" : segment);
        }
        if (q >= 0) {
            List<String> names = new ArrayList<>();
            for (String pair : withoutOrigin.substring(q + 1).split("&")) {
                String name = pair.split("=", 2)[0];
                if (name.isEmpty() || name.contains("\0")) {
                    throw new UrlResolver.Unresolved("query parameters made at run time: " + url.replace('\0', '*'));
                }
                names.add(name);
            }
            template.append('?').append(String.join("&", names));
        }
        return template.toString();
    }

    /** Resolves a URL expression of one script into the URLs it can make, made values as \0. */
    private static final class UrlResolver {

        static final class Unresolved extends Exception {
            Unresolved(String why) {
                super(why);
            }
        }

        private static final int DEPTH = 4;
        private final String code;

        UrlResolver(String code) {
            this.code = code;
        }

        List<String> resolve(String expression, int depth) throws Unresolved {
            String e = JsSource.unwrapParentheses(expression.strip());
            if (depth > DEPTH) {
                throw new Unresolved("too deep: " + e);
            }
            int[] choice = JsSource.topLevelConditional(e);
            if (choice != null) {
                List<String> both = new ArrayList<>(resolve(e.substring(choice[0] + 1, choice[1]), depth + 1));
                both.addAll(resolve(e.substring(choice[1] + 1), depth + 1));
                return both;
            }
            if (e.length() >= 2
                    && (e.charAt(0) == '\'' || e.charAt(0) == '"')
                    && JsSource.literalEnd(e, 0) == e.length()) {
                return List.of(JsSource.unescape(e.substring(1, e.length() - 1)));
            }
            if (e.length() >= 2 && e.charAt(0) == '`' && JsSource.literalEnd(e, 0) == e.length()) {
                return template(e, depth);
            }
            if (e.startsWith("{")) {
                int close = JsSource.balancedEnd(e, 0);
                if (close < e.length() && e.charAt(close) == '[' && JsSource.balancedEnd(e, close) == e.length()) {
                    List<String> all = new ArrayList<>();
                    for (String member : JsSource.split(e.substring(1, close - 1), ',')) {
                        int colon = JsSource.topLevelIndex(member, ':');
                        if (colon < 0) {
                            throw new Unresolved("an object member without a value: " + member.strip());
                        }
                        all.addAll(resolve(member.substring(colon + 1), depth + 1));
                    }
                    return all;
                }
            }
            if (e.matches("[A-Za-z_$][\\w$]*")) {
                Matcher definition = Pattern.compile("\\b(?:const|let|var)\\s+" + Pattern.quote(e) + "\\s*=\\s*")
                        .matcher(code);
                List<Integer> at = new ArrayList<>();
                while (definition.find()) {
                    at.add(definition.end());
                }
                if (at.size() == 1) {
                    return resolve(code.substring(at.get(0), JsSource.statementEnd(code, at.get(0))), depth + 1);
                }
                throw new Unresolved(e + " is no single constant of the script");
            }
            throw new Unresolved("built at run time: " + e);
        }

        /** A template literal: its text, each ${} a made value, ${c ? `?...` : ''} an optional part. */
        private List<String> template(String literal, int depth) throws Unresolved {
            List<String> made = new ArrayList<>(List.of(""));
            for (JsSource.Piece piece : JsSource.templatePieces(literal)) {
                List<String> options = new ArrayList<>();
                if (piece.text() != null) {
                    options.add(piece.text());
                } else {
                    int[] choice = JsSource.topLevelConditional(piece.expression());
                    String otherwise = choice == null
                            ? null
                            : piece.expression().substring(choice[1] + 1).strip();
                    if (choice != null
                            && ("''".equals(otherwise) || "\"\"".equals(otherwise) || "``".equals(otherwise))) {
                        options.addAll(resolve(piece.expression().substring(choice[0] + 1, choice[1]), depth + 1));
                        options.add("");
                    } else {
                        options.add("\0");
                    }
                }
                List<String> next = new ArrayList<>();
                for (String start : made) {
                    for (String option : options) {
                        next.add(start + option);
                    }
                }
                made = next;
            }
            return made;
        }
    }
}
