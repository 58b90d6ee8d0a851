package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signing in by phone against a real engine: the keypad PIN a trucker sets, wrong PINs in a call and
 * across calls, and the lock-out; a PIN is never written anywhere.
 */
class IvrsSignInCallTest extends IvrsCallHarness {

    @Test
    void settingThePinChecksItAndKeepsTheNumber() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String path = "/api/v1/accounts/me/ivrs-pin";
        for (Object bad : new Object[] {"12345", "123456789", "111111", "123456", "876543", "12a456", 123456}) {
            api.put(path, trucker.token(), new JsonObject().put("pin", bad)).problemNaming(400, "pin");
        }
        api.put(path, trucker.token(), new JsonObject()).problemNaming(400, "pin");
        api.put(path, trucker.token(), new JsonObject().put("pin", PIN).put("extra", 1))
                .problemNaming(400, "extra");
        api.put(path, api.newAccount("SHIPPER").token(), new JsonObject().put("pin", PIN))
                .problem(403);
        api.put(path, null, new JsonObject().put("pin", PIN)).problem(401);
        String number = api.put(path, trucker.token(), new JsonObject().put("pin", PIN))
                .expect(200)
                .json()
                .getString("ivrsAccountNumber");
        assertEquals(
                number,
                api.put(path, trucker.token(), new JsonObject().put("pin", "20481730"))
                        .expect(200)
                        .json()
                        .getString("ivrsAccountNumber"));
        assertFalse(api.put(path, trucker.token(), new JsonObject().put("pin", "20481730"))
                .body()
                .contains("20481730"));
    }

    @Test
    void fiveWrongPinsLockPhoneAccessForFifteenMinutes() {
        Setup s = setUp();
        Call first = new Call();
        first.start();
        first.key("1");
        for (String wrong : List.of("111222", "111333")) {
            first.key(s.number());
            assertSaid(first.key(wrong), "The account number or the PIN is not correct.");
        }
        first.key(s.number());
        TwimlAnswer ended = first.key("111444");
        assertTrue(ended.hangup());
        assertSaid(ended, "Too many wrong attempts in this call. Goodbye.");

        Call second = new Call();
        second.start();
        second.key("2");
        second.key(s.number());
        assertSaid(second.key("111555"), "戶口號碼或者密碼唔正確。");
        second.key(s.number());
        TwimlAnswer locked = second.key("111666");
        assertTrue(locked.hangup());
        assertSaid(locked, "電話服務已經暫停。請喺香港時間11月17日（星期二）上午10時15分之後再打嚟。");

        // Even the right PIN is refused while locked.
        Call third = new Call();
        third.start();
        third.key("1");
        third.key(s.number());
        TwimlAnswer stillLocked = third.key(PIN);
        assertTrue(stillLocked.hangup());
        assertSaid(
                stillLocked,
                "phone access is locked. Please call again after 10:15 am on Tuesday 17 November, Hong Kong time.");

        clock.advance(Duration.ofMinutes(15));
        Call fourth = new Call();
        fourth.start();
        fourth.key("1");
        fourth.key(s.number());
        TwimlAnswer vehicles = fourth.key(PIN);
        assertNotNull(vehicles.gather(), vehicles.xml());
        assertSaid(vehicles, "For " + s.spelledMark() + ", press 1.");
    }

    @Test
    void aPinKeyedAgainAtTheAccountPromptIsNeverWritten() throws Exception {
        // Told "the account number or the PIN is not correct", a caller may key the PIN at the next prompt,
        // which asks for the 8-digit account number; an 8-digit PIN fits it.
        Setup s = setUp();
        String pin = "73920418";
        api.put("/api/v1/accounts/me/ivrs-pin", s.trucker().token(), new JsonObject().put("pin", pin))
                .expect(200);
        Call call = new Call();
        call.start();
        call.key("1");
        call.key(s.number());
        assertSaid(call.key("7392041"), "The account number or the PIN is not correct.");
        call.key(pin);
        assertSaid(call.key(pin), "The account number or the PIN is not correct.");

        String trail = api.get("/api/v1/audit?limit=500", engine.adminToken())
                .expect(200)
                .body();
        assertTrue(trail.contains("IVRS_STEP"), trail);
        assertTrue(trail.contains("wrong for account " + s.trucker().id()), trail);
        assertFalse(trail.contains(pin), "the PIN is in the audit trail");
        try (var files = java.nio.file.Files.walk(dataDir)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String bytes = new String(
                        java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(pin), "the PIN is written in " + file);
            }
        }
    }

    @Test
    void anUnknownNumberIsLockedAtTheSameAttemptAsAnAccount() {
        // Otherwise the lock tells a caller which 8-digit numbers are accounts.
        String unknown = "10000007";
        Call first = new Call();
        first.start();
        first.key("1");
        for (String wrong : List.of("111222", "111333")) {
            first.key(unknown);
            assertSaid(first.key(wrong), "The account number or the PIN is not correct.");
        }
        first.key(unknown);
        assertSaid(first.key("111444"), "Too many wrong attempts in this call. Goodbye.");
        Call second = new Call();
        second.start();
        second.key("1");
        second.key(unknown);
        assertSaid(second.key("111555"), "The account number or the PIN is not correct.");
        second.key(unknown);
        TwimlAnswer locked = second.key("111666");
        assertTrue(locked.hangup());
        assertSaid(
                locked,
                "phone access is locked. Please call again after 10:15 am on Tuesday 17 November, Hong Kong time.");
    }

    @Test
    void anUnknownAccountNumberIsJustAWrongPin() {
        Call call = new Call();
        call.start();
        call.key("1");
        call.key("10000000");
        assertSaid(call.key(PIN), "The account number or the PIN is not correct.");
    }

    @Test
    void aPinOfTheWrongShapeCountsInTheCallButNotTowardsTheLock() {
        Setup s = setUp();
        Call first = new Call();
        first.start();
        first.key("1");
        first.key(s.number());
        TwimlAnswer wrong = first.key("111222");
        assertTrue(
                wrong.text().startsWith("The account number or the PIN is not correct. Please key your 8 digit"),
                wrong.text());
        first.key(s.number());
        assertSaid(first.key("12345"), "The account number or the PIN is not correct.");
        first.key(s.number());
        TwimlAnswer ended = first.key("111333");
        assertTrue(ended.hangup(), ended.xml());
        assertSaid(ended, "Too many wrong attempts in this call. Goodbye.");

        Call second = new Call();
        second.start();
        second.key("2");
        second.key(s.number());
        second.key("111444");
        second.key(s.number());
        // The fourth PIN checked for the account: had the one of the wrong shape been counted, this fifth
        // wrong PIN keyed would lock it.
        TwimlAnswer notYet = second.key("111555");
        assertNotNull(notYet.gather(), notYet.xml());
        assertSaid(notYet, "戶口號碼或者密碼唔正確。");
        second.key(s.number());
        TwimlAnswer locked = second.key("111666");
        assertTrue(locked.hangup(), locked.xml());
        assertEquals("呢個戶口輸入錯誤密碼太多次，電話服務已經暫停。請喺香港時間11月17日（星期二）上午10時15分之後再打嚟。再見。", locked.text());

        List<String> journal = new ArrayList<>(trail(first.sid));
        journal.addAll(trail(second.sid));
        assertTrue(journal.stream().anyMatch(l -> l.contains("wrong shape, not checked")), journal.toString());
        for (String pin : List.of("111222", "111333", "111444", "111555", "111666")) {
            assertTrue(journal.stream().noneMatch(l -> l.contains(pin)), pin + " is in the journal: " + journal);
        }
    }
}
