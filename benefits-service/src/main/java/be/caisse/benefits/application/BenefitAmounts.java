package be.caisse.benefits.application;

import be.caisse.benefits.domain.AmountKind;
import be.caisse.benefits.domain.AmountTable;
import be.caisse.benefits.domain.EffectiveAmount;
import be.caisse.benefits.domain.LabourCourts;
import be.caisse.benefits.persistence.BenefitAmountEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The effective-dated amounts, kept in the database: the rows of {@code parameters/benefit-amounts.csv} are loaded
 * at start when missing (an admin's change is never overwritten), and read for every computation. The labour courts
 * are data too ({@code courts/labour-courts.csv}).
 */
@ApplicationScoped
public class BenefitAmounts {
    @Inject
    Clock clock;

    private LabourCourts courts;

    void load(@Observes StartupEvent start) {
        AmountTable shipped = AmountTable.parse(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/parameters/benefit-amounts.csv")), StandardCharsets.UTF_8));
        QuarkusTransaction.requiringNew().run(() -> {
            for (EffectiveAmount r : shipped.rows()) {
                BenefitAmountEntity.getEntityManager().createNativeQuery("INSERT INTO benefit_amount (kind, valid_from, amount, status, "
                                + "source, changed_by, changed_at) VALUES (:k, :v, :a, :s, :src, 'system:data-file', :now) ON CONFLICT DO NOTHING")
                        .setParameter("k", r.kind().name()).setParameter("v", r.validFrom()).setParameter("a", r.amount())
                        .setParameter("s", r.status()).setParameter("src", r.source()).setParameter("now", OffsetDateTime.now(clock))
                        .executeUpdate();
            }
        });
        courts = LabourCourts.parse(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/courts/labour-courts.csv")), StandardCharsets.UTF_8));
    }

    public LabourCourts courts() {
        return courts;
    }

    @Transactional
    public AmountTable table() {
        List<BenefitAmountEntity> rows = BenefitAmountEntity.listAll();
        return new AmountTable(rows.stream().map(BenefitAmounts::row).toList());
    }

    static EffectiveAmount row(BenefitAmountEntity e) {
        return new EffectiveAmount(AmountKind.valueOf(e.kind), e.validFrom, e.amount, e.status, e.source);
    }

    /** Adds a row or corrects one (admin): used at once by every computation; decisions already taken keep theirs. */
    @Transactional
    public EffectiveAmount save(AmountKind kind, LocalDate validFrom, BigDecimal amount, String status, String source, String by) {
        EffectiveAmount checked = new EffectiveAmount(kind, validFrom, amount, status, source);
        BenefitAmountEntity.Key key = new BenefitAmountEntity.Key();
        key.kind = kind.name();
        key.validFrom = validFrom;
        BenefitAmountEntity e = BenefitAmountEntity.findById(key);
        if (e == null) {
            e = new BenefitAmountEntity();
            e.kind = kind.name();
            e.validFrom = validFrom;
        }
        e.amount = checked.amount();
        e.status = status;
        e.source = source;
        e.changedBy = by;
        e.changedAt = OffsetDateTime.now(clock);
        e.persist();
        return checked;
    }
}
