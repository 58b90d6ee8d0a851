package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bundling and unbundling by phone against a real engine, in English and in Cantonese: what the
 * caller hears, what the registry then holds (read through the trade API) and what the audit trail
 * keeps of the call.
 */
class IvrsBundlingCallTest extends IvrsCallHarness {

    @Test
    void englishCallBundlesTwoCcrnsAndALaterCallUnbundlesThem() {
        Setup s = setUp();
        String a = lodge(s, "IMPORT");
        String b = lodge(s, "IMPORT");
        String otherMark = api.newVehicle(s.trucker().token());
        List<String> marks = new ArrayList<>(List.of(s.mark(), otherMark));
        marks.sort(READING_ORDER);

        Call call = new Call();
        TwimlAnswer greeting = call.start();
        assertEquals("1", greeting.gather().getAttribute("numDigits"));
        assertTrue(greeting.languages().containsAll(List.of("en-GB", "zh-HK")), greeting.xml());
        TwimlAnswer account = call.key("1");
        assertAllIn(account, "en-GB");
        assertSaid(account, "8 digit phone account number");
        TwimlAnswer pin = call.key(s.number());
        assertSaid(pin, "PIN");
        assertEquals("#", pin.gather().getAttribute("finishOnKey"));
        TwimlAnswer vehicles = call.key(PIN);
        assertEquals(
                List.of(
                        "For " + spelledMark(marks.get(0)) + ", press 1.",
                        "For " + spelledMark(marks.get(1)) + ", press 2."),
                vehicles.says());
        assertSaid(call.key(String.valueOf(marks.indexOf(s.mark()) + 1)), "For import into Hong Kong, press 1");
        assertSaid(call.key("1"), s.spelledMark() + ", import. To bundle consignments, press 1.");
        TwimlAnswer first = call.key("1");
        assertAllIn(first, "en-GB");
        assertSaid(first, "16 digit C C R N");
        assertEquals("17", first.gather().getAttribute("numDigits"));
        assertTrue(call.key(a).text().startsWith("Accepted: " + spelled(a) + "."), call.last.text());
        TwimlAnswer wrong = call.key(TradeApiClient.wrongCheckDigit(b));
        assertTrue(
                wrong.text().startsWith("The check digit is wrong: that number was mistyped. Please key it again."),
                wrong.text());
        assertSaid(call.key(b.substring(0, 12)), "you keyed 12");
        assertTrue(call.key(b + "#").text().startsWith("Accepted: " + spelled(b) + "."), call.last.text());
        assertEquals(
                "Bundle 2 consignments to " + s.spelledMark() + " for import? To confirm, press 1. To cancel, press 2.",
                call.key("*").text());
        TwimlAnswer done = call.key("1");
        assertTrue(done.hangup(), done.xml());
        assertEquals(
                "Done. 2 consignments are bundled to " + s.spelledMark() + " for import. The earliest crossing time is "
                        + "10:30 am on Tuesday 17 November, Hong Kong time. Goodbye.",
                done.text());

        // The bundle is one the API would have made: compare with one made through it, at the same instant.
        String id = bundleIdOf(s, a);
        assertNotNull(id);
        assertEquals(id, bundleIdOf(s, b));
        JsonObject byPhone = api.get("/api/v1/bundles/" + id, s.trucker().token())
                .expect(200)
                .json();
        JsonObject byApi = api.bundle(s.trucker().token(), otherMark, "IMPORT", lodge(s, "IMPORT"), lodge(s, "IMPORT"));
        assertEquals(new JsonArray(List.of(a, b)), byPhone.getJsonArray("ccrns"));
        assertEquals(s.mark(), byPhone.getString("vehicleMark"));
        assertEquals(byApi.fieldNames(), byPhone.fieldNames());
        for (String field : List.of("status", "direction", "empty", "bundledAt", "earliestCrossingAt")) {
            assertEquals(byApi.getValue(field), byPhone.getValue(field), field);
        }
        assertEquals("BUNDLED", api.consignment(s.shipper().token(), a).getString("status"));

        // Every request of the call is journalled under its CallSid, the bundle named; never the PIN.
        List<String> journal = trail(call.sid);
        assertEquals(13, journal.size(), journal.toString());
        assertTrue(journal.stream().noneMatch(line -> line.contains(PIN)), journal.toString());
        assertTrue(journal.stream().anyMatch(line -> line.startsWith("CONFIRM bundled " + id)), journal.toString());

        // A later call unbundles it.
        clock.advance(Duration.ofMinutes(5));
        Call later = toMenu(s, "1", "1");
        assertSaid(
                later.key("2"),
                s.spelledMark() + " has an active bundle for import with 2 consignments. To unbundle it, press 1.");
        TwimlAnswer unbundled = later.key("1");
        assertTrue(unbundled.hangup());
        assertEquals(
                "Done. The bundle is cancelled, and its 2 consignments are lodged again. Goodbye.", unbundled.text());
        JsonObject ended = api.get("/api/v1/bundles/" + id, s.trucker().token())
                .expect(200)
                .json();
        assertEquals("UNBUNDLED", ended.getString("status"));
        assertEquals("LODGED", api.consignment(s.shipper().token(), a).getString("status"));
        assertEquals("LODGED", api.consignment(s.shipper().token(), b).getString("status"));
        // And the vehicle may be bundled again through the API.
        api.bundle(s.trucker().token(), s.mark(), "IMPORT", a, b);
    }

