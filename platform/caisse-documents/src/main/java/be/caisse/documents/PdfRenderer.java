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
 */
public final class PdfRenderer {
    static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = resource("documents/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("documents/fonts/DejaVuSans-Bold.ttf");

    static {
        // openhtmltopdf logs every document it renders at INFO; its warnings and errors still reach the log
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
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
     * threads.
     */
    private static final ThreadLocal<TrueTypeFont[]> FONTS = ThreadLocal.withInitial(() -> new TrueTypeFont[]{
        parse(REGULAR), parse(BOLD)});

    public byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
        TrueTypeFont[] fonts = FONTS.get();
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
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
