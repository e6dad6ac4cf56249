package be.caisse.testsupport;

import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Validates a document the project writes against a schema from outside it (the EPC's pain.001, …). */
public final class XmlSchemas {
    private XmlSchemas() {
    }

    /** Throws the validator's {@link SAXException} when {@code xml} does not conform; never reads external DTDs. */
    public static void validate(String xml, URL schema) throws SAXException, java.io.IOException {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.newSchema(schema).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    /** As {@link #validate}, failing the test with the validator's message. */
    public static void assertValid(String xml, URL schema) {
        try {
            validate(xml, schema);
        } catch (SAXException | java.io.IOException e) {
            throw new AssertionError("The document does not validate against " + schema + ": " + e.getMessage(), e);
        }
    }
}
