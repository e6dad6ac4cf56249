package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.persistence.MemberRequestEntity;
import be.caisse.common.domain.Issue;
import be.caisse.common.identifiers.Iban;
import be.caisse.common.identifiers.InvalidIdentifierException;
import be.caisse.common.problem.DomainProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a member asks through the front end, or an agent files on her behalf: a change of address, language or IBAN,
 * a change of category, a cessation. The request is checked when it is made (every missing field at once, so the
 * member knows at once what is wrong), kept PENDING, and applied with the same rules as an agent's own change when
 * another agent approves it: whoever filed a request does not decide it (four eyes).
 */
@ApplicationScoped
public class MemberRequestService {
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "MemberRequestType", description = "What a member asks the fund to change")
    public enum Type { ADDRESS_CHANGE, LANGUAGE_CHANGE, IBAN_CHANGE, CATEGORY_CHANGE, CESSATION }

    /** Who filed a request. */
    public enum FiledBy { MEMBER, AGENT }

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
    public MemberRequestEntity submit(String niss, Type type, Content content, String by, FiledBy role) {
        persons.require(niss);
        check(niss, type, content);
        MemberRequestEntity r = new MemberRequestEntity();
        r.id = UUID.randomUUID();
        r.niss = niss;
        r.type = type.name();
        r.payload = write(content);
        r.status = "PENDING";
        r.requestedAt = OffsetDateTime.now(clock);
        r.filedBy = by;
        r.filedByRole = role.name();
        r.persist();
        return r;
    }

    @Transactional
    public MemberRequestEntity decide(UUID id, boolean approve, String note, String by) {
        MemberRequestEntity r = MemberRequestEntity.findById(id);
        if (r == null) {
            throw DomainProblem.notFound("request");
        }
        if (!"PENDING".equals(r.status)) {
            throw DomainProblem.conflict("request-decided", "@request-status." + r.status);
        }
        if (by.equals(r.filedBy)) {
            throw new DomainProblem(403, "four-eyes");
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
        List<Issue> missing = new ArrayList<>();
        switch (type) {
            case ADDRESS_CHANGE -> require(missing, c.address() != null, "address");
            case LANGUAGE_CHANGE -> require(missing, c.language() != null, "language");
            case IBAN_CHANGE -> {
                require(missing, c.iban() != null, "iban");
                if (c.iban() != null) {
                    try {
                        Iban.parse(c.iban());
                    } catch (InvalidIdentifierException e) {
                        missing.add(new Issue("iban", e.code(), e.text()));
                    }
                }
            }
            case CATEGORY_CHANGE -> {
                require(missing, c.category() != null && c.category().category() != null, "category");
                require(missing, c.date() != null, "date");
            }
            case CESSATION -> {
                require(missing, c.date() != null, "date");
                require(missing, c.reason() != null, "reason");
                if (c.reason() == CessationReason.TRANSFER_TO_ANOTHER_FUND || c.reason() == CessationReason.HELPED_ACTIVITY_ENDED) {
                    missing.add(Issue.field("reason", "reason-not-for-members"));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw DomainProblem.invalid(missing);
        }
        if (type == Type.CATEGORY_CHANGE || type == Type.CESSATION) {
            affiliations.requireActive(niss);
        }
    }

    private void apply(String niss, Type type, Content c, String by) {
        switch (type) {
            case ADDRESS_CHANGE -> persons.update(niss, PersonData.only().address(c.address()).build(), by, PersonService.ORIGIN_MEMBER_REQUEST);
            case LANGUAGE_CHANGE -> persons.update(niss, PersonData.only().language(c.language()).build(), by, PersonService.ORIGIN_MEMBER_REQUEST);
            case IBAN_CHANGE -> persons.update(niss, PersonData.only().iban(Iban.parse(c.iban()).value()).build(), by, PersonService.ORIGIN_MEMBER_REQUEST);
            case CATEGORY_CHANGE -> affiliations.changeCategory(niss, c.category(), c.date(), by);
            case CESSATION -> affiliations.cease(niss, c.date(), c.reason(), by);
        }
    }

    private static void require(List<Issue> issues, boolean ok, String field) {
        if (!ok) {
            issues.add(Issue.field(field, "required"));
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
