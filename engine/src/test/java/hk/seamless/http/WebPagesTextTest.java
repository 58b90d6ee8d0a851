package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' words and their hygiene, read from the files the jar serves: both languages say
 * everything, every label a page asks for exists, and nothing is fetched from elsewhere or written
 * inline where the Content-Security-Policy would (rightly) block it.
 */
class WebPagesTextTest {

    private static final List<String> LANGUAGES = List.of("en", "zh-Hant");
    /** Keys whose value is the same word in both languages on purpose. */
    private static final Set<String> SAME_IN_BOTH = Set.of("product.name");

    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"$]+)\"");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\(\\s*['\"]([^'\"$]+)['\"]");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{4,}");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private static Path webroot() {
        try {
            return Path.of(WebPagesTextTest.class
                    .getClassLoader()
                    .getResource("webroot")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> areas() throws IOException {
        try (Stream<Path> list = Files.list(webroot())) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    private static JsonObject dictionary(String area, String language) throws IOException {
        Path file = webroot().resolve(area).resolve("i18n").resolve(language + ".json");
        return Files.exists(file) ? new JsonObject(Files.readString(file)) : new JsonObject();
    }

    private static List<Path> files(String area, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(webroot().resolve(area))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyAreaHasBothLanguagesWithTheSameKeys() throws IOException {
        assertTrue(areas().containsAll(List.of("admin", "console", "portal", "shared")), "areas: " + areas());
        for (String area : areas()) {
            JsonObject en = dictionary(area, "en");
            JsonObject zh = dictionary(area, "zh-Hant");
            assertFalse(en.isEmpty(), area + " has no English dictionary");
            assertEquals(
                    new TreeSet<>(en.fieldNames()),
                    new TreeSet<>(zh.fieldNames()),
                    area + ": English and Traditional Chinese must carry the same keys");
        }
    }

    @Test
    void chineseTextIsTranslatedNotCopied() throws IOException {
        List<String> untranslated = new ArrayList<>();
        for (String area : areas()) {
            JsonObject en = dictionary(area, "en");
            JsonObject zh = dictionary(area, "zh-Hant");
            for (String key : zh.fieldNames()) {
                String text = zh.getString(key);
                if (text == null || text.isBlank()) {
                    untranslated.add(area + ":" + key + " is empty");
                } else if (!SAME_IN_BOTH.contains(key)
                        && text.equals(en.getString(key))
                        && LATIN_WORD.matcher(text).find()
                        && !CJK.matcher(text).find()) {
                    untranslated.add(area + ":" + key + " = \"" + text + "\"");
                }
            }
        }
        assertEquals(List.of(), untranslated, "Traditional Chinese texts that are English copies");
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> shared = new HashSet<>(dictionary("shared", "en").fieldNames());
        List<String> missing = new ArrayList<>();
        for (String area : areas()) {
            Set<String> known = new HashSet<>(shared);
            known.addAll(dictionary(area, "en").fieldNames());
            for (Path file : files(area, ".html")) {
                collect(HTML_KEY, Files.readString(file), known, file, missing);
            }
            for (Path file : files(area, ".js")) {
                String text = withoutComments(Files.readString(file));
                collect(SCRIPT_KEY, text, known, file, missing);
                collect(HTML_KEY, text, known, file, missing);
            }
        }
        assertEquals(List.of(), missing, "keys used by a page but in no dictionary");
    }

    /** Comments may show the attribute syntax by example; only code names real keys. */
    private static String withoutComments(String script) {
        return script.lines()
                .filter(line -> !line.strip().startsWith("//") && !line.strip().startsWith("*"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static void collect(Pattern pattern, String text, Set<String> known, Path file, List<String> missing) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                missing.add(webroot().relativize(file) + ": " + m.group(1));
            }
        }
    }

    @Test
    void nothingIsFetchedFromTheInternetOrWrittenInline() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern external =
                Pattern.compile("(?:src|href|url\\()\\s*=?\\s*[\"']?(?:https?:)?//", Pattern.CASE_INSENSITIVE);
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style|\\sstyle=\"", Pattern.CASE_INSENSITIVE);
        Pattern inlineHandler = Pattern.compile("<[^>]+\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE);
        for (String area : areas()) {
            for (String suffix : List.of(".html", ".js", ".css")) {
                for (Path file : files(area, suffix)) {
                    String text = Files.readString(file);
                    String name = webroot().relativize(file).toString();
                    if (external.matcher(text).find()) {
                        problems.add(name + " loads something from another site");
                    }
                    if (suffix.equals(".html")) {
                        if (inlineScript.matcher(text).find()) {
                            problems.add(name + " has an inline <script>");
                        }
                        if (inlineStyle.matcher(text).find()) {
                            problems.add(name + " has inline style");
                        }
                        if (inlineHandler.matcher(text).find()) {
                            problems.add(name + " has an inline event handler");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
