package be.caisse.common.projection;

import be.caisse.common.i18n.MemberLanguages;
import be.caisse.common.inbox.InboundEvent;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Keeps {@link KnownPerson} up to date from {@code person-registered} and {@code person-changed} (name, language).
 * Run it inside the idempotent consumer. It is also where a consuming service finds a member's language.
 */
@ApplicationScoped
@DefaultBean
public class PersonProjection implements MemberLanguages {
    static final String REGISTERED = "be.caisse.affiliation.person-registered.v1";
    static final String CHANGED = "be.caisse.affiliation.person-changed.v1";
    static final String MUTUALITY_CHANGED = "be.caisse.affiliation.mutuality-changed.v1";

    @Inject
    be.caisse.common.partner.PartnerEvents partners;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MutualityPeriod(String mutuality, java.time.LocalDate validFrom) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MutualityData(String niss, java.util.List<MutualityPeriod> history) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String niss, String firstName, String lastName, String language, String field, String newValue,
                PostalAddress postalAddress, String deliveryChannel) {
    }

    /** The address as a letter prints it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PostalAddress(String line1, String line2, String country) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        if (MUTUALITY_CHANGED.equals(event.type())) {
            MutualityData m = event.dataAs(json, MutualityData.class);
            if (m.niss() == null || m.history() == null) {
                throw new IllegalArgumentException("Event " + event.id() + " (" + event.type() + ") has no niss or history");
            }
            partners.replaceHistory(m.niss(), m.history().stream()
                    .map(h -> new be.caisse.common.partner.PartnerEvents.Membership(h.mutuality(), h.validFrom())).toList());
            return;
        }
        if (!REGISTERED.equals(event.type()) && !CHANGED.equals(event.type())) {
            return;
        }
        Data d = event.dataAs(json, Data.class);
        if (d.niss() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " (" + event.type() + ") has no niss");
        }
        KnownPerson p = KnownPerson.findById(d.niss());
        if (REGISTERED.equals(event.type())) {
            if (p == null) {
                p = new KnownPerson();
                p.niss = d.niss();
            }
            p.firstName = d.firstName();
            p.lastName = d.lastName();
            p.language = d.language() == null ? "fr" : d.language();
            setAddress(p, d.postalAddress());
            p.deliveryChannel = d.deliveryChannel();
        } else {
            if (p == null) {
                return; // a change of someone registered before this projection existed: the next registration brings them
            }
            if ("LANGUAGE".equals(d.field()) && d.newValue() != null) {
                p.language = d.newValue();
            } else if ("ADDRESS".equals(d.field()) && d.postalAddress() != null) {
                setAddress(p, d.postalAddress());
            } else if ("DELIVERY_CHANNEL".equals(d.field()) && d.newValue() != null) {
                p.deliveryChannel = d.newValue();
            } else if ("NAME".equals(d.field()) && d.firstName() != null && d.lastName() != null) {
                p.firstName = d.firstName();
                p.lastName = d.lastName();
            } else {
                return;
            }
        }
        p.updatedAt = OffsetDateTime.now(clock);
        p.persist();
    }

    private static void setAddress(KnownPerson p, PostalAddress a) {
        if (a == null) {
            return;
        }
        p.addressLine1 = a.line1();
        p.addressLine2 = a.line2();
        p.country = a.country();
    }

    @Override
    @Transactional
    public Optional<String> of(String niss) {
        KnownPerson p = KnownPerson.findById(niss);
        return p == null ? Optional.empty() : Optional.ofNullable(p.language);
    }
}
