package be.caisse.contribution.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Affiliation events → contributor accounts. Idempotent: the event id is recorded with the account in one
 * transaction. A message that cannot be read goes to the dead-letter topic and the stream goes on.
 */
@ApplicationScoped
public class AffiliationEventsConsumer {
    static final String CONSUMER = "contribution-service";
    static final String REGISTERED = "be.caisse.affiliation.registered.v1";
    static final String CATEGORY_CHANGED = "be.caisse.affiliation.category-changed.v1";
    static final String INTERRUPTED = "be.caisse.affiliation.interrupted.v1";
    static final String RESUMED = "be.caisse.affiliation.resumed.v1";
    static final String CEASED = "be.caisse.affiliation.ceased.v1";
    static final String TRANSFERRED = "be.caisse.affiliation.transferred.v1";
    static final String CORRECTED = "be.caisse.affiliation.corrected.v1";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    AccountService accounts;

    @Inject
    be.caisse.common.projection.PersonProjection persons;

    @Inject
    ObjectMapper json;

    @Inject
    be.caisse.contribution.application.CompanyContributionService companies;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompanyRegistered(String enterpriseNumber, String name, LocalDate incorporationDate, LocalDate affiliationDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BalanceSheet(String enterpriseNumber, Integer financialYear, java.math.BigDecimal total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompanyCeased(String enterpriseNumber, LocalDate date, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Mandate(UUID mandateId, String enterpriseNumber, String niss, String role, LocalDate startDate, LocalDate endDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registered(UUID affiliationId, String niss, ContributorCategory category, LocalDate liableFrom, boolean lateRegistration) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CorrectedPeriod(UUID affiliationId, ContributorCategory category, LocalDate liableFrom, LocalDate liableUntil,
                           String status, String cessationReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Corrected(String niss, java.util.List<CorrectedPeriod> periods) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CategoryChanged(UUID affiliationId, String niss, ContributorCategory toCategory, LocalDate effectiveDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Resumed(UUID affiliationId, String niss, ContributorCategory category, LocalDate liableFrom) {
    }

    /** interrupted, ceased and transferred: liable until the end of a quarter. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ended(String niss, LocalDate liableUntil, String reason) {
    }

    private static void require(boolean complete, String type) {
        if (!complete) {
            throw new IllegalArgumentException("Incomplete " + type + " event");
        }
    }

    @Incoming("affiliation-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (REGISTERED.equals(event.type())) {
                Registered e = event.dataAs(json, Registered.class);
                if (e.niss() == null || e.category() == null || e.liableFrom() == null || e.affiliationId() == null) {
                    throw new IllegalArgumentException("Incomplete " + event.type() + " event");
                }
                accounts.open(new AccountService.NewAffiliation(e.affiliationId(), e.niss(), e.category(), e.liableFrom(),
                        e.lateRegistration()));
            }
            persons.apply(event);
            switch (event.type()) {
                case CORRECTED -> {
                    Corrected e = event.dataAs(json, Corrected.class);
                    require(e.niss() != null && e.periods() != null, event.type());
                    accounts.replaceTimeline(e.niss(), e.periods().stream().map(p -> new AccountService.Period(p.affiliationId(),
                            p.category(), p.liableFrom(), p.liableUntil(), p.status(), p.cessationReason())).toList());
                }
                case CATEGORY_CHANGED -> {
                    CategoryChanged e = event.dataAs(json, CategoryChanged.class);
                    require(e.niss() != null && e.toCategory() != null && e.effectiveDate() != null, event.type());
                    accounts.changeCategory(e.niss(), e.affiliationId(), e.toCategory(), e.effectiveDate());
                }
                case RESUMED -> {
                    Resumed e = event.dataAs(json, Resumed.class);
                    require(e.niss() != null && e.category() != null && e.liableFrom() != null && e.affiliationId() != null, event.type());
                    accounts.resume(e.niss(), e.affiliationId(), e.category(), e.liableFrom());
                }
                case INTERRUPTED, CEASED, TRANSFERRED -> {
                    Ended e = event.dataAs(json, Ended.class);
                    require(e.niss() != null && e.liableUntil() != null, event.type());
                    String reason = switch (event.type()) {
                        case INTERRUPTED -> "INTERRUPTED";
                        case TRANSFERRED -> "TRANSFERRED";
                        default -> e.reason() == null ? "CEASED" : "CEASED_" + e.reason();
                    };
                    accounts.end(e.niss(), e.liableUntil(), reason.length() > 40 ? reason.substring(0, 40) : reason);
                }
                case "be.caisse.affiliation.company-registered.v1" -> {
                    CompanyRegistered e = event.dataAs(json, CompanyRegistered.class);
                    require(e.enterpriseNumber() != null && e.incorporationDate() != null, event.type());
                    companies.registered(e.enterpriseNumber(), e.name(), e.incorporationDate(), e.affiliationDate());
                }
                case "be.caisse.affiliation.balance-sheet-recorded.v1" -> {
                    BalanceSheet e = event.dataAs(json, BalanceSheet.class);
                    require(e.enterpriseNumber() != null && e.financialYear() != null && e.total() != null, event.type());
                    companies.balanceSheet(e.enterpriseNumber(), e.financialYear(), e.total());
                }
                case "be.caisse.affiliation.company-ceased.v1" -> {
                    CompanyCeased e = event.dataAs(json, CompanyCeased.class);
                    require(e.enterpriseNumber() != null && e.date() != null && e.reason() != null, event.type());
                    companies.ceased(e.enterpriseNumber(), e.date(), e.reason());
                }
                case "be.caisse.affiliation.mandate-started.v1" -> {
                    Mandate e = event.dataAs(json, Mandate.class);
                    require(e.mandateId() != null && e.enterpriseNumber() != null && e.niss() != null && e.startDate() != null, event.type());
                    companies.mandate(e.mandateId(), e.enterpriseNumber(), e.niss(), e.role(), e.startDate(), null);
                }
                case "be.caisse.affiliation.mandate-ended.v1" -> {
                    Mandate e = event.dataAs(json, Mandate.class);
                    require(e.mandateId() != null && e.endDate() != null, event.type());
                    companies.mandateEnded(e.mandateId(), e.endDate());
                }
                default -> {
                    // persons, helpers, life events: not the contributor account's business
                }
            }
        });
    }
}
