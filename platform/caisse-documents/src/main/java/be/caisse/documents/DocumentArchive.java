package be.caisse.documents;

import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import be.caisse.documents.archive.IssuedDocument;
import be.caisse.documents.archive.IssuedDocumentContent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's archive of issued documents. A document is issued once: asked again for the same subject with the
 * same data, the archive returns the one it holds; with different data (a payment arrived, a decision was revised)
 * it issues a new document that names the one it replaces. Each issue publishes {@code document-issued} (no
 * content) on the service's documents topic, in the same transaction.
 */
@ApplicationScoped
public class DocumentArchive {
    private static final Logger LOG = Logger.getLogger(DocumentArchive.class);
    /** Inputs are compared as text: keys sorted, so that the same data always writes the same JSON. */
    private static final ObjectMapper INPUTS = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    @Inject
    Documents documents;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Recipients recipients;

    @ConfigProperty(name = "caisse.documents.owner")
    String owner;

    @ConfigProperty(name = "caisse.documents.topic")
    String topic;

    /** A document rendered outside any transaction, to be stored by {@link #store}. */
    public record Prepared(DocumentRequest request, String inputs, RenderedDocument rendered) {
    }

    /** Issues the document, or returns the one already issued for the same subject and data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedDocument issue(DocumentRequest request) {
        String inputs = inputs(request);
        IssuedDocument current = current(request.type(), request.businessKey()).orElse(null);
        if (current != null && current.inputs.equals(inputs)) {
            return current;
        }
        return store(new Prepared(request, inputs, documents.renderer().render(request.type(), request.language(),
                withDate(request))));
    }

    /** Renders without touching the database (a run renders in parallel, then stores in batches). */
    public Prepared prepare(DocumentRequest request) {
        return new Prepared(request, inputs(request), documents.renderer().render(request.type(), request.language(),
                withDate(request)));
    }

    /**
     * Stores a rendered document; the current document of the same subject, if any, is replaced by it (unless it
     * holds the same inputs, when it is returned as it is).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedDocument store(Prepared prepared) {
        DocumentRequest r = prepared.request();
        IssuedDocument current = current(r.type(), r.businessKey()).orElse(null);
        if (current != null && current.inputs.equals(prepared.inputs())) {
            return current;
        }
        IssuedDocument doc = new IssuedDocument();
        doc.id = be.caisse.common.identifiers.Uuids.timeOrdered();
        if (current != null) {
            // the replaced one leaves the "current" index before the new one enters it
            current.replacedBy = doc.id;
            em.flush();
            doc.replaces = current.id;
        }
        RenderedDocument rendered = prepared.rendered();
        doc.owner = owner;
        doc.type = r.type();
        doc.businessKey = r.businessKey();
        doc.niss = r.niss();
        doc.enterpriseNumber = r.enterpriseNumber();
        doc.title = rendered.title().length() > 300 ? rendered.title().substring(0, 300) : rendered.title();
        doc.language = r.language().code();
        doc.documentDate = r.documentDate();
        doc.issuedAt = OffsetDateTime.now(clock);
        doc.template = rendered.template();
        doc.templateVersion = rendered.templateVersion();
        doc.inputs = prepared.inputs();
        doc.sha256 = rendered.sha256();
        doc.sizeBytes = rendered.pdf().length;
        doc.channel = recipients.channel(r.niss());
        doc.registered = r.registered();
        doc.persist();
        IssuedDocumentContent content = new IssuedDocumentContent();
        content.id = doc.id;
        content.content = rendered.pdf();
        content.persist();
        events.publish(topic, DocumentEvents.ISSUED, r.niss() != null ? r.niss() : String.valueOf(r.enterpriseNumber()),
                doc.id.toString(), new DocumentEvents.Issued(doc.id, owner, doc.type, doc.title, doc.documentDate,
                        doc.issuedAt, doc.language, doc.niss, doc.enterpriseNumber, doc.channel, doc.registered,
                        doc.replaces, href(doc.id)));
        return doc;
    }

    public Optional<IssuedDocument> current(String type, String businessKey) {
        return IssuedDocument.find("type = ?1 and businessKey = ?2 and replacedBy is null", type, businessKey)
                .firstResultOptional();
    }

    /** The bytes as issued; a document whose bytes no longer match its hash is never served. */
    @Transactional
    public byte[] content(IssuedDocument doc) {
        IssuedDocumentContent content = IssuedDocumentContent.findById(doc.id);
        if (content == null || !DocumentRenderer.sha256(content.content).equals(doc.sha256)) {
            LOG.errorf("Document %s does not match its SHA-256 any more: not served", doc.id);
            throw new DomainProblem(500, "document-damaged");
        }
        return content.content;
    }

    /** Where the gateway serves a document of this service. */
    public String href(UUID id) {
        return "/api/" + owner + "/documents/" + id;
    }

    public String owner() {
        return owner;
    }

    public String topic() {
        return topic;
    }

    /** Records that a document was sent (e-mail or print batch), once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markSent(UUID id, OffsetDateTime sentAt, UUID printBatchId) {
        IssuedDocument doc = IssuedDocument.findById(id);
        if (doc == null || doc.sentAt != null) {
            return false;
        }
        doc.sentAt = sentAt;
        doc.printBatchId = printBatchId;
        return true;
    }

    private Map<String, Object> withDate(DocumentRequest r) {
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        data.put("issuedOn", new DocumentFormat(r.language()).date(r.documentDate()));
        return data;
    }

    private static String inputs(DocumentRequest r) {
        try {
            Map<String, Object> all = new LinkedHashMap<>(r.data());
            all.put("_language", r.language().code());
            all.put("_registered", r.registered());
            return INPUTS.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The data of a " + r.type() + " cannot be written as JSON", e);
        }
    }
}
