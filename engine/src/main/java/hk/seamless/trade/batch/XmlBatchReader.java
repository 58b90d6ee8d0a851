package hk.seamless.trade.batch;

import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML batch file: {@code <consignments>} holding {@code <consignment>} elements whose
 * children mirror the JSON body. Elements are matched by local name, so the optional namespace
 * {@value #NAMESPACE} (or none) both work. See {@code batch/README.md} and
 * {@code batch/consignments.xsd}.
 */
public final class XmlBatchReader implements BatchReader {

    /** The namespace of {@code batch/consignments.xsd}; optional in files read here. */
    public static final String NAMESPACE = "urn:seamless:consignments:1";

    private final int maxRows;

    /** @param maxRows the most consignments a file may hold; more is a {@link BatchFormatException} */
    public XmlBatchReader(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    @Override
    public List<BatchRow> read(byte[] file) {
        XMLStreamReader xml = null;
        try {
            // Decoded here rather than by the parser: batch files are UTF-8 whatever the XML
            // declaration says, bad bytes get the same message as in CSV, and the JDK parser would
            // also print encoding errors to stderr.
            String text = Utf8.decode(file, "batch XML files must be saved as UTF-8");
            xml = secureFactory().createXMLStreamReader(new StringReader(text));
            return readDocument(xml);
        } catch (XMLStreamException e) {
            throw new BatchFormatException("file", "file is not well-formed XML: " + describe(e), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release: the input is an in-memory array
                }
            }
        }
    }

    /**
     * Uploaded files are untrusted: no DTDs means no XXE (file or network reads) and no entity
     * expansion bombs. The JDK's own StAX implementation is asked for explicitly so that another
     * StAX provider on the engine's classpath cannot change these guarantees. A new factory per
     * read because factories are not documented as thread-safe.
     */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private List<BatchRow> readDocument(XMLStreamReader xml) throws XMLStreamException {
        int event = nextSignificant(xml);
        if (event != XMLStreamConstants.START_ELEMENT) {
            throw new BatchFormatException("file", "file has no root element; expected <consignments>");
        }
        if (!"consignments".equals(xml.getLocalName())) {
            throw new BatchFormatException(
                    "file", "root element must be <consignments>, found <" + xml.getLocalName() + ">");
        }
        List<BatchRow> rows = new ArrayList<>();
        while ((event = nextSignificant(xml)) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue; // stray text directly in <consignments> carries no data
            }
            if (!"consignment".equals(xml.getLocalName())) {
                // A whole-file error: a misspelt <consigment> would otherwise drop a consignment silently.
                throw new BatchFormatException(
                        "file",
                        "unexpected element <" + xml.getLocalName() + "> inside <consignments> at line "
                                + xml.getLocation().getLineNumber() + "; only <consignment> elements are allowed");
            }
            int rowNumber = rows.size() + 1;
            if (rowNumber > maxRows) {
                throw new BatchFormatException("file", "file has more than " + maxRows + " rows");
            }
            rows.add(readConsignment(xml, rowNumber));
        }
        // Read to the end so junk after the root element is reported as malformed, not ignored.
        while (nextSignificant(xml) != XMLStreamConstants.END_DOCUMENT) {
            // only comments, whitespace and processing instructions can legally follow; the parser
            // throws on anything else
        }
        return rows;
    }

    /** Reads one {@code <consignment>}; the reader is on its start tag and ends on its end tag. */
    private static BatchRow readConsignment(XMLStreamReader xml, int rowNumber) throws XMLStreamException {
        JsonObject body = new JsonObject();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int event;
        while ((event = nextSignificant(xml)) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                problems.add("unexpected text inside <consignment>");
                continue;
            }
            String name = xml.getLocalName();
            if (!seen.add(name)) {
                problems.add("element <" + name + "> appears more than once");
                skipElement(xml);
            } else if (ConsignmentField.isGroup(name)) {
                readGroup(xml, name, body, problems);
            } else {
                ConsignmentField field = ConsignmentField.find(null, name);
                if (field == null) {
                    problems.add("unknown element <" + name + "> in <consignment>; expected one of: "
                            + String.join(", ", ConsignmentField.childNames(null)));
                    skipElement(xml);
                } else {
                    readLeaf(xml, field, body, problems);
                }
            }
        }
        return problems.isEmpty() ? BatchRow.ok(rowNumber, body) : BatchRow.problems(rowNumber, dedupe(problems));
    }

    /** Reads e.g. {@code <consignor>}: only known child elements, each holding text. */
    private static void readGroup(XMLStreamReader xml, String group, JsonObject body, List<String> problems)
            throws XMLStreamException {
        Set<String> seen = new HashSet<>();
        int event;
        while ((event = nextSignificant(xml)) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                problems.add("unexpected text inside <" + group + ">; it must contain the elements "
                        + String.join(", ", ConsignmentField.childNames(group)));
                continue;
            }
            String name = xml.getLocalName();
            ConsignmentField field = ConsignmentField.find(group, name);
            if (field == null) {
                problems.add("unknown element <" + name + "> in <" + group + ">; expected one of: "
                        + String.join(", ", ConsignmentField.childNames(group)));
                skipElement(xml);
            } else if (!seen.add(name)) {
                problems.add("element <" + name + "> appears more than once in <" + group + ">");
                skipElement(xml);
            } else {
                readLeaf(xml, field, body, problems);
            }
        }
    }

    /** Reads a text-only element; the reader is on its start tag and ends on its end tag. */
    private static void readLeaf(XMLStreamReader xml, ConsignmentField field, JsonObject body, List<String> problems)
            throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    text.append(xml.getText());
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    problems.add("element <" + xml.getLocalName() + "> is not allowed inside <" + field.leaf()
                            + ">, which must contain only text");
                    skipElement(xml);
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    field.putInto(body, text.toString());
                    return;
                default:
                    break; // comments and processing instructions inside text are ignored
            }
        }
    }

    /** Skips the element whose start tag the reader is on, including everything inside it. */
    private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * Next start tag, end tag, non-blank text or end of document; comments, processing
     * instructions and whitespace are skipped. A DOCTYPE stops the file: even with DTD support
     * off, the JDK parser reports it, and refusing it outright is the clearest answer to XXE.
     */
    private static int nextSignificant(XMLStreamReader xml) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD:
                    throw new BatchFormatException("file", "a DOCTYPE declaration is not allowed in batch files");
                case XMLStreamConstants.START_ELEMENT:
                case XMLStreamConstants.END_ELEMENT:
                case XMLStreamConstants.END_DOCUMENT:
                    return event;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                    if (!xml.isWhiteSpace()) {
                        return event;
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /** One line per problem kind: "unexpected text" twice in a row says nothing new. */
    private static List<String> dedupe(List<String> problems) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(problems));
    }

    /** The parser's own message without its "ParseError at [row,col]" prefix, plus the place. */
    private static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        if (e.getLocation() != null && e.getLocation().getLineNumber() > 0) {
            message += " (line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ")";
        }
        return message.strip();
    }
}
