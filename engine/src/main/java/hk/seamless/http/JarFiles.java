package hk.seamless.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.MimeMapping;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves files from the engine's own jar, and only from there. Vert.x's static handler and
 * {@code sendFile} look in the working directory first: an engine started in a folder holding a
 * {@code batch} folder or an {@code openapi.yaml} served those instead of its own, so whatever an
 * operator kept there was readable by anyone who asked.
 *
 * <p>A file is read once and kept; its ETag lets a browser revalidate instead of fetching it again.
 * Only names with an extension are served (every page, script, style and format file has one), so
 * a folder's name never reads as a file.
 */
final class JarFiles implements Handler<RoutingContext> {

    /** One file of the jar as served. */
    record JarFile(Buffer bytes, String contentType, String etag) {}

    private static final Map<String, JarFile> READ = new ConcurrentHashMap<>();
    private static final Pattern NAME_SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    private final String mountedAt;
    private final String folder;
    private final String indexPage;

    private JarFiles(String mountedAt, String folder, String indexPage) {
        this.mountedAt = mountedAt;
        this.folder = folder;
        this.indexPage = indexPage;
    }

    /**
     * The files of a folder of the jar under a route prefix.
     *
     * @param mountedAt the route's prefix, ending with a slash ("/portal/")
     * @param folder    the jar's folder ("webroot/portal")
     * @param indexPage the file a folder's address serves, or null for none
     */
    static JarFiles folder(String mountedAt, String folder, String indexPage) {
        return new JarFiles(mountedAt, folder, indexPage);
    }

    /** One file of the jar, with its content type given, as the whole answer to its route. */
    static Handler<RoutingContext> file(String name, String contentType) {
        return ctx -> {
            Optional<JarFile> file = read(name, contentType);
            if (file.isEmpty()) {
                ctx.next();
            } else {
                send(ctx, file.get());
            }
        };
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.startsWith(mountedAt)) {
            ctx.next();
            return;
        }
        String rest = path.substring(mountedAt.length());
        if (rest.isEmpty() || rest.endsWith("/")) {
            if (indexPage == null) {
                ctx.next();
                return;
            }
            rest = rest + indexPage;
        }
        if (!isPlainFileName(rest)) {
            ctx.next();
            return;
        }
        Optional<JarFile> file = read(folder + "/" + rest, null);
        if (file.isEmpty()) {
            ctx.next();
        } else {
            send(ctx, file.get());
        }
    }

    /** Segments of letters, digits, dots, dashes and underscores, the last with an extension; never "..". */
    private static boolean isPlainFileName(String rest) {
        for (String segment : rest.split("/", -1)) {
            if (segment.isEmpty()
                    || segment.startsWith(".")
                    || !NAME_SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        String last = rest.substring(rest.lastIndexOf('/') + 1);
        return last.indexOf('.') > 0;
    }

    private static void send(RoutingContext ctx, JarFile file) {
        String asked = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        ctx.response().putHeader(HttpHeaders.ETAG, file.etag());
        if (file.etag().equals(asked)) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, file.contentType());
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response()
                    .putHeader(
                            HttpHeaders.CONTENT_LENGTH,
                            Integer.toString(file.bytes().length()))
                    .end();
        } else {
            ctx.response().end(file.bytes());
        }
    }

    /** Kept once found; a name the jar lacks is not remembered, so asking for made-up names fills nothing. */
    private static Optional<JarFile> read(String name, String contentType) {
        JarFile kept = READ.get(name);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<JarFile> loaded = load(name, contentType);
        loaded.ifPresent(file -> READ.putIfAbsent(name, file));
        return loaded;
    }

    private static Optional<JarFile> load(String name, String contentType) {
        try (InputStream in = JarFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new JarFile(
                    Buffer.buffer(bytes), contentType != null ? contentType : contentTypeOf(name), etagOf(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the engine's jar", e);
        }
    }

    /** As the static handler named them, text in UTF-8 (every page and format file is). */
    private static String contentTypeOf(String name) {
        String type = MimeMapping.mimeTypeForFilename(name);
        if (type == null) {
            return "application/octet-stream";
        }
        boolean text = type.startsWith("text/")
                || type.endsWith("javascript")
                || type.endsWith("json")
                || type.endsWith("xml");
        return text ? type + ";charset=UTF-8" : type;
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