    @Test
    void cantoneseCallBundlesAndUnbundlesForExport() {
        Setup s = setUp();
        String a = lodge(s, "EXPORT");
        String b = lodge(s, "EXPORT");
        Call call = new Call();
        call.start();
        call.key("2");
        call.key(s.number());
        TwimlAnswer vehicles = call.key(PIN);
        assertAllIn(vehicles, "zh-HK");
        assertEquals(List.of(s.spelledMark() + "，請按1。"), vehicles.says());
        assertSaid(call.key("1"), "進口香港，請按1");
        TwimlAnswer menu = call.key("2");
        assertAllIn(menu, "zh-HK");
        assertTrue(menu.text().startsWith(s.spelledMark() + "，出口。綑綁貨物，請按1。"), menu.text());
        assertSaid(call.key("1"), "請輸入16位數字嘅海關貨物參考編號");
        assertTrue(call.key(a).text().startsWith("已經接受：" + spelled(a) + "。"), call.last.text());
        TwimlAnswer wrong = call.key(TradeApiClient.wrongCheckDigit(b) + "#");
        assertTrue(wrong.text().startsWith("檢查號碼唔啱"), wrong.text());
        assertAllIn(wrong, "zh-HK");
        assertSaid(call.key(b + "#"), "已經接受：" + spelled(b) + "。");
        assertTrue(call.key("*").text().startsWith("將2批貨物綑綁到" + s.spelledMark() + "，出口。確認，請按1。"), call.last.text());
        TwimlAnswer done = call.key("1");
        assertTrue(done.hangup());
        assertAllIn(done, "zh-HK");
        assertEquals("完成。2批貨物已經綑綁到" + s.spelledMark() + "，出口。最早過境時間係香港時間11月17日（星期二）上午10時30分。再見。", done.text());
        String id = bundleIdOf(s, a);
        JsonObject bundle = api.get("/api/v1/bundles/" + id, s.trucker().token())
                .expect(200)
                .json();
        assertEquals("ACTIVE", bundle.getString("status"));
        assertEquals("EXPORT", bundle.getString("direction"));
        assertEquals(new JsonArray(List.of(a, b)), bundle.getJsonArray("ccrns"));

        // Later, a second call unbundles it.
        clock.advance(Duration.ofMinutes(5));
        Call later = toMenu(s, "2", "2");
        assertEquals(
                s.spelledMark() + "有一個出口嘅有效綑綁，有2批貨物。取消綑綁，請按1。保留，請按2。",
                later.key("2").text());
        TwimlAnswer unbundled = later.key("1");
        assertTrue(unbundled.hangup());
        assertEquals("完成。綑綁已經取消，2批貨物已經恢復為已遞交。再見。", unbundled.text());
        assertEquals(
                "UNBUNDLED",
                api.get("/api/v1/bundles/" + id, s.trucker().token())
                        .expect(200)
                        .json()
                        .getString("status"));
        assertEquals("LODGED", api.consignment(s.shipper().token(), a).getString("status"));
        assertEquals("LODGED", api.consignment(s.shipper().token(), b).getString("status"));
    }

    @Test
    void unbundleWithoutAnActiveBundleSaysSoAndReturnsToTheMenu() {
        Setup s = setUp();
        // An active bundle for the other direction, which the caller's import menu must not offer or touch.
        String export = lodge(s, "EXPORT");
        String id = api.bundle(s.trucker().token(), s.mark(), "EXPORT", export).getString("bundleId");
        Call call = toMenu(s, "1", "1");
        TwimlAnswer none = call.key("2");
        assertNotNull(none.gather(), none.xml());
        assertTrue(
                none.text()
                        .startsWith(s.spelledMark() + " has no active bundle for import. " + s.spelledMark()
                                + ", import. To bundle"),
                none.text());
        assertSaid(call.key("1"), "16 digit C C R N");
        assertEquals(
                "ACTIVE",
                api.get("/api/v1/bundles/" + id, s.trucker().token())
                        .expect(200)
                        .json()
                        .getString("status"));
        assertEquals("BUNDLED", api.consignment(s.shipper().token(), export).getString("status"));
    }

