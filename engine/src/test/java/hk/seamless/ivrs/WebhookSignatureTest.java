package hk.seamless.ivrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The webhook signature against vectors computed outside it, and every way a forged call differs. */
class WebhookSignatureTest {

    private static final String SECRET = "12345";
    private static final String BASE = "https://mycompany.com";
    private static final String URI = "/myapp.php?foo=1&bar=2";
    /** Twilio's own published example: these fields, this URL, auth token 12345. */
    private static final String BODY =
            "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309" + "&To=%2B18005551212";

    private static final String PUBLISHED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final WebhookSignature signature = new WebhookSignature(SECRET, BASE);

    /** HMAC-SHA1 with the JDK directly, over a string built by hand: no code shared with the class under test. */
    private static String hmac(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void matchesThePublishedVectorAndAnIndependentComputation() throws Exception {
        String handBuilt = "https://mycompany.com/myapp.php?foo=1&bar=2" + "CallSidCA1234567890ABCDE"
                + "Caller+14158675309" + "Digits1234" + "From+14158675309" + "To+18005551212";
        assertEquals(PUBLISHED, hmac(SECRET, handBuilt));
        assertEquals(PUBLISHED, signature.sign(BASE + URI, BODY));
        assertTrue(signature.verify(URI, BODY, PUBLISHED));
    }

    @Test
    void fieldsAreSortedByNameWhateverOrderTheyCameIn() throws Exception {
        String shuffled =
                "To=%2B18005551212&Digits=1234&CallSid=CA1234567890ABCDE&From=%2B14158675309&Caller=%2B14158675309";
        assertTrue(signature.verify(URI, shuffled, PUBLISHED));
        // Sorted by name as the platform sorts them (code units: upper case before lower case), values decoded.
        String body = "digits=1&Digits=2&From=%2B852+9123&AccountSid=AC1&empty=&flag";
        String expected = hmac(
                "k".repeat(32),
                "https://ivrs.example.hk/ivrs/v1/calls?step=3" + "AccountSidAC1" + "Digits2" + "From+852 9123"
                        + "digits1" + "empty" + "flag");
        WebhookSignature hk = new WebhookSignature("k".repeat(32), "https://ivrs.example.hk");
        assertTrue(hk.verify("/ivrs/v1/calls?step=3", body, expected));
        // A repeated name: its values sorted, as the platform's own validators do (their published vector).
        String repeated = "Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234&Digits=1234";
        assertTrue(signature.verify(URI, repeated, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    @Test
    void theQueryStringAndTheBaseUrlAreSigned() throws Exception {
        assertFalse(signature.verify("/myapp.php?foo=1&bar=3", BODY, PUBLISHED));
        assertFalse(signature.verify("/myapp.php?bar=2&foo=1", BODY, PUBLISHED));
        assertFalse(signature.verify("/myapp.php", BODY, PUBLISHED));
        assertFalse(new WebhookSignature(SECRET, "http://mycompany.com").verify(URI, BODY, PUBLISHED));
        assertFalse(new WebhookSignature(SECRET, "https://mycompany.com/prefix").verify(URI, BODY, PUBLISHED));
        // A query parameter moved into the body is a different request.
        String step = hmac(SECRET, BASE + "/calls?step=3" + "CallSidCA1");
        assertTrue(signature.verify("/calls?step=3", "CallSid=CA1", step));
        assertFalse(signature.verify("/calls", "CallSid=CA1&step=3", step));
    }

    @Test
    void aChangedOrAddedFieldFails() {
        assertFalse(signature.verify(URI, BODY.replace("Digits=1234", "Digits=1235"), PUBLISHED));
        assertFalse(signature.verify(URI, BODY + "&Digits=9999", PUBLISHED));
        assertFalse(signature.verify(URI, BODY + "&Extra=1", PUBLISHED));
        assertFalse(signature.verify(URI, BODY.replace("&Digits=1234", ""), PUBLISHED));
        assertFalse(signature.verify(URI, "", PUBLISHED));
    }

    @Test
    void aMissingMalformedOrWronglyKeyedSignatureFails() throws Exception {
        assertFalse(signature.verify(URI, BODY, null));
        assertFalse(signature.verify(URI, BODY, ""));
        assertFalse(signature.verify(URI, BODY, "   "));
        assertFalse(signature.verify(URI, BODY, "not base64 at all!"));
        assertFalse(signature.verify(URI, BODY, PUBLISHED.substring(0, 12)));
        assertFalse(new WebhookSignature("54321", BASE).verify(URI, BODY, PUBLISHED));
        assertFalse(signature.verify(URI, BODY, new WebhookSignature("54321", BASE).sign(BASE + URI, BODY)));
        // A body that is not form encoding is nothing the platform signs.
        assertFalse(signature.verify(URI, "CallSid=%zz", hmac(SECRET, BASE + URI + "CallSid%zz")));
        // Empty body: the URL alone is signed.
        assertTrue(signature.verify(URI, null, hmac(SECRET, BASE + URI)));
    }
}
