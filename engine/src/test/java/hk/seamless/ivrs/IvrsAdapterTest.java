package hk.seamless.ivrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.rules.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TwiML adapter, the PIN rules and the spoken forms. */
class IvrsAdapterTest {

    @Test
    void rendersAGatherWithItsPromptInside() {
        CallAnswer answer = new CallAnswer(
                List.of(
                        new Speech(Language.ENGLISH, "Press 1 <now> & \"then\" 'wait'\u0001"),
                        new Speech(Language.CANTONESE, "請按1。")),
                Gather.CCRN,
                false,
                7);
        String xml = Twiml.render(answer);
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Gather input=\"dtmf\" numDigits=\"17\" "
                        + "finishOnKey=\"#\" timeout=\"20\" action=\"calls?step=7\" method=\"POST\" actionOnEmptyResult=\"true\">"
                        + "<Say language=\"en-GB\">Press 1 &lt;now&gt; &amp; &quot;then&quot; &apos;wait&apos;</Say>"
                        + "<Say language=\"zh-HK\">請按1。</Say></Gather></Response>\n",
                xml);
    }

    @Test
    void rendersAHangUp() {
        String xml = Twiml.render(CallAnswer.sorry());
        assertTrue(xml.contains("<Say language=\"en-GB\">Sorry"), xml);
        assertTrue(xml.contains("<Say language=\"zh-HK\">對唔住"), xml);
        assertTrue(xml.endsWith("<Hangup/></Response>\n"));
        assertFalse(xml.contains("<Gather"));
    }

    @Test
    void readsTwilioFormsAndIgnoresUnknownFields() {
        Map<String, String> form = Twiml.parseForm("AccountSid=AC1&CallSid=CA%2F1&From=%2B85291234567&To=%2B85230000000"
                + "&CallStatus=in-progress&Digits=123%23&FinishedOnKey=%23&Whatever=x&Digits=999&flag");
        CallRequest request = Twiml.request(form, "12");
        assertEquals("CA/1", request.callSid());
        assertEquals("+85291234567", request.from());
        assertEquals("123#", request.digits());
        assertEquals(12, request.step());
        assertFalse(request.ended());
        assertTrue(Twiml.request(Map.of("CallSid", "CA1", "CallStatus", "completed"), null)
                .ended());
        assertNull(Twiml.request(Map.of("CallSid", " "), "x").callSid());
        assertNull(Twiml.request(Map.of(), "99999999999").step());
        assertThrows(IllegalArgumentException.class, () -> Twiml.parseForm("CallSid=%zz"));
        assertEquals("1", IvrsCalls.keys(" 1## "));
        assertNull(IvrsCalls.keys("#"));
    }

    @Test
    void pinRules() {
        for (String good : List.of("204817", "1357911", "20481730", "123457")) {
            assertEquals(good, IvrsPins.checkPin(good));
        }
        for (Object bad : new Object[] {
            null,
            204817,
            "12345",
            "123456789",
            "20481a",
            "111111",
            "123456",
            "654321",
            "890123",
            "3210987",
            "12345678",
            " 204817"
        }) {
            InvalidInputException e =
                    assertThrows(InvalidInputException.class, () -> IvrsPins.checkPin(bad), String.valueOf(bad));
            assertEquals("pin", e.errors().get(0).field());
        }
    }

    @Test
    void spokenForms() {
        assertEquals("F U 1 2 3 4", Phrases.spellMark("FU 1234"));
        assertEquals("2 6 1 2, 3 4 5 6, 7 8 9 0, 1 2 3 4", Phrases.spellCcrn("2612345678901234"));
        Instant evening = Instant.parse("2026-11-17T11:05:00Z"); // 19:05 in Hong Kong
        assertEquals("7:05 pm on Tuesday 17 November", Phrases.ENGLISH.time(evening));
        assertEquals("11月17日（星期二）晚上7時05分", Phrases.CANTONESE.time(evening));
        assertEquals("11月18日（星期三）凌晨12時00分", Phrases.CANTONESE.time(Instant.parse("2026-11-17T16:00:00Z")));
    }
}
