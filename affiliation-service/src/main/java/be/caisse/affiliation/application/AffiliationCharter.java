package be.caisse.affiliation.application;

import static be.caisse.common.charter.CharterSql.count;
import static be.caisse.common.charter.CharterSql.durations;

import be.caisse.common.charter.CharterSource;
import be.caisse.common.charter.CharterSql;
import be.caisse.common.domain.CharterFigure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The affiliation part of the charter ("L'information, l'affiliation…": fast and correct handling). A registration
 * is handled in the very request that makes it (the API answers it registered or refused), so the handling time
 * measured is the member requests' (address, language, IBAN, category, cessation): from the request to the agent's
 * decision. The target in days and the share to reach are this fund's parameters, not the law's.
 */
@ApplicationScoped
public class AffiliationCharter implements CharterSource {
    private static final String REQUESTS = "Les demandes de nos affiliés sont traitées rapidement et correctement (charte, « affiliation »)";
    private static final String LOCAL_DAY = "CAST(%s AT TIME ZONE 'Europe/Brussels' AS DATE)";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "caisse.charter.affiliation.request-target-days", defaultValue = "10")
    int targetDays;

    @ConfigProperty(name = "caisse.charter.share-target", defaultValue = "90")
    BigDecimal shareTarget;

    @Override
    public String service() {
        return "affiliation";
    }

    @Override
    public List<CharterFigure> figures(LocalDate from, LocalDate to) {
        String decided = LOCAL_DAY.formatted("decided_at");
        CharterSql.Durations d = durations(em, "SELECT EXTRACT(EPOCH FROM (decided_at - requested_at)) / 86400.0 AS days "
                + "FROM member_request WHERE decided_at IS NOT NULL AND " + decided + " BETWEEN ?1 AND ?2", from, to);
        long inTime = count(em, "SELECT count(*) FROM member_request WHERE decided_at IS NOT NULL AND " + decided
                + " BETWEEN ?1 AND ?2 AND decided_at <= requested_at + make_interval(days => ?3)", from, to, targetDays);
        long openLate = count(em, "SELECT count(*) FROM member_request WHERE status = 'PENDING' AND "
                + LOCAL_DAY.formatted("requested_at") + " < CAST(?1 AS DATE) - ?2", to, targetDays);
        String registered = LOCAL_DAY.formatted("registered_at");
        long registrations = count(em, "SELECT count(*) FROM affiliation WHERE " + registered + " BETWEEN ?1 AND ?2", from, to);
        long late = count(em, "SELECT count(*) FROM affiliation WHERE late_registration AND " + registered + " BETWEEN ?1 AND ?2", from, to);
        return List.of(
                CharterFigure.days("member-requests-median-days", REQUESTS,
                        "Median of the days from a member request to its decision, over the requests decided in the period",
                        d.median(), d.count(), BigDecimal.valueOf(targetDays)),
                CharterFigure.days("member-requests-p90-days", REQUESTS,
                        "90th percentile of the days from a member request to its decision, over the requests decided in the period",
                        d.p90(), d.count(), null),
                CharterFigure.share("member-requests-within-target", REQUESTS,
                        "Share of the requests decided in the period that were decided within " + targetDays
                                + " days (caisse.charter.affiliation.request-target-days) of the request",
                        inTime, d.count(), shareTarget),
                CharterFigure.count("member-requests-open-beyond-target", REQUESTS,
                        "Requests still waiting for a decision on the last day of the period, filed more than " + targetDays + " days before it",
                        openLate),
                CharterFigure.count("registrations", "L'affiliation (charte)",
                        "Affiliations registered in the period (each handled in the request that made it)", registrations),
                CharterFigure.share("registrations-late", "L'affiliation (charte)",
                        "Share of the affiliations registered in the period after the start of the activity (late registrations)",
                        late, registrations, null));
    }
}
