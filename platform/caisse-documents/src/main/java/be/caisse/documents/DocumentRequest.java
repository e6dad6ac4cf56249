package be.caisse.documents;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a service asks the archive to issue.
 *
 * @param type         the document type, which names its templates ({@code payment-notice} →
 *                     {@code payment-notice.fr.html} ...)
 * @param businessKey  what the document is about, unique for the type ({@code 85071412330:2026-Q1}): asking again
 *                     for the same key with the same data returns the document already issued; with other data, a
 *                     correction that replaces it
 * @param niss         the member it is addressed to (null for a company)
 * @param data         the template's values, already written for the language (amounts, dates), and kept as the
 *                     document's inputs; an EPC QR code is given as its payload, which the template draws
 * @param registered   a registered letter (recommandé / aangetekend): printed apart, on the post office's list
 */
public record DocumentRequest(String type, String businessKey, String niss, String enterpriseNumber,
                              DocumentLanguage language, LocalDate documentDate, Map<String, Object> data,
                              boolean registered) {
}
