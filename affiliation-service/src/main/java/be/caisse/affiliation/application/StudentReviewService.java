package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.AffiliationStatus;
import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.CategoryRules;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.Niss;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Student conditions re-checked at the age limit (REFERENCE.md §1.2: the status is for students under 25): every
 * night, a student-independent who has turned 25 becomes a principal from the quarter of the 25th birthday
 * (a change that raises the obligations takes effect at once). The change is published like any other.
 */
@ApplicationScoped
public class StudentReviewService {
    static final String BY = "system:student-age-review";
    private static final Logger LOG = Logger.getLogger(StudentReviewService.class);

    @Inject
    AffiliationService affiliations;

    @Inject
    Clock clock;

    @Scheduled(cron = "${caisse.affiliation.student-review.cron:0 15 2 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int changed = reviewAgeLimit();
        if (changed > 0) {
            LOG.infof("Student age review: %d student-independent(s) became principal", changed);
        }
    }

    /** @return how many students were moved to the principal category */
    public int reviewAgeLimit() {
        LocalDate today = LocalDate.now(clock);
        List<String> due = QuarkusTransaction.requiringNew().call(() -> AffiliationEntity.<AffiliationEntity>list(
                        "category = ?1 and status = ?2", Category.STUDENT, AffiliationStatus.ACTIVE).stream()
                .filter(a -> {
                    PersonEntity p = PersonEntity.findById(a.niss);
                    return p != null && p.birthDate != null && !CategoryRules.studentAgeLimit(p.birthDate).isAfter(today);
                })
                .map(a -> a.niss).toList());
        int changed = 0;
        for (String niss : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    PersonEntity p = PersonEntity.findById(niss);
                    affiliations.changeCategory(niss, CategoryDetails.principal(), CategoryRules.studentAgeLimit(p.birthDate), BY);
                });
                changed++;
            } catch (RuleViolation e) {
                LOG.warnf("Student %s not moved automatically (%s): an agent must review", Niss.mask(niss), e.getMessage());
            }
        }
        return changed;
    }
}
