package be.caisse.affiliation.application;

import be.caisse.affiliation.persistence.MemberDocumentEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.i18n.Messages;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.documents.DocumentArchive;
import be.caisse.documents.DocumentEvents;
import be.caisse.documents.DocumentFormat;
import be.caisse.documents.DocumentLanguage;
import be.caisse.documents.Documents;
import be.caisse.documents.FundIdentity;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the e-mail that announces a new document to a member who chose e-mail: a message in her language with a
 * link to the document in her dossier, never the document or any personal data. Once sent, the line is marked and
 * {@code document-delivered} (channel EMAIL) tells the owning service the date sent.
 *
 * <p>Each line is taken with {@code FOR UPDATE SKIP LOCKED}, so two instances never send the same one. If the
 * SMTP server took the message but the commit failed, the next pass sends it again: delivery is at least once,
 * and every message carries the document id in {@code X-Caisse-Document} so that a duplicate can be recognised.
 */
@ApplicationScoped
public class DocumentMailer {
    private static final Logger LOG = Logger.getLogger(DocumentMailer.class);
    static final int MAX_ATTEMPTS = 5;

    @Inject
    Mailer mailer;

    @Inject
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    DocumentArchive archive;

    @Inject
    Documents documents;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.documents.mail.link-base", defaultValue = "http://localhost:8080")
    String linkBase;

    @ConfigProperty(name = "caisse.documents.mail.batch", defaultValue = "50")
    int batch;

    @Scheduled(every = "${caisse.documents.mail.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendPending();
    }

    /** Sends what waits, a batch at a time; returns how many were sent. */
    public int sendPending() {
        int sent = 0;
        while (true) {
            int[] round = QuarkusTransaction.requiringNew().call(this::sendBatch);
            sent += round[0];
            if (round[1] < batch) {
                return sent;
            }
        }
    }

    /** @return {sent, taken} */
    int[] sendBatch() {
        List<MemberDocumentEntity> pending = em.createQuery(
                        "from MemberDocumentEntity where mailStatus = :s order by issuedAt, documentId", MemberDocumentEntity.class)
                .setParameter("s", MemberDocumentEntity.MAIL_PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(batch).getResultList();
        int sent = 0;
        for (MemberDocumentEntity doc : pending) {
            if (send(doc)) {
                sent++;
            }
        }
        return new int[]{sent, pending.size()};
    }

    private boolean send(MemberDocumentEntity doc) {
        PersonEntity person = PersonEntity.findById(doc.niss);
        if (person == null || person.email == null || person.email.isBlank()) {
            // the address went away between the issue and the mail: the document stays in her dossier
            doc.mailStatus = MemberDocumentEntity.MAIL_NO_ADDRESS;
            return false;
        }
        DocumentLanguage language = DocumentLanguage.of(person.language);
        FundIdentity fund = documents.fund();
        String lang = language.code();
        String signature = fund.name(language) + "\n" + fund.street() + ", " + fund.postalCode() + " " + fund.city()
                + "\n" + fund.phone() + " · " + fund.email() + " · " + fund.website();
        String link = linkBase + doc.href;
        Mail mail = Mail.withText(person.email,
                Messages.text(lang, "mail.document.subject", fund.name(language)),
                Messages.text(lang, "mail.document.body", doc.title, new DocumentFormat(language).date(doc.documentDate),
                        link, signature))
                .addHeader("X-Caisse-Document", doc.documentId.toString());
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            doc.mailAttempts++;
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            doc.mailError = reason.length() > 300 ? reason.substring(0, 300) : reason;
            if (doc.mailAttempts >= MAX_ATTEMPTS) {
                doc.mailStatus = "FAILED";
                LOG.errorf("E-mail of document %s failed %d times, given up: %s", doc.documentId, doc.mailAttempts, doc.mailError);
            } else {
                LOG.warnf("E-mail of document %s failed (attempt %d), retried on the next pass: %s", doc.documentId,
                        doc.mailAttempts, doc.mailError);
            }
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        doc.mailStatus = MemberDocumentEntity.MAIL_SENT;
        doc.mailAttempts++;
        doc.mailError = null;
        doc.sentAt = now;
        if (archive.owner().equals(doc.owner)) {
            archive.markSent(doc.documentId, now, null);
        }
        events.publish(archive.topic(), DocumentEvents.DELIVERED, doc.niss, doc.documentId.toString(),
                new DocumentEvents.Delivered(doc.documentId, doc.owner, "EMAIL", now, null));
        return true;
    }

}
