package be.caisse.affiliation.application;

import be.caisse.affiliation.persistence.MemberDocumentEntity;
import be.caisse.common.inbox.InboundEvent;
import be.caisse.documents.DocumentEvents;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The member's documents across the services, from their documents topics: each {@code document-issued} adds a
 * line (and, for the e-mail channel, a mail to send); a correction marks the line it replaces; a
 * {@code document-delivered} of a print batch records the date sent. Run inside the idempotent consumer.
 */
@ApplicationScoped
public class DocumentIndex {
    @Inject
    ObjectMapper json;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Issued(UUID documentId, String owner, String type, String title, LocalDate documentDate,
                  OffsetDateTime issuedAt, String language, String niss, String enterpriseNumber, String channel,
                  boolean registered, UUID replaces, String href) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivered(UUID documentId, String owner, String channel, OffsetDateTime sentAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        if (DocumentEvents.ISSUED.equals(event.type())) {
            issued(event.dataAs(json, Issued.class));
        } else if (DocumentEvents.DELIVERED.equals(event.type())) {
            Delivered d = event.dataAs(json, Delivered.class);
            MemberDocumentEntity doc = d.documentId() == null ? null : MemberDocumentEntity.findById(d.documentId());
            if (doc != null && doc.sentAt == null && d.sentAt() != null) {
                doc.sentAt = d.sentAt();
            }
        }
    }

    private void issued(Issued e) {
        if (e.documentId() == null || MemberDocumentEntity.findById(e.documentId()) != null) {
            return;
        }
        MemberDocumentEntity doc = new MemberDocumentEntity();
        doc.documentId = e.documentId();
        doc.owner = e.owner();
        doc.type = e.type();
        doc.title = e.title();
        doc.documentDate = e.documentDate();
        doc.issuedAt = e.issuedAt();
        doc.language = e.language();
        doc.niss = e.niss();
        doc.enterpriseNumber = e.enterpriseNumber();
        doc.channel = e.channel();
        doc.registered = e.registered();
        doc.replaces = e.replaces();
        doc.href = e.href();
        // a registered letter is evidence only on paper (art. 46): it is never replaced by an e-mail
        doc.mailStatus = "EMAIL".equals(e.channel()) && e.niss() != null && !e.registered()
                ? MemberDocumentEntity.MAIL_PENDING : MemberDocumentEntity.MAIL_NONE;
        doc.persist();
        if (e.replaces() != null) {
            MemberDocumentEntity old = MemberDocumentEntity.findById(e.replaces());
            if (old != null) {
                old.replacedBy = doc.documentId;
            }
        }
    }
}
