package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal phone against a scripted webhook: what it prints and what it posts. */
class PhoneCallTest {

    private static final String GATHER =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Gather input=\"dtmf\" numDigits=\"%d\" "
                    + "finishOnKey=\"#\" timeout=\"8\" action=\"calls?step=%d\" method=\"POST\" actionOnEmptyResult=\"true\">"
                    + "<Say language=\"en-GB\">Press &amp; hold</Say><Say language=\"zh-HK\">請按1。</Say></Gather></Response>";

    @Test
    void playsGathersUntilTheHangUp() throws Exception {
        List<String> posts = new ArrayList<>();
        List<String> answers = new ArrayList<>(List.of(
                GATHER.formatted(1, 1),
                GATHER.formatted(8, 2),
                GATHER.formatted(8, 3),
                "<Response><Say language=\"en-GB\">Goodbye.</Say><Hangup/></Response>"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PhoneCall call = new PhoneCall(
                (path, form) -> {
                    posts.add(path + " " + form);
                    return new EngineClient.Answer(200, answers.remove(0));
                },
                new BufferedReader(new StringReader("1\n123456#99\n\n")),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                true,
                "CA1",
                "+85291234567",
                "+85230001234");
        assertEquals(0, call.play("/ivrs/v1/calls"));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("[en-GB] Press & hold"), out);
        assertTrue(out.contains("[zh-HK] 請按1。"), out);
        assertTrue(out.contains("[en-GB] Goodbye.\n(the line hangs up)"), out);
        assertEquals(4, posts.size());
        assertTrue(posts.get(0).startsWith("/ivrs/v1/calls AccountSid="), posts.get(0));
        assertTrue(!posts.get(0).contains("Digits"));
        assertTrue(
                posts.get(1).startsWith("/ivrs/v1/calls?step=1 ")
                        && posts.get(1).endsWith("&Digits=1"),
                posts.get(1));
        assertTrue(
                posts.get(2).startsWith("/ivrs/v1/calls?step=2 ")
                        && posts.get(2).endsWith("&Digits=123456"),
                posts.get(2));
        assertTrue(
                posts.get(3).startsWith("/ivrs/v1/calls?step=3 ")
                        && !posts.get(3).contains("Digits"),
                posts.get(3));
    }

    @Test
    void endOfInputHangsUp() throws Exception {
        List<String> posts = new ArrayList<>();
        PhoneCall call = new PhoneCall(
                (path, form) -> {
                    posts.add(form);
                    return new EngineClient.Answer(200, GATHER.formatted(1, 1));
                },
                new BufferedReader(new StringReader("")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false,
                "CA2",
                "+85291234567",
                "+85230001234");
        assertEquals(0, call.play("/ivrs/v1/calls"));
        assertTrue(posts.get(1).contains("CallStatus=completed"), posts.toString());
    }

    @Test
    void aServerErrorIsReported() throws Exception {
        PhoneCall call = new PhoneCall(
                (path, form) -> new EngineClient.Answer(500, "{}"),
                new BufferedReader(new StringReader("")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false,
                "CA3",
                "+85291234567",
                "+85230001234");
        assertEquals(1, call.play("/ivrs/v1/calls"));
    }

    @Test
    void actionsResolveOnTheTarget() {
        assertEquals("/ivrs/v1/calls?step=4", PhoneCall.resolve("/ivrs/v1/calls", "calls?step=4"));
        assertEquals("/ivrs/v1/calls?step=5", PhoneCall.resolve("/ivrs/v1/calls?step=4", "calls?step=5"));
        assertEquals("/x", PhoneCall.resolve("/ivrs/v1/calls", "http://elsewhere.example/x"));
    }
}
