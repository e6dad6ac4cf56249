package be.caisse.benefits.messaging;

import be.caisse.benefits.application.ClaimService;
import be.caisse.benefits.domain.BenefitType;
import be.caisse.benefits.domain.BridgingRight;
import be.caisse.benefits.persistence.BeneficiaryEntity;
import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.common.inbox.InboundEvent;
import be.caisse.common.projection.AffiliationProjection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Affiliation events → what benefits-service knows of each affiliation and person, and the rights the fund opens by
 * itself: a birth proposes birth leave (and, for the mother, the maternity service vouchers and the contribution
 * relief); the death of a partner or a child proposes mourning leave; a bankruptcy or forced interruption, and a
 * cessation for one of those reasons or for economic difficulties, proposes the bridging right. Idempotent (one
 * proposal per fact and benefit); unreadable messages go to the dead-letter topic.
 */
@ApplicationScoped
public class AffiliationEventsConsumer {
    static final String CONSUMER = "benefits-service";
    static final String LIFE_EVENT = "be.caisse.affiliation.life-event-recorded.v1";
    static final String CEASED = "be.caisse.affiliation.ceased.v1";
    static final String PERSON_REGISTERED = "be.caisse.affiliation.person-registered.v1";
    static final String PERSON_CHANGED = "be.caisse.affiliation.person-changed.v1";
    private static final Pattern POSTAL_CODE = Pattern.compile(", ([1-9][0-9]{3}) ");

    @Inject
    IdempotentConsumer inbox;

    @Inject
    AffiliationProjection projection;

    @Inject
    be.caisse.common.projection.PersonProjection persons;

    @Inject
    ClaimService claims;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LifeEvent(String lifeEventId, String niss, String type, LocalDate date, String relatedNiss) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ceased(String niss, LocalDate date, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(String niss, LocalDate birthDate, String sex, String field, String newValue) {
    }

    @Incoming("affiliation-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            projection.apply(event);
            persons.apply(event);
            switch (event.type()) {
                case LIFE_EVENT -> lifeEvent(event);
                case CEASED -> ceased(event);
                case PERSON_REGISTERED, PERSON_CHANGED -> beneficiary(event);
                default -> {
                    // the other affiliation events change only the projections
                }
            }
        });
    }

    private void lifeEvent(InboundEvent event) {
        LifeEvent e = event.dataAs(json, LifeEvent.class);
        if (e.niss() == null || e.type() == null || e.date() == null) {
            throw new IllegalArgumentException("Incomplete " + event.type() + " event");
        }
        String source = "life-event:" + (e.lifeEventId() == null ? event.id() : e.lifeEventId());
        ClaimService.Details none = ClaimService.Details.none();
        switch (e.type()) {
            case "BIRTH", "ADOPTION" -> {
                claims.propose(e.niss(), BenefitType.BIRTH_LEAVE, e.date(), source + ":BIRTH_LEAVE", none);
                if ("BIRTH".equals(e.type()) && mother(e.niss())) {
                    claims.propose(e.niss(), BenefitType.MATERNITY_VOUCHERS, e.date(), source + ":MATERNITY_VOUCHERS", none);
                    claims.propose(e.niss(), BenefitType.MATERNITY_CONTRIBUTION_RELIEF, e.date(), source + ":MATERNITY_CONTRIBUTION_RELIEF", none);
                }
            }
            case "DEATH_OF_PARTNER", "DEATH_OF_CHILD" -> claims.propose(e.niss(), BenefitType.MOURNING_LEAVE, e.date(), source + ":MOURNING_LEAVE", none);
            case "BANKRUPTCY" -> bridging(e.niss(), e.date(), source, BridgingRight.Cause.BANKRUPTCY);
            case "FORCED_INTERRUPTION" -> bridging(e.niss(), e.date(), source, null);
            default -> {
                // pension age and the others open no right the fund pays
            }
        }
    }

    private void ceased(InboundEvent event) {
        Ceased e = event.dataAs(json, Ceased.class);
        if (e.niss() == null || e.date() == null) {
            throw new IllegalArgumentException("Incomplete " + event.type() + " event");
        }
        if ("ECONOMIC_DIFFICULTIES".equals(e.reason())) {
            ClaimService.Details d = new ClaimService.Details(List.of(), List.of(), null, null, null, null,
                    BridgingRight.Ground.ECONOMIC_DIFFICULTIES, null, Set.of(), null, null, null, null, null);
            claims.propose(e.niss(), BenefitType.BRIDGING_RIGHT, e.date(), "cessation:" + event.id(), d);
        }
        // a cessation for bankruptcy or forced interruption also records the life event, which proposes the right once
    }

    private void bridging(String niss, LocalDate date, String source, BridgingRight.Cause cause) {
        ClaimService.Details d = new ClaimService.Details(List.of(), List.of(), null, null, null, null,
                BridgingRight.Ground.FORCED_INTERRUPTION, cause, Set.of(), null, null, null, null, null);
        claims.propose(niss, BenefitType.BRIDGING_RIGHT, date, source + ":BRIDGING_RIGHT", d);
    }

    private boolean mother(String niss) {
        BeneficiaryEntity b = BeneficiaryEntity.findById(niss);
        if (b != null && b.sex != null) {
            return "F".equals(b.sex);
        }
        return be.caisse.common.identifiers.Niss.parse(niss).sex() == be.caisse.common.identifiers.Niss.Sex.FEMALE;
    }

    private void beneficiary(InboundEvent event) {
        Person p = event.dataAs(json, Person.class);
        if (p.niss() == null) {
            throw new IllegalArgumentException("Incomplete " + event.type() + " event");
        }
        BeneficiaryEntity b = BeneficiaryEntity.findById(p.niss());
        if (b == null) {
            b = new BeneficiaryEntity();
            b.niss = p.niss();
        }
        if (PERSON_REGISTERED.equals(event.type())) {
            b.birthDate = p.birthDate();
            b.sex = p.sex() == null ? null : p.sex().startsWith("F") ? "F" : p.sex().startsWith("M") ? "M" : null;
        } else if ("ADDRESS".equals(p.field()) && p.newValue() != null) {
            Matcher m = POSTAL_CODE.matcher(p.newValue());
            b.postalCode = m.find() ? m.group(1) : null;
        } else {
            return;
        }
        b.updatedAt = OffsetDateTime.now(clock);
        b.persist();
    }
}
