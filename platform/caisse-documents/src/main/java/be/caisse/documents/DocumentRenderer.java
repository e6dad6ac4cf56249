package be.caisse.documents;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a document: the Qute template of its type and language ({@code documents/templates/{type}.{lang}.html}
 * on the service's class path, inside the shared {@code layout}) filled with the data, then PDF/A. Values are
 * HTML-escaped (a name with a {@code <} stays text) and rendering is strict: a missing value is an error, not an
 * empty line on a member's letter.
 *
 * <p>Plain Java (the standalone Qute engine), so that the samples command and the benchmark render exactly what the
 * service renders.
 */
public final class DocumentRenderer {
    private static final String ROOT = "documents/templates/";
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    private final Engine engine;
    private final PdfRenderer pdf;
    private final FundIdentity fund;
    private final Map<String, String> sources = new ConcurrentHashMap<>();

    public DocumentRenderer(FundIdentity fund) {
        this.fund = fund;
        this.pdf = new PdfRenderer("Caisse");
        this.engine = Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                // {instalment.qr.qrImage}: the data keep the EPC payload (the document's inputs), the page its image
                .addValueResolver(ValueResolver.builder()
                        .appliesTo(ctx -> ctx.getBase() instanceof String && "qrImage".equals(ctx.getName()))
                        .resolveSync(ctx -> new RawString(EpcQrCode.dataUri((String) ctx.getBase())))
                        .build())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addLocator(new ClassPathLocator())
                .strictRendering(true)
                .removeStandaloneLines(true)
                .build();
    }

    public FundIdentity fund() {
        return fund;
    }

    /** The XHTML of a document (what the PDF is made from; the tests of the wording read it too). */
    public String html(String type, DocumentLanguage language, Map<String, Object> data) {
        Template template = engine.getTemplate(templateId(type, language));
        if (template == null) {
            throw new IllegalArgumentException("No template " + templateId(type, language));
        }
        Map<String, Object> all = new LinkedHashMap<>(data);
        all.put("fund", new FundView(fund, language));
        all.put("lang", language.code());
        return template.data(all).render();
    }

    public RenderedDocument render(String type, DocumentLanguage language, Map<String, Object> data) {
        String html = html(type, language, data);
        byte[] bytes = pdf.render(html);
        Matcher title = TITLE.matcher(html);
        String id = templateId(type, language);
        return new RenderedDocument(bytes, sha256(bytes), id, version(id),
                title.find() ? unescape(title.group(1).strip()) : type);
    }

    /** The template's version: the first 16 hex digits of the SHA-256 of its text and the layout's. */
    public String version(String templateId) {
        return sha256((source(templateId) + "\n" + source("layout.html")).getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
    }

    public static String templateId(String type, DocumentLanguage language) {
        return type + "." + language.code() + ".html";
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** A template's text from the service's class path (its own templates), else this module's (the layout). */
    private String source(String id) {
        return sources.computeIfAbsent(id, name -> {
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + name);
            if (in == null) {
                in = DocumentRenderer.class.getClassLoader().getResourceAsStream(ROOT + name);
            }
            if (in == null) {
                return null;
            }
            try (InputStream text = in) {
                return new String(text.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private final class ClassPathLocator implements TemplateLocator {
        @Override
        public Optional<TemplateLocation> locate(String id) {
            String name = id.endsWith(".html") ? id : id + ".html";
            String text = source(name);
            if (text == null) {
                return Optional.empty();
            }
            return Optional.of(new TemplateLocation() {
                @Override
                public Reader read() {
                    return new StringReader(text);
                }

                @Override
                public Optional<Variant> getVariant() {
                    return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
                }
            });
        }
    }

    /** The fund as a template sees it: its name in the document's language. */
    public record FundView(FundIdentity identity, DocumentLanguage language) {
        public String name() {
            return identity.name(language);
        }

        public String street() {
            return identity.street();
        }

        public String postalCode() {
            return identity.postalCode();
        }

        public String city() {
            return identity.city();
        }

        public String enterpriseNumber() {
            return identity.enterpriseNumber();
        }

        public String iban() {
            return identity.ibanPrinted();
        }

        public String bic() {
            return identity.bic();
        }

        public String phone() {
            return identity.phone();
        }

        public String email() {
            return identity.email();
        }

        public String website() {
            return identity.website();
        }

        public RawString logo() {
            return new RawString(identity.logoUri());
        }
    }
}
