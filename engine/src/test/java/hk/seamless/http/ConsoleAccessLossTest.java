package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The console feed is authorised at its handshake only, so losing the account (suspended) or the
 * credential the feed was opened with (tokens rotated, session logged out) must close it at once:
 * over real WebSockets, with a colleague's feed beside it to show the decisions still go out.
 */
class ConsoleAccessLossTest extends LaneHarness {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String PASSWORD = "correct horse battery staple";

    private static void awaitHello(LaneTestClient.Socket feed) {
        feed.await(f -> "hello".equals(f.getString("kind")), WAIT, "the console's hello");
    }

    private static JsonObject reason(String why) {
        return new JsonObject().put("reason", why);
    }

    /** A truck that is not the last one read on the lane: always a new arrival, decided on the tag. */
    private String newArrival(Rig rig) {
        clock.advance(PAST_PRESENCE);
        String arrivalId = arrive(rig, newTruck()).getString("arrivalId");
        assertNotNull(arrivalId);
        return arrivalId;
    }

    @Test
    void aSuspendedOfficersFeedIsClosedAtOnceAndHearsNoFurtherDecision() {
        TradeApiClient.Account suspended = api.newAccount("OFFICER");
        LaneTestClient.Socket feed = track(lanes.console(suspended.token()));
        LaneTestClient.Socket colleague = track(lanes.console(officer.token()));
        awaitHello(feed);
        awaitHello(colleague);
        Rig rig = rig("IMPORT");
        String before = newArrival(rig);
        feed.awaitDecision(before);
        colleague.awaitDecision(before);

        api.post(
                        "/api/v1/admin/accounts/" + suspended.id() + "/suspend",
                        api.adminToken(),
                        reason("test: suspended with the console open"))
                .expect(200);
        assertEquals(1008, feed.awaitClosed(WAIT), "the engine closes the suspended officer's feed");

        String after = newArrival(rig);
        colleague.awaitDecision(after);
        feed.assertNone(f -> after.equals(f.getString("arrivalId")), QUIET, "decision after the suspension");
        // And it cannot simply open another.
        GateFailSafeLaneTest.assertRefused(lanes.connectAsync("/console/v1/feed", suspended.token()), 403);
    }

    /** Signs the staff member in on the console's page; the cookie to send back. */
    private String signIn(TradeApiClient.Account staff) {
        String setCookie = api.post(
                        "/api/v1/sessions",
                        null,
                        new JsonObject().put("email", staff.email()).put("password", PASSWORD))
                .expect(200)
                .header("Set-Cookie");
        assertNotNull(setCookie);
        return setCookie.split(";", 2)[0].trim();
    }

    @Test
    void aRotatedTokenClosesTheFeedsOpenedWithItAndALogoutClosesTheSessionsFeed() {
        TradeApiClient.Account staff = api.newAccount("SUPERVISOR", PASSWORD);
        String cookie = signIn(staff);
        LaneTestClient.Socket byToken = track(lanes.console(staff.token()));
        LaneTestClient.Socket bySession = track(lanes.consoleBySession(cookie));
        awaitHello(byToken);
        awaitHello(bySession);

        api.post("/api/v1/admin/accounts/" + staff.id() + "/tokens", api.adminToken(), reason("test: rotated"))
                .expect(200);
        assertEquals(1008, byToken.awaitClosed(WAIT), "the feed opened with the rotated token is closed");
        // The session is not a token: its feed stays, and still hears the lanes.
        Rig rig = rig("EXPORT");
        bySession.awaitDecision(newArrival(rig));

        api.send(
                        "DELETE",
                        "/api/v1/sessions/current",
                        null,
                        null,
                        null,
                        "Cookie",
                        cookie,
                        "Origin",
                        "http://127.0.0.1:" + engine.port())
                .expect(204);
        assertEquals(1008, bySession.awaitClosed(WAIT), "the feed opened with the logged-out session is closed");
    }

    @Test
    void aSessionsFeedIsClosedWhenTheSessionExpiresWhileATokensFeedStays() {
        TradeApiClient.Account staff = api.newAccount("OFFICER", PASSWORD);
        LaneTestClient.Socket bySession = track(lanes.consoleBySession(signIn(staff)));
        LaneTestClient.Socket byToken = track(lanes.console(staff.token()));
        awaitHello(bySession);
        awaitHello(byToken);

        // The sign-in lasts 12 hours (sessionLifetime's default); no write announces its end.
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertEquals(1008, bySession.awaitClosed(WAIT), "the feed of the expired session is closed");

        String after = newArrival(rig("IMPORT"));
        byToken.awaitDecision(after);
        bySession.assertNone(f -> after.equals(f.getString("arrivalId")), QUIET, "decision after the expiry");
    }
}
