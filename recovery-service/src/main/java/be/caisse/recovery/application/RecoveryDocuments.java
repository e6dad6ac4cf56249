package be.caisse.recovery.application;

import be.caisse.common.i18n.Messages;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.time.Quarter;
import be.caisse.documents.DocumentArchive;
import be.caisse.documents.DocumentFormat;
import be.caisse.documents.DocumentLanguage;
import be.caisse.documents.DocumentRequest;
import be.caisse.documents.Documents;
import be.caisse.documents.Recipient;
import be.caisse.documents.Recipients;
import be.caisse.documents.archive.IssuedDocument;
import be.caisse.recovery.domain.CaseState;
import be.caisse.recovery.domain.RecoveryPath;
import be.caisse.recovery.persistence.PaymentPlanEntity;
import be.caisse.recovery.persistence.RecoveryCaseEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The letters of the recovery path, in the debtor's language: the reminders (rappels), the registered last reminder
 * with the mentions of art. 46 (the sums, one month to contest or to ask for payment terms by registered letter,
 * the contrainte otherwise), the contrainte itself (art. 47bis: opposition within one month of service), and the
 * payment-plan agreement with each instalment's communication and QR code.
 */
@ApplicationScoped
public class RecoveryDocuments {
    public static final String REMINDER = "reminder";
    public static final String LAST_REMINDER = "last-reminder";
    public static final String CONTRAINTE = "contrainte";
    public static final String PAYMENT_PLAN = "payment-plan";

    @Inject
    DocumentArchive archive;

    @Inject
    Recipients recipients;

    @Inject
    Documents documents;

    @Inject
    EntityManager em;

    @Inject
    RecoveryService recovery;

    /** The letter of a step of the path, dated the day of the step; null for a step without one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedDocument letter(RecoveryCaseEntity c, CaseState step, LocalDate on) {
        String type = switch (step) {
            case REMINDED, SECOND_REMINDED -> REMINDER;
            case LAST_REMINDER -> LAST_REMINDER;
            case CONTRAINTE_ISSUED -> CONTRAINTE;
            default -> null;
        };
        if (type == null) {
            return null;
        }
        Recipient to = recipient(c.debtor);
        DocumentFormat f = new DocumentFormat(to.language());
        Map<String, Object> data = debt(c, to, f);
        data.put("second", step == CaseState.SECOND_REMINDED);
        data.put("stepOn", f.date(on));
        RecoveryPath.Timers timers = recovery.timers();
        // pay before the next letter: a second reminder after the first, the registered one after the second
        data.put("payBy", f.date(on.plusDays(step == CaseState.REMINDED ? timers.secondReminderDays() : timers.lastReminderDays())));
        data.put("contestBy", f.date(RecoveryPath.windowEnd(on, timers)));
        data.put("oppositionMonths", timers.oppositionMonths());
        data.put("registeredMailRef", c.registeredMailRef == null ? "" : c.registeredMailRef);
        // art. 46: the last reminder goes by registered letter (its date interrupts the prescription)
        boolean registered = step == CaseState.LAST_REMINDER;
        return archive.issue(new DocumentRequest(type, c.id + ":" + step.name(), niss(c.debtor), company(c.debtor),
                to.language(), on, data, registered));
    }

    /** The agreement of an approved plan: every instalment with its own communication and QR code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedDocument plan(RecoveryCaseEntity c, PaymentPlanEntity p, List<PlanService.InstalmentLine> lines) {
        Recipient to = recipient(c.debtor);
        DocumentFormat f = new DocumentFormat(to.language());
        Map<String, Object> data = debt(c, to, f);
        data.put("amount", f.money(p.amount));
        data.put("months", p.months);
        data.put("decidedOn", f.date(p.decidedOn));
        List<Map<String, Object>> instalments = new ArrayList<>();
        for (PlanService.InstalmentLine l : lines) {
            instalments.add(Map.of("number", l.number(), "dueOn", f.date(l.dueOn()), "amount", f.money(l.amount()),
                    "communication", StructuredCommunication.parse(l.structuredCommunication()).formatted(),
                    "qr", documents.paymentQr(l.amount(), l.structuredCommunication())));
        }
        data.put("instalments", instalments);
        return archive.issue(new DocumentRequest(PAYMENT_PLAN, p.id.toString(), niss(c.debtor), company(c.debtor),
                to.language(), p.decidedOn, data, false));
    }

    private Map<String, Object> debt(RecoveryCaseEntity c, Recipient to, DocumentFormat f) {
        String lang = to.language().code();
        Map<String, Object> data = new LinkedHashMap<>();
        to.into(data);
        data.put("reference", c.reference);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT period, component, amount FROM debt_item WHERE case_id = :c AND amount > 0 "
                + "ORDER BY period, component").setParameter("c", c.id).getResultList();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal amount = (BigDecimal) r[2];
            total = total.add(amount);
            lines.add(Map.of("period", period(f, (String) r[0]), "component",
                    Messages.text(lang, "debt-component." + r[1]), "amount", f.money(amount)));
        }
        data.put("lines", lines);
        data.put("total", f.money(total));
        return data;
    }

    private static String period(DocumentFormat f, String period) {
        try {
            return f.quarter(Quarter.parse(period));
        } catch (RuntimeException e) {
            return period; // a year (company contribution) or another period as it is written
        }
    }

    private Recipient recipient(String debtor) {
        if (debtor.length() == 11) {
            return recipients.of(debtor);
        }
        return new Recipient(debtor, DocumentFormat.enterpriseNumber(debtor), "", "", DocumentLanguage.FR);
    }

    private static String niss(String debtor) {
        return debtor.length() == 11 ? debtor : null;
    }

    private static String company(String debtor) {
        return debtor.length() == 11 ? null : debtor;
    }
}
