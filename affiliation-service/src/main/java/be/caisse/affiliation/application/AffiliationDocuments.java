package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.AffiliationStatus;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.common.i18n.Messages;
import be.caisse.common.problem.DomainProblem;
import be.caisse.documents.DocumentArchive;
import be.caisse.documents.DocumentFormat;
import be.caisse.documents.DocumentRequest;
import be.caisse.documents.Recipient;
import be.caisse.documents.Recipients;
import be.caisse.documents.archive.IssuedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents of the affiliation itself: the affiliation certificate (attestation d'affiliation) that a new
 * self-employed person gives her mutuality, stating the situation on the day it is asked.
 */
@ApplicationScoped
public class AffiliationDocuments {
    public static final String AFFILIATION_CERTIFICATE = "affiliation-certificate";

    @Inject
    DocumentArchive archive;

    @Inject
    Recipients recipients;

    @Inject
    Clock clock;

    /**
     * The certificate of today: asked again the same day with the same dossier, the same document; the next day (or
     * after a change) a new one, which replaces the earlier.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedDocument certificate(String niss) {
        AffiliationEntity a = AffiliationEntity.findActive(niss)
                .orElseGet(() -> AffiliationEntity.history(niss).stream().findFirst().orElse(null));
        if (a == null) {
            throw DomainProblem.notFound("affiliation");
        }
        return archive.issue(certificateRequest(niss, a, LocalDate.now(clock)));
    }

    DocumentRequest certificateRequest(String niss, AffiliationEntity a, LocalDate today) {
        Recipient to = recipients.of(niss);
        DocumentFormat f = new DocumentFormat(to.language());
        Map<String, Object> data = new LinkedHashMap<>();
        to.into(data);
        data.put("category", Messages.text(to.language().code(), "category." + a.category.name()));
        data.put("startDate", f.date(a.startDate));
        data.put("liableFrom", f.date(a.liableFrom != null ? a.liableFrom : a.startDate));
        boolean active = a.status == AffiliationStatus.ACTIVE;
        data.put("active", active);
        data.put("endDate", active || a.endDate == null ? "" : f.date(a.endDate));
        data.put("asOf", f.date(today));
        return new DocumentRequest(AFFILIATION_CERTIFICATE, niss, niss, null, to.language(), today, data, false);
    }
}