    @Test
    void moreThanNineVehiclesArePaged() {
        Setup s = setUp();
        List<String> marks = new ArrayList<>(List.of(s.mark()));
        for (int i = 0; i < 10; i++) {
            marks.add(api.newVehicle(s.trucker().token()));
        }
        marks.sort(READING_ORDER);
        Call call = new Call();
        call.start();
        call.key("1");
        call.key(s.number());
        TwimlAnswer page1 = call.key(PIN);
        assertEquals(10, page1.says().size(), page1.text());
        for (int i = 0; i < 9; i++) {
            assertEquals(
                    "For " + spelledMark(marks.get(i)) + ", press " + (i + 1) + ".",
                    page1.says().get(i));
        }
        assertEquals("For more vehicles, press 0.", page1.says().get(9));
        TwimlAnswer page2 = call.key("0");
        assertEquals(
                List.of(
                        "For " + spelledMark(marks.get(9)) + ", press 1.",
                        "For " + spelledMark(marks.get(10)) + ", press 2.",
                        "For more vehicles, press 0."),
                page2.says());
        assertTrue(call.key("3").text().startsWith("That is not one of the choices"), call.last.text());
        assertSaid(call.key("2"), "For import into Hong Kong, press 1");
        List<String> journal = trail(call.sid);
        assertTrue(journal.contains("VEHICLE " + marks.get(10)), journal.toString());
        // The eleventh vehicle is the one bundled.
        String ccrn = lodge(s, "IMPORT");
        call.key("1");
        call.key("1");
        call.key(ccrn + "*");
        assertTrue(call.key("1").hangup(), call.last.xml());
        assertEquals(
                marks.get(10),
                api.get("/api/v1/bundles/" + bundleIdOf(s, ccrn), s.trucker().token())
                        .expect(200)
                        .json()
                        .getString("vehicleMark"));
        Set<String> said = new HashSet<>(page1.says());
        said.addAll(page2.says());
        assertEquals(12, said.size(), said.toString());
    }

    @Test
    void theRulesRefusalsAreSpoken() {
        Setup s = setUp();
        String export = lodge(s, "EXPORT");
        String unknown = TradeApiClient.unknownCcrn();
        Call call = toMenu(s, "1", "1");
        call.key("1");
        call.key(export);
        call.key(unknown);
        call.key("*");
        TwimlAnswer refused = call.key("1");
        assertNotNull(refused.gather());
        assertSaid(refused, "Consignment " + spelled(export) + " is lodged for export, not import.");
        assertSaid(refused, "No consignment has C C R N " + spelled(unknown) + ".");
        assertSaid(refused, "Nothing was bundled. " + s.spelledMark() + ", import. To bundle");
        assertNull(bundleIdOf(s, export));

        // One active bundle per vehicle and direction: the second is refused with the reason.
        String a = lodge(s, "IMPORT");
        String b = lodge(s, "IMPORT");
        api.bundle(s.trucker().token(), s.mark(), "IMPORT", a);
        call.key("1");
        call.key(b + "*");
        assertSaid(call.key("1"), s.spelledMark() + " already has an active bundle for import. Unbundle it first.");
    }

    @Test
    void refusalsOfAConsignmentNotLodgedAndOfTooManyFailuresAreSpoken() {
        Setup s = setUp();
        String taken = lodge(s, "IMPORT");
        String otherMark = api.newVehicle(s.trucker().token());
        api.bundle(s.trucker().token(), otherMark, "IMPORT", taken);
        String export = lodge(s, "EXPORT");
        Call call = toMenu(s, "1", "1");
        call.key("1");
        call.key(taken);
        call.key(export + "*");
        TwimlAnswer refused = call.key("1");
        assertNotNull(refused.gather(), refused.xml());
        assertTrue(
                refused.text()
                        .startsWith("Consignment " + spelled(taken) + " is bundled, not lodged. Consignment "
                                + spelled(export) + " is lodged for export, not import. Nothing was bundled. "
                                + s.spelledMark() + ", import."),
                refused.text());
        assertNull(bundleIdOf(s, export));

        // Failed attempts through the API count too: at the limit, the phone's next attempt ends the call.
        for (int i = 1; i < 10; i++) {
            api.bundleRaw(s.trucker().token(), s.mark(), "IMPORT", TradeApiClient.unknownCcrn())
                    .expect(422);
        }
        String good = lodge(s, "IMPORT");
        call.key("1");
        call.key(good + "*");
        TwimlAnswer limited = call.key("1");
        assertTrue(limited.hangup(), limited.xml());
        assertSaid(limited, "too many failed bundling attempts");
        assertNull(bundleIdOf(s, good));
        assertEquals("LODGED", api.consignment(s.shipper().token(), good).getString("status"));
    }
}
