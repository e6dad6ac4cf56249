package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.DeliveryChannel;
import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.PersonChangeEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Persons: created at their first registration, changed by agents or by an approved member request. Every change
 * of a tracked field is kept (who, when, old and new value) and published.
 */
@ApplicationScoped
public class PersonService {
    public static final String ORIGIN_AGENT = "AGENT";
    public static final String ORIGIN_MEMBER_REQUEST = "MEMBER_REQUEST";
    /** The member herself, for what she may change without a request (e-mail, phone). */
    public static final String ORIGIN_MEMBER = "MEMBER";

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    /** Finds the person or creates them from the registration data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PersonEntity findOrCreate(Niss niss, PersonData data, String by) {
        PersonEntity person = PersonEntity.findById(niss.value());
        if (person != null) {
            update(niss.value(), data, by, ORIGIN_AGENT);
            return person;
        }
        if (data.firstName() == null || data.lastName() == null) {
            throw DomainProblem.badRequest("person-incomplete");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        person = new PersonEntity();
        person.niss = niss.value();
        person.firstName = data.firstName().strip();
        person.lastName = data.lastName().strip();
        person.birthDate = data.birthDate() != null ? data.birthDate() : niss.birthDate().orElse(null);
        person.sex = niss.sex() == Niss.Sex.UNKNOWN ? null : niss.sex().name();
        person.language = data.language() == null ? "fr" : data.language();
        person.email = data.email();
        person.phone = data.phone();
        person.iban = data.iban();
        if (data.address() != null) {
            setAddress(person, data.address());
        }
        person.dependants = data.dependants();
        person.partnerNiss = data.partnerNiss();
        person.createdAt = now;
        person.updatedAt = now;
        person.persist();
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.PERSON_REGISTERED, person.niss, person.niss,
                new AffiliationEvents.PersonRegistered(person.niss, person.firstName, person.lastName, person.birthDate,
                        person.sex, person.language, postalAddress(person), channelOf(person).name()));
        return person;
    }

    public PersonEntity require(String niss) {
        PersonEntity person = PersonEntity.findById(niss);
        if (person == null) {
            throw DomainProblem.notFound("person");
        }
        return person;
    }

    /** Applies the fields given; each one that really changes is recorded and published. */
    @Transactional
    public PersonEntity update(String niss, PersonData data, String by, String origin) {
        PersonEntity p = require(niss);
        OffsetDateTime now = OffsetDateTime.now(clock);
        DeliveryChannel channelBefore = channelOf(p);
        boolean changed = false;
        if (data.firstName() != null || data.lastName() != null) {
            String before = p.firstName + " " + p.lastName;
            if (data.firstName() != null) {
                p.firstName = data.firstName().strip();
            }
            if (data.lastName() != null) {
                p.lastName = data.lastName().strip();
            }
            changed |= record(p, "NAME", before, p.firstName + " " + p.lastName, by, origin, now, false);
        }
        if (data.birthDate() != null) {
            String before = Objects.toString(p.birthDate, null);
            p.birthDate = be.caisse.affiliation.domain.BirthDates.checked(Niss.parse(niss), data.birthDate(),
                    java.time.LocalDate.now(clock));
            changed |= record(p, "BIRTH_DATE", before, p.birthDate.toString(), by, origin, now, false);
        }
        if (data.language() != null) {
            String before = p.language;
            p.language = data.language();
            changed |= record(p, "LANGUAGE", before, p.language, by, origin, now, true);
        }
        if (data.email() != null) {
            String before = p.email;
            p.email = data.email();
            changed |= record(p, "EMAIL", before, p.email, by, origin, now, false);
        }
        if (data.phone() != null) {
            String before = p.phone;
            p.phone = data.phone();
            changed |= record(p, "PHONE", before, p.phone, by, origin, now, false);
        }
        if (data.iban() != null) {
            String before = p.iban;
            p.iban = data.iban();
            changed |= record(p, "IBAN", before, p.iban, by, origin, now, true);
        }
        if (data.address() != null) {
            String before = p.street == null ? null : addressOf(p).oneLine();
            setAddress(p, data.address());
            changed |= record(p, "ADDRESS", before, addressOf(p).oneLine(), by, origin, now, true);
        }
        if (data.dependants() != null || data.partnerNiss() != null) {
            String before = "dependants=" + p.dependants + ", partner=" + (p.partnerNiss == null ? "none" : Niss.mask(p.partnerNiss));
            if (data.dependants() != null) {
                p.dependants = data.dependants();
            }
            if (data.partnerNiss() != null) {
                p.partnerNiss = data.partnerNiss().isBlank() ? null : data.partnerNiss();
            }
            changed |= record(p, "FAMILY", before, "dependants=" + p.dependants + ", partner="
                    + (p.partnerNiss == null ? "none" : Niss.mask(p.partnerNiss)), by, origin, now, false);
        }
        changed |= recordChannel(p, channelBefore, by, origin, now);
        if (changed) {
            p.updatedAt = now;
        }
        return p;
    }

