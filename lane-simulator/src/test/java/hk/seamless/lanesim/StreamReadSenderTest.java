package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The sender reads only the kinds it acts on, and skips parsing the rest. */
class StreamReadSenderTest {

    @Test
    void errorsAndAcceptancesAreToldApartWhereverTheKindStandsInTheMessage() {
        assertEquals("error", StreamReadSender.kind("{\"kind\":\"error\",\"title\":\"Bad read\"}"));
        assertEquals("error", StreamReadSender.kind("{\"title\":\"Bad read\",\"kind\" : \"error\"}"));
        assertEquals("accepted", StreamReadSender.kind("{\"arrivalId\":\"A-1\",\"kind\":\"accepted\"}"));
    }

    @Test
    void aMessageThatOnlyMentionsTheWordsIsNeither() {
        // A decision whose vehicle or reason text happens to quote the words is parsed, and is still a decision.
        assertEquals(
                "decision",
                StreamReadSender.kind("{\"kind\":\"decision\",\"display\":\"error\",\"note\":\"accepted\"}"));
        assertNull(StreamReadSender.kind("{\"kind\":\"decision\",\"decision\":\"RELEASE\",\"reasons\":[]}"));
        assertNull(StreamReadSender.kind("{\"kind\":\"state\",\"gate\":\"OPENED\"}"));
        assertNull(StreamReadSender.kind("{\"title\":\"error\"}"));
    }
}
