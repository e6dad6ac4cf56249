package be.caisse.benefits.application;

import be.caisse.benefits.persistence.BenefitPaymentEntity;
import be.caisse.benefits.persistence.ClaimDecisionEntity;
import be.caisse.benefits.persistence.ClaimEntity;
import be.caisse.benefits.persistence.ClaimRevisionEntity;
import be.caisse.benefits.persistence.UndueAmountEntity;
import be.caisse.common.i18n.Messages;
import be.caisse.common.i18n.Text;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.documents.DocumentArchive;
import be.caisse.documents.DocumentFormat;
import be.caisse.documents.DocumentRequest;
import be.caisse.documents.Documents;
import be.caisse.documents.Recipient;
import be.caisse.documents.Recipients;
import be.caisse.documents.archive.IssuedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The benefit documents, in the member's language: the decision (granted, partly granted, refused) with its
 * motivation in fact and law and the full art. 14 block, issued when it is notified and issued again (replacing
 * it) when a revision is approved; the undue-amount decision (beslissing onverschuldigd bedrag) with what is claimed
 * back, how, and the QR code of the repayment; the yearly 281.18 tax sheet of the benefits paid.
 */
@ApplicationScoped
public class BenefitDocuments {
    public static final String DECISION = "benefit-decision";
    public static final String UNDUE_DECISION = "undue-decision";
    public static final String TAX_SHEET = "tax-sheet-281-18";

    @Inject
    DocumentArchive archive;

    @Inject
    Recipients recipients;

    @Inject
    Documents documents;

    @Inject
    Clock clock;

    /**
     * The withholding tax on benefits (précompte professionnel): REFERENCE.md §10.9 found no source for one, so it is
     * a parameter, zero by default, printed on the 281.18 sheet.
     */
    @ConfigProperty(name = "caisse.benefits.withholding-rate", defaultValue = "0")
    BigDecimal withholdingRate;

    /** The decision as notified (or as revised): one current document per claim. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedDocument decision(ClaimEntity c, ClaimDecisionEntity d, ClaimRevisionEntity revision) {
        Recipient to = recipients.of(c.niss);
        DocumentFormat f = new DocumentFormat(to.language());
        String lang = to.language().code();
        Map<String, Object> data = new LinkedHashMap<>();
        to.into(data);
        data.put("reference", c.reference);
        data.put("revision", revision == null ? "" : revision.reference);
        data.put("benefit", Messages.text(lang, "benefit-type." + c.type));
        data.put("outcome", d.outcome);
        data.put("total", f.money(d.total));
        data.put("units", d.units);
        data.put("unit", d.unit == null ? "" : Messages.text(lang, "benefit-unit." + d.unit));
        // a revision explains itself: the revised right and what was paid too much
        data.put("motivation", rendered(lang, revision != null ? revision.motivation : d.motivation));
        data.put("mentions", rendered(lang, d.mentions));
        data.put("court", d.court == null ? "" : d.court);
        data.put("appealBy", d.appealBy == null ? "" : f.date(d.appealBy));
        data.put("filedOn", c.filedOn == null ? "" : f.date(c.filedOn));
        data.put("notifiedOn", f.date(c.notifiedOn));
        data.put("paymentDue", f.date(be.caisse.benefits.domain.CharterClock.paymentDue(c.notifiedOn)));
        data.put("payments", BenefitPaymentEntity.<BenefitPaymentEntity>list(
                        "claimId = ?1 and status in ('SCHEDULED', 'IN_RUN', 'EXECUTED', 'OFFSET') order by dueDate, period", c.id)
                .stream().map(p -> Map.of("period", p.period, "due", f.date(p.dueDate), "amount", f.money(p.amount))).toList());
        return archive.issue(new DocumentRequest(DECISION, c.id.toString(), c.niss, null, to.language(), c.notifiedOn,
                data, false));
    }

    /** The undue-amount decision of an approved revision: what was paid too much, what is waived, claimed, how. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedDocument undueDecision(ClaimEntity c, ClaimRevisionEntity r, UndueAmountEntity u) {
        Recipient to = recipients.of(c.niss);
        DocumentFormat f = new DocumentFormat(to.language());
        String lang = to.language().code();
        Map<String, Object> data = new LinkedHashMap<>();
        to.into(data);
        data.put("reference", c.reference);
        data.put("revision", r.reference);
        data.put("benefit", Messages.text(lang, "benefit-type." + c.type));
        data.put("overpaid", f.money(r.overpaid));
        data.put("waived", f.money(r.waived));
        data.put("interest", f.money(r.interest));
        data.put("claimed", f.money(u.amount));
        data.put("offset", "OFFSET".equals(u.recovery));
        data.put("payBy", f.date(u.payBy));
        String communication = StructuredCommunication.parse(u.structuredCommunication).formatted();
        data.put("communication", communication);
        data.put("motivation", rendered(lang, r.motivation));
        data.put("mentions", rendered(lang, r.mentions));
        data.put("qr", "OFFSET".equals(u.recovery) ? "" : documents.paymentQr(u.amount, u.structuredCommunication));
        return archive.issue(new DocumentRequest(UNDUE_DECISION, u.id.toString(), c.niss, null, to.language(),
                u.establishedOn, data, false));
    }

    /** One line of a year's 281.18 sheet: a kind of benefit, its gross paid, late interest, tax withheld. */
    public record TaxSheetLine(String type, BigDecimal gross, BigDecimal interest, BigDecimal withholding) {
    }

    /** The 281.18 sheet of a year (fiche fiscale / fiscale fiche): issued once, a corrected one replaces it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedDocument taxSheet(String niss, int year, List<TaxSheetLine> lines, boolean complete) {
        Recipient to = recipients.of(niss);
        DocumentFormat f = new DocumentFormat(to.language());
        String lang = to.language().code();
        BigDecimal gross = BigDecimal.ZERO.setScale(2);
        BigDecimal interest = BigDecimal.ZERO.setScale(2);
        BigDecimal withholding = BigDecimal.ZERO.setScale(2);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TaxSheetLine l : lines) {
            gross = gross.add(l.gross());
            interest = interest.add(l.interest());
            withholding = withholding.add(l.withholding());
            rows.add(Map.of("benefit", Messages.text(lang, "benefit-type." + l.type()), "gross", f.money(l.gross()),
                    "interest", f.money(l.interest()), "withholding", f.money(l.withholding()),
                    "net", f.money(l.gross().add(l.interest()).subtract(l.withholding()))));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        to.into(data);
        data.put("year", year);
        data.put("lines", rows);
        data.put("gross", f.money(gross));
        data.put("interest", f.money(interest));
        data.put("withholding", f.money(withholding));
        data.put("net", f.money(gross.add(interest).subtract(withholding)));
        data.put("withholdingRate", f.percent(withholdingRate));
        data.put("complete", complete);
        return archive.issue(new DocumentRequest(TAX_SHEET, niss + ":" + year, niss, null, to.language(),
                LocalDate.now(clock), data, false));
    }

    private static List<String> rendered(String lang, String encoded) {
        return ClaimService.texts(encoded).stream().map(t -> Messages.render(lang, t)).toList();
    }

}