    /**
     * The member's (or an agent's) choice of channel for her documents. E-mail needs an address: asked without
     * one, the choice is refused rather than kept silently on paper.
     */
    @Transactional
    public PersonEntity chooseChannel(String niss, DeliveryChannel chosen, String by, String origin) {
        PersonEntity p = require(niss);
        if (chosen == DeliveryChannel.EMAIL && (p.email == null || p.email.isBlank())) {
            throw DomainProblem.badRequest("delivery-channel-no-email");
        }
        DeliveryChannel before = channelOf(p);
        OffsetDateTime now = OffsetDateTime.now(clock);
        p.deliveryChannel = chosen.name();
        if (recordChannel(p, before, by, origin, now)) {
            p.updatedAt = now;
        }
        return p;
    }

    /** The channel documents take now. */
    public static DeliveryChannel channelOf(PersonEntity p) {
        return DeliveryChannel.effective(p.deliveryChannel == null ? null : DeliveryChannel.valueOf(p.deliveryChannel),
                p.email != null && !p.email.isBlank());
    }

    private boolean recordChannel(PersonEntity p, DeliveryChannel before, String by, String origin, OffsetDateTime now) {
        return record(p, "DELIVERY_CHANNEL", before.name(), channelOf(p).name(), by, origin, now, true);
    }

    static AffiliationEvents.PostalAddress postalAddress(PersonEntity p) {
        if (p.street == null) {
            return null;
        }
        String line1 = p.street + " " + p.houseNumber + (p.box == null || p.box.isBlank() ? "" : " bte " + p.box);
        return new AffiliationEvents.PostalAddress(line1, p.postalCode + " " + p.city, p.country);
    }

    private boolean record(PersonEntity p, String field, String before, String after, String by, String origin,
                           OffsetDateTime now, boolean publishValue) {
        if (Objects.equals(before, after)) {
            return false;
        }
        PersonChangeEntity change = new PersonChangeEntity();
        change.id = UUID.randomUUID();
        change.niss = p.niss;
        change.field = field;
        change.oldValue = before;
        change.newValue = after;
        change.changedBy = by;
        change.changedAt = now;
        change.origin = origin;
        change.persist();
        boolean name = "NAME".equals(field);
        boolean address = "ADDRESS".equals(field);
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.PERSON_CHANGED, p.niss, p.niss,
                new AffiliationEvents.PersonChanged(p.niss, field, publishValue ? after : null, origin, now,
                        name ? p.firstName : null, name ? p.lastName : null, address ? postalAddress(p) : null));
        return true;
    }

    static void setAddress(PersonEntity p, PersonData.Address a) {
        p.street = a.street();
        p.houseNumber = a.houseNumber();
        p.box = a.box();
        p.postalCode = a.postalCode();
        p.city = a.city();
        p.country = a.country() == null ? "BE" : a.country();
    }

    public static PersonData.Address addressOf(PersonEntity p) {
        return p.street == null ? null : new PersonData.Address(p.street, p.houseNumber, p.box, p.postalCode, p.city, p.country);
    }
}
