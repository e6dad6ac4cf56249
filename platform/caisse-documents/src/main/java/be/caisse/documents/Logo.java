package be.caisse.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** The fund's logo as a data URI for the documents' header. */
public final class Logo {
    /** The logo Caisse ships with, for a fund that has not configured its own. */
    public static final String DEFAULT = load("classpath:documents/logo.png");

    private Logo() {
    }

    /** An image (PNG, JPEG) from {@code classpath:...} or from a file path, embedded as an RGB PNG the PDF takes as it is. */
    public static String load(String location) {
        try {
            byte[] bytes;
            if (location.startsWith("classpath:")) {
                try (InputStream in = Logo.class.getClassLoader().getResourceAsStream(location.substring(10))) {
                    if (in == null) {
                        throw new IllegalStateException("No logo at " + location);
                    }
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = Files.readAllBytes(Path.of(location));
            }
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("The logo at " + location + " is not an image");
            }
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Png.rgb(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
