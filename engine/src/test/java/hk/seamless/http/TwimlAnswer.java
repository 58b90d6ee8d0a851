package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** One answer of the IVRS webhook as a voice platform reads it: what is said, what is gathered, hang-up. */
record TwimlAnswer(String xml, List<String> languages, List<String> says, Element gather, boolean hangup) {
    String text() {
        return String.join(" ", says);
    }

    Integer step() {
        if (gather == null) {
            return null;
        }
        String action = gather.getAttribute("action");
        return Integer.valueOf(action.substring(action.indexOf("step=") + 5));
    }

    /** Reads a webhook answer, failing the test unless it is TwiML with either a gather or a hang-up. */
    static TwimlAnswer parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc =
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Element response = doc.getDocumentElement();
            assertEquals("Response", response.getTagName(), xml);
            List<String> languages = new ArrayList<>();
            List<String> says = new ArrayList<>();
            Element gather = null;
            boolean hangup = false;
            for (Node n = response.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) {
                    continue;
                }
                switch (e.getTagName()) {
                    case "Say" -> {
                        languages.add(e.getAttribute("language"));
                        says.add(e.getTextContent());
                    }
                    case "Gather" -> {
                        gather = e;
                        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                            if (c instanceof Element say && say.getTagName().equals("Say")) {
                                languages.add(say.getAttribute("language"));
                                says.add(say.getTextContent());
                            }
                        }
                    }
                    case "Hangup" -> hangup = true;
                    default -> throw new AssertionError("unexpected verb " + e.getTagName() + " in " + xml);
                }
            }
            assertTrue(gather != null ^ hangup, "either a gather or a hang-up: " + xml);
            assertFalse(says.isEmpty(), xml);
            return new TwimlAnswer(xml, languages, says, gather, hangup);
        } catch (Exception e) {
            throw new AssertionError("not TwiML: " + xml, e);
        }
    }
}
