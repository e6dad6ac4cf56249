package be.caisse.documents;

import be.caisse.common.time.Quarter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One sample of every document type of a service in every language, for a person to look at
 * ({@code ./caisse documents samples}) and for the tests to check. Each template
 * {@code src/main/resources/documents/templates/{type}.{lang}.html} has its sample data in
 * {@code src/test/resources/documents/samples/{type}.json}; values written as {@code {"$money": "926.48"}},
 * {@code {"$date": "2026-04-20"}}, {@code {"$shortDate": …}}, {@code {"$quarter": "2026-Q1"}}, {@code {"$percent": "0.05"}},
 * {@code {"$text": {"fr": …, "nl": …, "de": …}}} or {@code {"$qr": {"amount": …, "communication": …}}} are written
 * for each language as the services write them.
 */
public final class DocumentSamples {
    /** The fund of the default configuration ({@code caisse.fund.*}). */
    public static final FundIdentity FUND = new FundIdentity(Map.of(DocumentLanguage.FR, "Caisse d'assurances sociales Caisse",
            DocumentLanguage.NL, "Sociaal verzekeringsfonds Caisse", DocumentLanguage.DE, "Sozialversicherungskasse Caisse"),
            "Rue de la Loi 1", "1000", "Bruxelles", "0999.999.999", "BE68539007547034", "GKCCBEBB", "+32 2 000 00 00",
            "info@caisse.example", "www.caisse.example", Logo.DEFAULT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentSamples() {
    }

    public record Sample(String type, DocumentLanguage language, Path file, RenderedDocument document) {
    }

    /**
     * Where a module's samples go: {@code -Dcaisse.samples.dir} (the folder of {@code ./caisse documents samples}) and
     * the module's name, or the module's {@code target/document-samples}.
     */
    public static Path outputFor(Path module) {
        String dir = System.getProperty("caisse.samples.dir");
        return dir == null || dir.isBlank() ? module.resolve("target/document-samples")
                : Path.of(dir).resolve(module.getFileName().toString());
    }

    /** Renders every type of the module (its templates folder) in every language into {@code out}. */
    public static List<Sample> render(Path module, Path out) throws IOException {
        Path templates = module.resolve("src/main/resources/documents/templates");
        Path samples = module.resolve("src/test/resources/documents/samples");
        List<String> types;
        try (Stream<Path> files = Files.list(templates)) {
            types = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fr.html"))
                    .map(n -> n.substring(0, n.length() - ".fr.html".length())).sorted().toList();
        }
        Files.createDirectories(out);
        DocumentRenderer renderer = new DocumentRenderer(FUND);
        List<Sample> rendered = new ArrayList<>();
        for (String type : types) {
            Path sample = samples.resolve(type + ".json");
            if (!Files.exists(sample)) {
                throw new IllegalStateException("The template " + type + " has no sample: write " + sample);
            }
            JsonNode data = JSON.readTree(sample.toFile());
            for (DocumentLanguage language : DocumentLanguage.values()) {
                RenderedDocument doc = renderer.render(type, language, values(data, language));
                Path file = out.resolve(type + "." + language.code() + ".pdf");
                Files.write(file, doc.pdf());
                rendered.add(new Sample(type, language, file, doc));
            }
        }
        return rendered;
    }

    /** The data of a type's sample in a language, as its template receives them (the benchmark renders them too). */
    public static Map<String, Object> data(Path module, String type, DocumentLanguage language) throws IOException {
        return values(JSON.readTree(module.resolve("src/test/resources/documents/samples/" + type + ".json").toFile()), language);
    }

    private static Map<String, Object> values(JsonNode data, DocumentLanguage language) {
        DocumentFormat f = new DocumentFormat(language);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) value(data, language, f);
        LocalDate documentDate = values.containsKey("documentDate") ? LocalDate.parse((String) values.remove("documentDate"))
                : LocalDate.of(2026, 12, 1);
        values.put("issuedOn", f.date(documentDate));
        return values;
    }

    static Object value(JsonNode node, DocumentLanguage language, DocumentFormat f) {
        if (node.isObject()) {
            if (node.size() == 1) {
                String key = node.fieldNames().next();
                JsonNode v = node.get(key);
                switch (key) {
                    case "$money": return f.money(new BigDecimal(v.asText()));
                    case "$date": return f.date(LocalDate.parse(v.asText()));
                    case "$shortDate": return f.shortDate(LocalDate.parse(v.asText()));
                    case "$quarter": return f.quarter(Quarter.parse(v.asText()));
                    case "$percent": return f.percent(new BigDecimal(v.asText()));
                    case "$text": return v.path(language.code()).asText();
                    case "$qr": return EpcQrCode.payload(FUND.bic(), FUND.name(DocumentLanguage.FR), FUND.iban(),
                            new BigDecimal(v.path("amount").asText()), v.path("communication").asText());
                    default: break;
                }
            }
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue(), language, f)));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(value(n, language, f)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        return node.isNull() ? "" : node.asText();
    }
}
