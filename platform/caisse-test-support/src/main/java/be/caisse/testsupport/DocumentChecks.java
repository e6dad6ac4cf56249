package be.caisse.testsupport;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * What a test reads back from an issued PDF: its text (Apache PDFBox), its PDF/A conformance (veraPDF, the
 * reference validator of the PDF Association) and the QR codes on its pages (ZXing).
 */
public final class DocumentChecks {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private DocumentChecks() {
    }

    /** The text of every page, whitespace runs (line breaks of the layout) folded to one space. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phrase as {@link #text} gives it back: its no-break and narrow spaces as plain ones. */
    public static String plain(String phrase) {
        return phrase.replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF/A rules the document breaks (empty when veraPDF finds it compliant), with the part it declares. */
    public static List<String> pdfaFailures(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false);
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return List.of();
            }
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().collect(Collectors.toList());
        } catch (Exception e) {
            return List.of("veraPDF could not read the document: " + e);
        }
    }

    /** The PDF/A part and conformance level the document declares, e.g. {@code 2u}. */
    public static String pdfaFlavour(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            return parser.getFlavour().getId();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of every QR code found in the document's images, page by page. */
    public static List<String> qrCodes(byte[] pdf) {
        List<String> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                collect(page.getResources(), found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void collect(PDResources resources, List<String> found) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                decode(image.getImage()).ifPresent(found::add);
            } else if (object instanceof PDFormXObject form) {
                collect(form.getResources(), found);
            }
        }
    }

    private static java.util.Optional<String> decode(BufferedImage embedded) {
        // a few pixels a module in the file; scaled up as a printer or a screen would show it
        int scale = Math.max(1, 600 / Math.max(1, embedded.getWidth()));
        BufferedImage image = new BufferedImage(embedded.getWidth() * scale, embedded.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.drawImage(embedded, 0, 0, image.getWidth(), image.getHeight(), null);
        g.dispose();
        try {
            Result result = new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE, DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return java.util.Optional.of(result.getText());
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            return java.util.Optional.empty();
        }
    }
}
