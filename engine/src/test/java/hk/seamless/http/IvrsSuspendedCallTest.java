package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "A suspended account is refused everywhere, at once": also in a phone call already under way,
 * whose caller signed in before the suspension. The next key is refused and nothing is written.
 */
class IvrsSuspendedCallTest extends IvrsCallHarness {

    private static final String NO_LONGER_ALLOWED =
            "This account can no longer use the phone line, so nothing was changed. Please contact customs. Goodbye.";

    private void adminSets(TradeApiClient.Account account, String action) {
        api.post(
                        "/api/v1/admin/accounts/" + account.id() + "/" + action,
                        api.adminToken(),
                        new JsonObject().put("reason", "test: " + action + " during a call"))
                .expect(200);
    }

    @Test
    void anAccountSuspendedDuringTheCallCannotBundleInIt() {
        Setup s = setUp();
        String a = lodge(s, "IMPORT");
        Call call = toMenu(s, "1", "1");
        assertSaid(call.key("1"), "16 digit C C R N");

        adminSets(s.trucker(), "suspend");
        TwimlAnswer keyed = call.key(a);
        assertTrue(keyed.hangup(), keyed.xml());
        assertEquals(NO_LONGER_ALLOWED, keyed.text());
        call.key("*");
        TwimlAnswer confirmed = call.key("1");
        assertTrue(confirmed.hangup(), confirmed.xml());
        assertEquals(NO_LONGER_ALLOWED, confirmed.text());

        assertEquals("LODGED", api.consignment(s.shipper().token(), a).getString("status"));
        assertNull(bundleIdOf(s, a));
        List<String> journal = trail(call.sid);
        assertTrue(journal.contains("CCRN refused: the account may no longer use the phone"), journal.toString());
        assertTrue(journal.stream().noneMatch(l -> l.contains("bundled")), journal.toString());
        // Reinstated, the trucker can look: the call made no bundle at all.
        adminSets(s.trucker(), "reinstate");
        assertEquals(
                0,
                api.get("/api/v1/bundles", s.trucker().token())
                        .expect(200)
                        .json()
                        .getJsonArray("bundles")
                        .size());
    }

    @Test
    void anAccountSuspendedAtTheUnbundleQuestionCannotUnbundle() {
        Setup s = setUp();
        String a = lodge(s, "IMPORT");
        String id = api.bundle(s.trucker().token(), s.mark(), "IMPORT", a).getString("bundleId");
        assertNotNull(id);
        Call call = toMenu(s, "1", "1");
        assertSaid(call.key("2"), "To unbundle it, press 1.");

        adminSets(s.trucker(), "suspend");
        TwimlAnswer refused = call.key("1");
        assertTrue(refused.hangup(), refused.xml());
        assertEquals(NO_LONGER_ALLOWED, refused.text());

        assertEquals("BUNDLED", api.consignment(s.shipper().token(), a).getString("status"));
        assertEquals(id, bundleIdOf(s, a));
        adminSets(s.trucker(), "reinstate");
        assertEquals(
                "ACTIVE",
                api.get("/api/v1/bundles/" + id, s.trucker().token())
                        .expect(200)
                        .json()
                        .getString("status"));
    }
}
