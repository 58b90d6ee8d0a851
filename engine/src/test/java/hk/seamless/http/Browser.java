package hk.seamless.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven through Debian's {@code chromedriver}:
 * nothing is downloaded, and Chromium's own background traffic (updates, sync, safe browsing) is
 * switched off, since this machine has no internet and must not try.
 *
 * <p>Finds things the way people do: inputs by their label's text, buttons by their words. A test
 * that cannot find a field by its label has found a page that a screen reader cannot use either.
 *
 * <p>Without Chromium the browser tests are skipped, saying so, unless
 * {@code SEAMLESS_REQUIRE_BROWSER} is set (CI sets it), when they fail instead.
 */
public final class Browser implements AutoCloseable {

    /** How long a page may take to show what a test waits for; a ceiling, never a speed claim. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("SEAMLESS_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("SEAMLESS_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("seamless.screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Opens a fresh browser (an empty profile: no cookies, no stored language) on the engine. */
    public static Browser open(int port, int width, int height) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("seamless-chromium-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-default-apps",
                    "--disable-features=Translate,OptimizationHints,MediaRouter",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height,
                    "--lang=en-GB");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE);
            return new Browser(driver, "http://127.0.0.1:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A desk-sized window. */
    public static Browser open(int port) {
        return open(port, 1366, 900);
    }

    private static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("SEAMLESS_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("browser tests are required here but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(
                present,
                "browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver); CI installs them and sets SEAMLESS_REQUIRE_BROWSER");
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    // ---- finding things as people do ----

    /**
     * The input, select or textarea whose label starts with {@code labelText} (a label may carry a
     * hint after its name), among those shown. Labels are tied to inputs by {@code for}.
     */
    public WebElement field(String labelText) {
        return await(
                d -> {
                    for (WebElement label : d.findElements(
                            By.xpath("//label[starts-with(normalize-space(.), " + literal(labelText) + ")]"))) {
                        String target = label.getAttribute("for");
                        if (target != null && label.isDisplayed()) {
                            List<WebElement> inputs = d.findElements(By.id(target));
                            if (!inputs.isEmpty() && inputs.get(0).isDisplayed()) {
                                return inputs.get(0);
                            }
                        }
                    }
                    return null;
                },
                "a shown field labelled '" + labelText + "'");
    }

    /** A shown button (or link styled as one) whose text is exactly {@code text}. */
    public WebElement button(String text) {
        return await(
                d -> d
                        .findElements(By.xpath("//button[normalize-space(.)=" + literal(text)
                                + "] | //a[normalize-space(.)=" + literal(text) + "]"))
                        .stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null),
                "a shown button '" + text + "'");
    }

    public Browser type(String labelText, String text) {
        WebElement input = field(labelText);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public Browser select(String labelText, String optionText) {
        new org.openqa.selenium.support.ui.Select(field(labelText)).selectByVisibleText(optionText);
        return this;
    }

    public Browser click(String buttonText) {
        button(buttonText).click();
        return this;
    }

    /** The first shown element matching a CSS selector, waiting for it. */
    public WebElement shown(String css) {
        return await(
                d -> d.findElements(By.cssSelector(css)).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null),
                "a shown '" + css + "'");
    }

    /** Waits until the element matching {@code css} shows text containing {@code text}; returns it. */
    public WebElement awaitText(String css, String text) {
        return await(
                d -> d.findElements(By.cssSelector(css)).stream()
                        .filter(e -> e.isDisplayed() && e.getText().contains(text))
                        .findFirst()
                        .orElse(null),
                "'" + css + "' showing '" + text + "'");
    }

    /** Waits until the whole page shows {@code text} somewhere. */
    public Browser awaitPageText(String text) {
        await(
                d -> d.findElement(By.tagName("body")).getText().contains(text) ? Boolean.TRUE : null,
                "the page showing '" + text + "'");
        return this;
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public <T> T await(ExpectedCondition<T> condition, String what) {
        return await(condition, PATIENCE, what);
    }

    /** Waits longer than usual, for what the page is meant to take time over (a missed heartbeat, say). */
    public <T> T await(ExpectedCondition<T> condition, Duration patience, String what) {
        // An element found a moment ago may be replaced by a re-render or a reload while the
        // condition looks at it: that is the page changing, not the condition failing, so keep waiting.
        return new WebDriverWait(driver, patience)
                .withMessage(() ->
                        "waited " + patience.toSeconds() + " s for " + what + "; the page shows:\n" + safePageText())
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private String safePageText() {
        try {
            return pageText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /**
     * What the page's scripts reported as errors, leaving out failed loads (a 401 from
     * accounts/me before sign-in is the page working, not failing). A CSP violation or a script
     * exception shows up here.
     */
    public List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
    }

    /** Saves what the window shows as {@code target/screenshots/<name>.png}: a build artefact to look at. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XPath string literal for any text, quotes included. */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
