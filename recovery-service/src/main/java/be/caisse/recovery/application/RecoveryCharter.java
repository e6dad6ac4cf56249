package be.caisse.recovery.application;

import static be.caisse.common.charter.CharterSql.count;
import static be.caisse.common.charter.CharterSql.rows;

import be.caisse.common.charter.CharterSource;
import be.caisse.common.domain.CharterFigure;
import be.caisse.recovery.domain.PersonalContact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The recovery part of the charter: « avant toute démarche de recouvrement judiciaire, par la voie de rappels … de
 * mises en demeure » and « une prise de contact personnalisée avant le tout premier recouvrement judiciaire ». Both
 * must be 100 %: every first judicial step (contrainte or summons) preceded by a personal contact that meets the
 * fund's rule ({@link PersonalContact}, as the guard of the step applies it), every contrainte by a reminder and the
 * registered last reminder of art. 46. Payment plans granted and kept are reported with the fund's target.
 */
@ApplicationScoped
public class RecoveryCharter implements CharterSource {
    private static final String CONTACT = "UCM assure une prise de contact personnalisée avant le tout premier recouvrement judiciaire (charte)";
    private static final String REMINDERS = "Notre Caisse vous avertit, avant toute démarche de recouvrement judiciaire, par la voie de rappels, "
            + "de relevés de compte, de mises en demeure (charte; art. 46: the registered last reminder)";
    private static final String PLANS = "Elle se tient à votre disposition pour rechercher avec vous les solutions raisonnables (charte)";

    @Inject
    EntityManager em;

    @Inject
    RecoveryService recovery;

    @ConfigProperty(name = "caisse.charter.share-target", defaultValue = "90")
    BigDecimal shareTarget;

    @Override
    public String service() {
        return "recovery";
    }

    @Override
    public List<CharterFigure> figures(LocalDate from, LocalDate to) {
        // the first judicial step of each case taken in the period, and the contacts recorded up to that day
        Map<UUID, LocalDate> firstSteps = new HashMap<>();
        for (Object[] r : rows(em, "SELECT case_id, on_date FROM (SELECT DISTINCT ON (case_id) case_id, on_date FROM case_step "
                + "WHERE to_state IN ('CONTRAINTE_ISSUED', 'SUMMONED') ORDER BY case_id, id) f WHERE on_date BETWEEN ?1 AND ?2", from, to)) {
            firstSteps.put((UUID) r[0], date(r[1]));
        }
        Map<UUID, List<PersonalContact.Contact>> contacts = new HashMap<>();
        if (!firstSteps.isEmpty()) {
            for (Object[] r : rows(em, "SELECT k.case_id, k.channel, k.outcome, k.on_date FROM case_contact k JOIN (SELECT DISTINCT ON (case_id) "
                    + "case_id, on_date FROM case_step WHERE to_state IN ('CONTRAINTE_ISSUED', 'SUMMONED') ORDER BY case_id, id) f "
                    + "ON f.case_id = k.case_id WHERE f.on_date BETWEEN ?1 AND ?2 AND k.on_date <= f.on_date ORDER BY k.on_date, k.at", from, to)) {
                contacts.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new PersonalContact.Contact(
                        PersonalContact.Channel.valueOf((String) r[1]), PersonalContact.Outcome.valueOf((String) r[2]), date(r[3])));
            }
        }
        PersonalContact.Rule rule = recovery.contactRule();
        long contacted = firstSteps.keySet().stream().filter(c -> PersonalContact.made(contacts.getOrDefault(c, List.of()), rule)).count();
        Object[] contraintes = rows(em, "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_step r WHERE r.case_id = s.case_id "
                + "AND r.to_state = 'REMINDED' AND r.on_date <= s.on_date) AND EXISTS (SELECT 1 FROM case_step l WHERE l.case_id = s.case_id "
                + "AND l.to_state = 'LAST_REMINDER' AND l.on_date <= s.on_date)) FROM case_step s "
                + "WHERE s.to_state = 'CONTRAINTE_ISSUED' AND s.on_date BETWEEN ?1 AND ?2", from, to).get(0);
        long reminders = count(em, "SELECT count(*) FROM case_step WHERE to_state IN ('REMINDED', 'SECOND_REMINDED') AND on_date BETWEEN ?1 AND ?2", from, to);
        long registered = count(em, "SELECT count(*) FROM case_step WHERE to_state = 'LAST_REMINDER' AND on_date BETWEEN ?1 AND ?2", from, to);
        long granted = count(em, "SELECT count(*) FROM payment_plan WHERE status IN ('APPROVED', 'BROKEN', 'COMPLETED') "
                + "AND decided_on BETWEEN ?1 AND ?2", from, to);
        Object[] ended = rows(em, "SELECT count(*), count(*) FILTER (WHERE status = 'COMPLETED') FROM payment_plan "
                + "WHERE status IN ('BROKEN', 'COMPLETED') AND ended_on BETWEEN ?1 AND ?2", from, to).get(0);
        return List.of(
                CharterFigure.full("contact-before-first-judicial-step", CONTACT,
                        "Share of the first judicial steps (contrainte or summons) of a case taken in the period that were preceded by a "
                                + "recorded personal contact meeting the fund's rule (caisse.recovery.contact.*)",
                        contacted, firstSteps.size()),
                CharterFigure.full("reminders-before-contrainte", REMINDERS,
                        "Share of the contraintes issued in the period whose case had a reminder and the registered last reminder before",
                        n(contraintes[1]), n(contraintes[0])),
                CharterFigure.count("reminders-sent", REMINDERS, "Reminders (first and second) sent in the period", reminders),
                CharterFigure.count("registered-reminders-sent", REMINDERS, "Registered last reminders (art. 46) sent in the period", registered),
                CharterFigure.count("plans-granted", PLANS, "Payment plans granted in the period", granted),
                CharterFigure.share("plans-kept", PLANS, "Share of the payment plans that ended in the period that were paid to the end (not broken)",
                        n(ended[1]), n(ended[0]), shareTarget));
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
