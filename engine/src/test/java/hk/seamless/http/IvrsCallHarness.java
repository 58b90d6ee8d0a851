package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Phone calls through the TwiML webhook as a voice platform plays them, against a real engine: a
 * trucker with a vehicle and a PIN, a call keyed step by step, and what the caller hears.
 */
abstract class IvrsCallHarness extends EngineHarness {

    static final String PIN = "204817";
    static final String WEBHOOK = "/ivrs/v1/calls";

    /** A trucker with a vehicle and a PIN, and a shipper's lodged CCRNs to bundle. */
    record Setup(TradeApiClient.Account trucker, String number, String mark, TradeApiClient.Account shipper) {
        String spelledMark() {
            return String.join(" ", mark.split(""));
        }
    }

    Setup setUp() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        JsonObject pin = api.put("/api/v1/accounts/me/ivrs-pin", trucker.token(), new JsonObject().put("pin", PIN))
                .expect(200)
                .json();
        String number = pin.getString("ivrsAccountNumber");
        assertTrue(number.matches("[1-9][0-9]{7}"), number);
        return new Setup(trucker, number, mark, api.newAccount("SHIPPER"));
    }

    String lodge(Setup s, String direction) {
        return api.lodgeCcrn(s.shipper().token(), direction, today());
    }

    static String spelledMark(String mark) {
        return String.join(" ", mark.split(""));
    }

    /** Marks as the phone reads them out (the engine's reading order, for marks of letters then a number). */
    static final Comparator<String> READING_ORDER = Comparator.comparing((String m) -> m.replaceAll("[0-9]", ""))
            .thenComparingInt(m -> Integer.parseInt(m.replaceAll("[^0-9]", "")));

    /** One phone call as a voice platform plays it. */
    final class Call {
        final String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
        TwimlAnswer last;

        TwimlAnswer start() {
            last = post(fields(sid, null), null);
            assertNotNull(last.gather(), last.xml());
            return last;
        }

        /** Keys at the last prompt (null: the gather timed out), naming its step as Twilio's action URL does. */
        TwimlAnswer key(String digits) {
            last = post(fields(sid, digits), last == null ? null : last.step());
            return last;
        }
    }

    static Map<String, String> fields(String sid, String digits) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("CallSid", sid);
        form.put("From", "+85291234567");
        form.put("To", "+85230001234");
        form.put("CallStatus", "in-progress");
        form.put("Direction", "inbound");
        form.put("ApiVersion", "2010-04-01");
        if (digits != null) {
            form.put("Digits", digits);
            form.put("FinishedOnKey", "#");
        }
        return form;
    }

    TwimlAnswer post(Map<String, String> form, Integer step) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return raw(
                step == null ? WEBHOOK : WEBHOOK + "?step=" + step,
                "application/x-www-form-urlencoded",
                body.toString());
    }

    TwimlAnswer raw(String path, String contentType, String body) {
        ApiResponse response = api.postRaw(path, null, contentType, body).expect(200);
        assertTrue(response.contentType().startsWith("text/xml"), response.describe());
        return TwimlAnswer.parse(response.body());
    }

    static void assertSaid(TwimlAnswer answer, String expected) {
        assertTrue(answer.text().contains(expected), "expected \"" + expected + "\" in: " + answer.text());
    }

    static void assertAllIn(TwimlAnswer answer, String language) {
        answer.languages().forEach(l -> assertEquals(language, l, answer.xml()));
    }

    static String spelled(String ccrn) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(i == 0 ? "" : i % 4 == 0 ? ", " : " ").append(ccrn.charAt(i));
        }
        return out.toString();
    }

    /**
     * What the audit trail (GET /api/v1/audit, as the administrator) holds for one call: its
     * IVRS_STEP entries' details, oldest first.
     */
    List<String> trail(String sid) {
        JsonArray entries = api.get("/api/v1/audit?limit=500", engine.adminToken())
                .expect(200)
                .json()
                .getJsonArray("entries");
        List<String> details = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonObject e = entries.getJsonObject(i);
            if ("IVRS_STEP".equals(e.getString("action")) && sid.equals(e.getString("subject"))) {
                details.add(e.getString("detail"));
            }
        }
        return details;
    }

    String bundleIdOf(Setup s, String ccrn) {
        return api.consignment(s.shipper().token(), ccrn).getString("bundleId");
    }

    /** Logs in and chooses the first vehicle and the direction, leaving the caller at the bundle/unbundle menu. */
    Call toMenu(Setup s, String languageKey, String directionKey) {
        Call call = new Call();
        TwimlAnswer greeting = call.start();
        assertTrue(greeting.languages().containsAll(List.of("en-GB", "zh-HK")), greeting.xml());
        assertEquals("1", greeting.gather().getAttribute("numDigits"));
        call.key(languageKey);
        TwimlAnswer pin = call.key(s.number());
        assertEquals("#", pin.gather().getAttribute("finishOnKey"));
        TwimlAnswer vehicles = call.key(PIN);
        assertSaid(vehicles, s.spelledMark());
        call.key("1");
        call.key(directionKey);
        return call;
    }
}
