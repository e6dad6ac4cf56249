package be.caisse.affiliation.application;

import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.documents.DocumentFormat;
import be.caisse.documents.DocumentLanguage;
import be.caisse.documents.Recipient;
import be.caisse.documents.Recipients;
import jakarta.enterprise.context.ApplicationScoped;

/** affiliation-service owns the persons: its documents are addressed from its own table, not a projection. */
@ApplicationScoped
public class PersonRecipients implements Recipients {
    @Override
    public Recipient of(String niss) {
        PersonEntity p = PersonEntity.findById(niss);
        if (p == null) {
            return new Recipient(niss, DocumentFormat.niss(niss), "", "", DocumentLanguage.FR);
        }
        AffiliationEvents.PostalAddress a = PersonService.postalAddress(p);
        return new Recipient(niss, p.firstName + " " + p.lastName, a == null ? "" : a.line1(), a == null ? "" : a.line2(),
                DocumentLanguage.of(p.language));
    }

    @Override
    public String channel(String niss) {
        PersonEntity p = niss == null ? null : PersonEntity.findById(niss);
        return p == null ? "PAPER" : PersonService.channelOf(p).name();
    }
}
