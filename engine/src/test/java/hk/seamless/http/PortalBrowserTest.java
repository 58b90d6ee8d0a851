package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the trader portal's browser tests share: signing in through the form as a person does, and
 * waiting for what the page says. Every test ends by asserting that the page logged no script
 * errors (a CSP violation or an exception shows up there).
 */
abstract class PortalBrowserTest extends EngineHarness {

    /** A password long enough for the engine's rules, for accounts the tests make. */
    static final String PASSWORD = "correct horse battery";

    /** Opens the portal and signs in through the form; waits until the masthead names the account. */
    static void signIn(Browser browser, String email, String password) {
        browser.go("/portal/");
        browser.awaitText("h1", "Sign in");
        browser.type("E-mail", email);
        browser.type("Password", password);
        browser.click("Sign in");
        browser.awaitText(".masthead .who", "(");
    }

    /** The table row whose text contains {@code text}, among the rows shown by {@code tableCss}. */
    static WebElement row(Browser browser, String tableCss, String text) {
        return browser.await(
                d -> d.findElements(By.cssSelector(tableCss + " tbody tr")).stream()
                        .filter(r -> r.isDisplayed() && r.getText().contains(text))
                        .findFirst()
                        .orElse(null),
                "a row of " + tableCss + " containing '" + text + "'");
    }

    /** The shown button with these words inside one element (a table row, say). */
    static WebElement buttonIn(Browser browser, WebElement scope, String words) {
        return browser.await(
                d -> scope
                        .findElements(By.xpath(".//button[normalize-space(.)=" + Browser.literal(words)
                                + "] | .//a[normalize-space(.)=" + Browser.literal(words) + "]"))
                        .stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null),
                "a button '" + words + "' in " + scope.getText());
    }

    /** Waits until the error shown beside the input with this id contains {@code text}. */
    static void awaitFieldError(Browser browser, String inputId, String text) {
        browser.awaitText("#" + inputId + "-error", text);
    }

    /** Waits until the input with this id shows no error. */
    static void awaitNoFieldError(Browser browser, String inputId) {
        browser.await(
                d -> {
                    List<WebElement> errors = d.findElements(By.id(inputId + "-error"));
                    return errors.isEmpty() || errors.get(0).getText().isEmpty() ? Boolean.TRUE : null;
                },
                "no error beside #" + inputId);
    }

    static void assertNoScriptErrors(Browser browser) {
        assertEquals(List.of(), browser.scriptErrors(), "the page logged script errors");
    }
}
