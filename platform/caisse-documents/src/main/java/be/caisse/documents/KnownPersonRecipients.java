package be.caisse.documents;

import be.caisse.common.projection.KnownPerson;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Recipients from the person projection kept from affiliation events (name, address, language, channel). */
@ApplicationScoped
@DefaultBean
public class KnownPersonRecipients implements Recipients {
    @Override
    public Recipient of(String niss) {
        return Recipient.of(niss, KnownPerson.findById(niss));
    }

    @Override
    public String channel(String niss) {
        if (niss == null) {
            return "PAPER";
        }
        KnownPerson person = KnownPerson.findById(niss);
        return person != null && "EMAIL".equals(person.deliveryChannel) ? "EMAIL" : "PAPER";
    }
}
