package be.caisse.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The EPC QR code of a SEPA credit transfer (EPC069-12 "Quick Response Code: guidelines to enable data capture for
 * the initiation of a SEPA credit transfer", version 002), the code Belgian banking apps scan to fill in a transfer.
 *
 * <p>The Belgian structured communication (communication structurée / gestructureerde mededeling) goes, as its 12
 * digits, in the structured remittance field, where Belgian banks read it; the unstructured field stays empty, as the
 * guidelines allow only one of the two.
 */
public final class EpcQrCode {
    private static final BigDecimal MAX = new BigDecimal("999999999.99");
    /** Four image pixels a module: crisp enough when printed at 34 mm, small enough to embed fast. */
    private static final int PIXELS_PER_MODULE = 4;

    private EpcQrCode() {
    }

    /** The text the QR code carries, line by line as EPC069-12 orders them. */
    public static String payload(String bic, String beneficiary, String iban, BigDecimal amount,
                                 String structuredCommunication) {
        if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("An EPC QR amount lies between 0.01 and 999999999.99 euro: " + amount);
        }
        String name = beneficiary.length() > 70 ? beneficiary.substring(0, 70) : beneficiary;
        String reference = structuredCommunication == null ? "" : structuredCommunication.replaceAll("[^0-9]", "");
        return String.join("\n",
                "BCD", "002", "1", "SCT",
                bic == null ? "" : bic,
                name,
                iban.replace(" ", ""),
                "EUR" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                "",
                reference,
                "");
    }

    /** The QR code as a PNG, black on white, with the quiet zone of 4 modules the standard asks for. */
    public static byte[] png(String payload) {
        BitMatrix matrix = matrix(payload);
        int size = matrix.getWidth() * PIXELS_PER_MODULE;
        return Png.blackAndWhite(size, size, (x, y) -> matrix.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE));
    }

    private static BitMatrix matrix(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The EPC QR payload cannot be encoded", e);
        }
    }

    /**
     * The code as a data URI for an {@code <img>} of a template: a PNG of two colours (600 bytes, where a JPEG of the
     * highest quality took 22 KB), which the PDF takes as it is.
     */
    public static String dataUri(String payload) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(payload));
    }
}
