package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.persistence.MemberRequestEntity;
import be.caisse.common.identifiers.Iban;
import be.caisse.common.problem.DomainProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a member asks through the front end: a change of address, language or IBAN, a change of category, a
 * cessation. The request is checked when it is made (so the member knows at once what is wrong), kept PENDING,
 * and applied with the same rules as an agent's own change when an agent approves it.
 */
@ApplicationScoped
public class MemberRequestService {
    public enum Type { ADDRESS_CHANGE, LANGUAGE_CHANGE, IBAN_CHANGE, CATEGORY_CHANGE, CESSATION }

    /** The fields of a request; which ones are needed depends on the type. */
    public record Content(PersonData.Address address, String language, String iban, CategoryDetails category,
                          LocalDate date, CessationReason reason) {
    }

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    PersonService persons;

    @Inject
    AffiliationService affiliations;

    @Transactional
    public MemberRequestEntity submit(String niss, Type type, Content content) {
        persons.require(niss);
        check(niss, type, content);
        MemberRequestEntity r = new MemberRequestEntity();
        r.id = UUID.randomUUID();
        r.niss = niss;
        r.type = type.name();
        r.payload = write(content);
        r.status = "PENDING";
        r.requestedAt = OffsetDateTime.now(clock);
        r.persist();
        return r;
    }

    @Transactional
    public MemberRequestEntity decide(UUID id, boolean approve, String note, String by) {
        MemberRequestEntity r = MemberRequestEntity.findById(id);
        if (r == null) {
            throw DomainProblem.notFound("request", "No such request.");
        }
        if (!"PENDING".equals(r.status)) {
            throw DomainProblem.conflict("request-decided", "Already decided", "This request was already " + r.status.toLowerCase() + ".");
        }
        if (approve) {
            apply(r.niss, Type.valueOf(r.type), read(r.payload), by);
        }
        r.status = approve ? "APPROVED" : "REJECTED";
        r.decidedBy = by;
        r.decidedAt = OffsetDateTime.now(clock);
        r.decisionNote = note;
        return r;
    }

    private void check(String niss, Type type, Content c) {
        switch (type) {
            case ADDRESS_CHANGE -> require(c.address() != null, "address", "The new address is required.");
            case LANGUAGE_CHANGE -> require(c.language() != null && c.language().matches("fr|nl|de"), "language",
                    "The language of correspondence is fr, nl or de.");
            case IBAN_CHANGE -> {
                require(c.iban() != null, "iban", "The new IBAN is required.");
                Iban.parse(c.iban());
            }
            case CATEGORY_CHANGE -> {
                require(c.category() != null && c.category().category() != null, "category", "The new category is required.");
                require(c.date() != null, "date", "The date of the event that changes the category is required.");
                affiliations.requireActive(niss);
            }
            case CESSATION -> {
                require(c.date() != null, "date", "The date of cessation is required.");
                require(c.reason() != null && c.reason() != CessationReason.TRANSFER_TO_ANOTHER_FUND, "reason",
                        "The reason of the cessation is required.");
                affiliations.requireActive(niss);
            }
        }
    }

    private void apply(String niss, Type type, Content c, String by) {
        switch (type) {
            case ADDRESS_CHANGE -> persons.update(niss, new PersonData(null, null, null, null, null, null, null, c.address(), null, null), by, PersonService.ORIGIN_MEMBER_REQUEST);
            case LANGUAGE_CHANGE -> persons.update(niss, new PersonData(null, null, null, c.language(), null, null, null, null, null, null), by, PersonService.ORIGIN_MEMBER_REQUEST);
            case IBAN_CHANGE -> persons.update(niss, new PersonData(null, null, null, null, null, null, Iban.parse(c.iban()).value(), null, null, null), by, PersonService.ORIGIN_MEMBER_REQUEST);
            case CATEGORY_CHANGE -> affiliations.changeCategory(niss, c.category(), c.date(), by);
            case CESSATION -> affiliations.cease(niss, c.date(), c.reason(), by);
        }
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw DomainProblem.badRequest("request-incomplete", "Request incomplete", field + ": " + message);
        }
    }

    private String write(Content c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Content read(String payload) {
        try {
            return json.readValue(payload, Content.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored request cannot be read", e);
        }
    }
}
