package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Registering through the portal's form, waiting for an administrator's approval, then signing in
 * and out through the form: the same public API a trade system uses, driven by a real Chromium.
 */
class PortalRegistrationBrowserTest extends PortalBrowserTest {

    @Test
    void aShipperRegistersWaitsForApprovalThenSignsInAndOut() {
        String email = TradeApiClient.uniqueEmail("portal-shipper");
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/portal/");
            browser.awaitText("h1", "Sign in");
            browser.screenshot("portal-signin");
            browser.click("Register for an account");
            browser.awaitText("h1", "Register for an account");
            assertTrue(browser.url().endsWith("#/register"), browser.url());

            // Nothing filled in: each required field says so beside itself, before anything is sent.
            browser.click("Register");
            awaitFieldError(browser, "register-role", "Please choose one.");
            awaitFieldError(browser, "register-name", "Please fill this in.");
            awaitFieldError(browser, "register-email", "Please fill this in.");
            awaitFieldError(browser, "register-password", "Please fill this in.");

            // Wrong values: told beside the field in plain words.
            browser.select("I am registering as", "Shipper – lodges its own cargo information");
            browser.type("Company or trading name", "Tsuen Wan Export Ltd");
            browser.type("E-mail address", "tsuen.wan.example.hk");
            browser.type("Password", "short");
            browser.type("Password again", "shorter");
            browser.type("Business registration number", "1234");
            browser.click("Register");
            awaitFieldError(browser, "register-email", "not an e-mail address");
            awaitFieldError(browser, "register-password", "10 to 200 characters");
            awaitFieldError(browser, "register-password2", "not the same");
            awaitFieldError(browser, "register-brn", "8 digits");
            awaitNoFieldError(browser, "register-role");
            browser.screenshot("portal-register-errors");

            // Something only the engine knows: the address is already registered.
            String taken = TradeApiClient.uniqueEmail("taken");
            api.register("AGENT", taken, PASSWORD).expect(202);
            browser.type("E-mail address", taken);
            browser.type("Password", PASSWORD);
            browser.type("Password again", PASSWORD);
            browser.type("Business registration number", "12345678");
            awaitNoFieldError(browser, "register-brn");
            browser.click("Register");
            awaitFieldError(browser, "register-email", "already registered");

            browser.type("E-mail address", email);
            browser.click("Register");
            String done =
                    browser.awaitText("#register-done", "waiting for approval").getText();
            browser.screenshot("portal-register-done");
            Matcher reference = Pattern.compile("reference (\\S+)\\)").matcher(done);
            assertTrue(reference.find(), done);
            String registrationId = reference.group(1);

            // Before approval the engine refuses the sign-in, and the page says why.
            browser.click("Go to sign in");
            browser.awaitText("h1", "Sign in");
            browser.type("E-mail", email);
            browser.type("Password", PASSWORD);
            browser.click("Sign in");
            browser.awaitText("#signin-form .form-errors", "waiting for approval");

            api.approve(registrationId).expect(200);

            // A wrong password is refused as such.
            browser.type("Password", "not the password at all");
            browser.click("Sign in");
            browser.awaitText("#signin-form .form-errors", "The e-mail or password is wrong.");

            browser.type("Password", PASSWORD);
            browser.click("Sign in");
            browser.awaitText(".masthead .who", "Tsuen Wan Export Ltd (Shipper)");
            browser.awaitText("h1", "New lodgement");
            assertTrue(browser.shown("#portal-nav").getText().contains("My consignments"));
            assertFalse(
                    browser.shown("#portal-nav").getText().contains("My vehicles"),
                    "a shipper is not offered trucker pages");
            browser.screenshot("portal-signed-in");

            browser.click("Sign out");
            browser.awaitText("h1", "Sign in");
            assertEquals(
                    "",
                    browser.shown(".masthead")
                            .findElement(org.openqa.selenium.By.cssSelector(".who"))
                            .getText());
            // The session is really closed: the engine no longer knows this browser.
            Object status = browser.driver() instanceof org.openqa.selenium.JavascriptExecutor js
                    ? js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch('/api/v1/accounts/me').then(r => done(r.status));")
                    : null;
            assertEquals(401L, status);
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void anOfficerIsSentToTheConsoleNotShownTraderPages() {
        TradeApiClient.Account officer = api.newAccount("OFFICER", PASSWORD);
        try (Browser browser = Browser.open(engine.port())) {
            signIn(browser, officer.email(), PASSWORD);
            browser.awaitText("h1", "This portal is for traders");
            browser.button("Officers and supervisors: the lane console");
            assertTrue(
                    browser.driver()
                            .findElement(org.openqa.selenium.By.id("portal-nav"))
                            .getText()
                            .isBlank(),
                    "no trader pages offered");
            // Asking for a trader page by its address does not open it.
            browser.go("/portal/#/lodge");
            browser.awaitText("h1", "This portal is for traders");
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void theSignInAndRegistrationPagesSwitchToTraditionalChinese() {
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/portal/");
            browser.awaitText("h1", "Sign in");
            browser.click("繁體中文");
            browser.awaitText("h1", "登入");
            browser.field("電郵地址");
            browser.field("密碼");
            browser.screenshot("portal-signin-zh");
            browser.click("申請登記帳戶");
            browser.awaitText("h1", "申請登記帳戶");
            browser.field("公司或營業名稱");
            browser.click("提交登記");
            awaitFieldError(browser, "register-name", "請填寫此欄。");
            browser.screenshot("portal-register-zh");
            // The choice of language is kept for the next visit.
            browser.go("/portal/");
            browser.awaitText("h1", "登入");
            browser.click("English");
            browser.awaitText("h1", "Sign in");
            assertNoScriptErrors(browser);
        }
    }
}
