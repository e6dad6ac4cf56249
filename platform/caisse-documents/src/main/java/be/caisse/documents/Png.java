package be.caisse.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * PNG files written in the two forms PDFBox embeds as they are, without decoding and compressing the image again
 * (its {@code PNGConverter}: an indexed or a true-colour image without alpha, gamma or colour profile). The QR code
 * and the logo of every document are such PNGs: ImageIO's grey-level PNG and a JPEG both went through a decoder for
 * each document, a tenth of the time of a notice.
 */
final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Pixels of one bit, drawn by {@code dark}: black where true, white elsewhere (palette of two colours). */
    interface Pixels {
        boolean dark(int x, int y);
    }

    private Png() {
    }

    static byte[] blackAndWhite(int width, int height, Pixels pixels) {
        int rowBytes = (width + 7) / 8;
        byte[] raw = new byte[(rowBytes + 1) * height];
        for (int y = 0; y < height; y++) {
            int row = y * (rowBytes + 1); // filter byte 0 (none), then the row
            for (int x = 0; x < width; x++) {
                if (!pixels.dark(x, y)) {
                    raw[row + 1 + x / 8] |= (byte) (0x80 >>> (x % 8)); // index 1 = white
                }
            }
        }
        return write(width, height, 1, 3, new byte[]{0, 0, 0, (byte) 255, (byte) 255, (byte) 255}, raw);
    }

    /** An image in 8-bit RGB; transparent parts are laid on white (a letter's paper). */
    static byte[] rgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] raw = new byte[(width * 3 + 1) * height];
        int i = 0;
        for (int y = 0; y < height; y++) {
            raw[i++] = 0;
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int c = (argb >>> shift) & 0xFF;
                    raw[i++] = (byte) ((c * alpha + 255 * (255 - alpha)) / 255);
                }
            }
        }
        return write(width, height, 8, 2, null, raw);
    }

    private static byte[] write(int width, int height, int bitDepth, int colourType, byte[] palette, byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 256);
            out.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(bitDepth);
            h.writeByte(colourType);
            h.writeByte(0); // deflate
            h.writeByte(0); // adaptive filtering (each row says its filter)
            h.writeByte(0); // not interlaced
            chunk(out, "IHDR", header.toByteArray());
            if (palette != null) {
                chunk(out, "PLTE", palette);
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream(raw.length / 4 + 64);
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (DeflaterOutputStream z = new DeflaterOutputStream(data, deflater)) {
                z.write(raw);
            } finally {
                deflater.end();
            }
            chunk(out, "IDAT", data.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
