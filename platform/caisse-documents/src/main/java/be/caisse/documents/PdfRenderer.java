package be.caisse.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * XHTML to PDF/A-2u (ISO 19005-2, level U: every glyph maps to Unicode, so that a screen reader, a search and the
 * tests can read the text back). The fonts are embedded (DejaVu Sans, subset to the glyphs used), the output intent
 * is the sRGB profile of the JDK. Thread-safe: each call builds its own renderer.
 *
 * <p>Most documents need only the Latin, Greek and Cyrillic letters, digits and punctuation: they are set in a cut
 * of DejaVu reduced to those (about 1,500 glyphs of 6,000, without the ligature table, whose look-up on every line
 * took a tenth of a document's time); a document with any other character the full font has is set in the full
 * font. Both are then subset to the glyphs used, as before.
 */
public final class PdfRenderer {
    static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = resource("documents/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("documents/fonts/DejaVuSans-Bold.ttf");
    private static final int[][] EVERYDAY_RANGES = {
        {0x20, 0x7E}, {0xA0, 0x24F}, {0x370, 0x3FF}, {0x400, 0x52F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
        {0x20A0, 0x20CF}, {0x2100, 0x214F}, {0x2190, 0x21FF}, {0x2200, 0x22FF}, {0x25A0, 0x25FF}, {0x2610, 0x2612},
        {0x2713, 0x2714}};
    private static final byte[] EVERYDAY_REGULAR;
    private static final byte[] EVERYDAY_BOLD;
    /** The characters the everyday cut has; what the full font adds beyond them sends a document to the full font. */
    private static final java.util.BitSet EVERYDAY = new java.util.BitSet();
    private static final java.util.BitSet FULL = new java.util.BitSet();

    static {
        // openhtmltopdf logs every document it renders at INFO; its warnings and errors still reach the log
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
        // xmpbox asks for an XML transformer and parser for each document's metadata; unnamed, the JDK searches the
        // whole class path for one each time. Naming the one it finds now keeps exactly that choice, found once.
        nameFactory("javax.xml.transform.TransformerFactory", () -> javax.xml.transform.TransformerFactory.newInstance());
        nameFactory("javax.xml.parsers.DocumentBuilderFactory", () -> javax.xml.parsers.DocumentBuilderFactory.newInstance());
        TrueTypeFont regular = parse(REGULAR);
        TrueTypeFont bold = parse(BOLD);
        EVERYDAY_REGULAR = everyday(regular);
        EVERYDAY_BOLD = everyday(bold);
        try {
            org.apache.fontbox.ttf.CmapLookup a = regular.getUnicodeCmapLookup();
            org.apache.fontbox.ttf.CmapLookup b = bold.getUnicodeCmapLookup();
            for (int c = 0; c <= 0xFFFF; c++) {
                if (a.getGlyphId(c) != 0 && b.getGlyphId(c) != 0) {
                    FULL.set(c);
                }
            }
            TrueTypeFont cut = parse(EVERYDAY_REGULAR);
            org.apache.fontbox.ttf.CmapLookup e = cut.getUnicodeCmapLookup();
            for (int c = 0; c <= 0xFFFF; c++) {
                if (e.getGlyphId(c) != 0) {
                    EVERYDAY.set(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final String producer;

    public PdfRenderer(String producer) {
        this.producer = producer;
    }

    /**
     * The fonts parsed once per rendering thread (parsing DejaVu's tables was a third of each document's time): a
     * parsed font is read, never changed, by the documents it is embedded in, but it is not safe to share across
     * threads. The full font is parsed only on a thread that meets a document needing it.
     */
    private static final ThreadLocal<TrueTypeFont[]> EVERYDAY_FONTS = ThreadLocal.withInitial(() -> new TrueTypeFont[]{
        parse(EVERYDAY_REGULAR), parse(EVERYDAY_BOLD)});
    private static final ThreadLocal<TrueTypeFont[]> FULL_FONTS = ThreadLocal.withInitial(() -> new TrueTypeFont[]{
        parse(REGULAR), parse(BOLD)});
    /** One XML parser per thread: finding a parser factory for each document searched the whole class path. */
    private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> PARSERS = ThreadLocal.withInitial(PdfRenderer::parser);

    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
        TrueTypeFont[] fonts = (everyday(xhtml) ? EVERYDAY_FONTS : FULL_FONTS).get();
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
            builder.useColorProfile(SRGB);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts[0], true)), FONT_FAMILY, 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts[1], true)), FONT_FAMILY, 700,
                    FontStyle.NORMAL, true);
            builder.withProducer(producer);
            builder.withW3cDocument(parse(xhtml), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void nameFactory(String property, java.util.function.Supplier<Object> found) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, found.get().getClass().getName());
        }
    }

    /** Whether the everyday cut has every character of the document that the full font has. */
    static boolean everyday(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && !EVERYDAY.get(c) && FULL.get(c)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] everyday(TrueTypeFont font) {
        try {
            org.apache.fontbox.ttf.TTFSubsetter subsetter = new org.apache.fontbox.ttf.TTFSubsetter(font, java.util.List.of(
                    "head", "hhea", "maxp", "name", "OS/2", "cmap", "glyf", "loca", "hmtx", "post", "cvt ", "prep", "fpgm", "gasp"));
            for (int[] range : EVERYDAY_RANGES) {
                for (int c = range[0]; c <= range[1]; c++) {
                    subsetter.add(c);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(400 * 1024);
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.w3c.dom.Document parse(String xhtml) {
        javax.xml.parsers.DocumentBuilder parser = PARSERS.get();
        try {
            return parser.parse(new org.xml.sax.InputSource(new java.io.StringReader(xhtml)));
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalArgumentException("A document's XHTML does not parse: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            parser.reset();
        }
    }

    private static javax.xml.parsers.DocumentBuilder parser() {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setExpandEntityReferences(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            f.setXIncludeAware(false);
            javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrueTypeFont parse(byte[] font) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(font));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
