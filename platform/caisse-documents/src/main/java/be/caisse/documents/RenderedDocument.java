package be.caisse.documents;

/**
 * A document rendered from a template: its PDF bytes, their SHA-256, the template it came from and that template's
 * version (the hash of the template and of the layout it includes, so that the archive tells exactly which wording
 * produced a document), and the title the template gave it.
 */
public record RenderedDocument(byte[] pdf, String sha256, String template, String templateVersion, String title) {
}
