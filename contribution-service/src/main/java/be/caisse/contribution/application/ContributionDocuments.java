package be.caisse.contribution.application;

import be.caisse.common.i18n.Messages;
import be.caisse.common.i18n.Text;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.projection.KnownPerson;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.Surcharges;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.documents.DocumentArchive;
import be.caisse.documents.DocumentFormat;
import be.caisse.documents.DocumentLanguage;
import be.caisse.documents.DocumentRequest;
import be.caisse.documents.Documents;
import be.caisse.documents.Recipient;
import be.caisse.documents.Recipients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of the contribution account, built from its data: the payment notice of a quarter (avis
 * d'échéance), the regularisation notice, the company contribution notice, the account statement and the tax
 * certificate. Each is written in the member's language, with the EPC QR code of what is to pay.
 */
@ApplicationScoped
public class ContributionDocuments {
    public static final String PAYMENT_NOTICE = "payment-notice";
    public static final String REGULARISATION_NOTICE = "regularisation-notice";
    public static final String COMPANY_NOTICE = "company-notice";
    public static final String ACCOUNT_STATEMENT = "account-statement";
    public static final String TAX_CERTIFICATE = "tax-certificate";

    @Inject
    Documents documents;

    @Inject
    DocumentArchive archive;

    @Inject
    Clock clock;

    @Inject
    Recipients recipients;

    public Recipient recipient(String niss) {
        return recipients.of(niss);
    }

    /** The request for the notice of a quarter, as it stands (a revised quarter gives a document that replaces). */
    public DocumentRequest paymentNotice(ContributionQuarterEntity q, Recipient to) {
        DocumentFormat f = new DocumentFormat(to.language());
        String lang = to.language().code();
        Quarter quarter = Quarter.parse(q.quarter);
        BigDecimal total = q.legalAmount.add(q.fee);
        String communication = StructuredCommunication.parse(q.structuredCommunication).formatted();
        Map<String, Object> data = new LinkedHashMap<>();
        to.into(data);
        data.put("quarter", q.quarter);
        data.put("quarterLabel", f.quarter(quarter));
        data.put("category", Messages.text(lang, "category." + q.basisCategory));
        data.put("contribution", f.money(q.legalAmount));
        data.put("feeRate", f.percent(q.feeRate));
        data.put("fee", f.money(q.fee));
        data.put("total", f.money(total));
        data.put("dueDate", f.date(q.dueDate));
        data.put("communication", communication);
        data.put("basis", Messages.render(lang, Text.decode(q.basisRule)));
        data.put("parameterYear", q.basisParameterYear);
        data.put("quarterlySurcharge", f.percent(Surcharges.QUARTERLY_RATE));
        data.put("yearlySurcharge", f.percent(Surcharges.YEAR_END_RATE));
        data.put("revision", q.revision);
        data.put("qr", total.signum() > 0 ? qr(total, q.structuredCommunication) : "");
        return new DocumentRequest(PAYMENT_NOTICE, q.niss + ":" + q.quarter, q.niss, null, to.language(),
                LocalDate.now(clock), data, false);
    }

    /**
     * The tax certificate (attestation fiscale) of a year: the contributions paid in it, by quarter; provisional
     * while the year runs, and replaced by a corrected one when a payment of the year is allocated later.
     */
    public DocumentRequest taxCertificate(String niss, int year, List<Map.Entry<String, BigDecimal>> byQuarter,
                                          BigDecimal total, boolean complete) {
        Recipient to = recipient(niss);
        DocumentFormat f = new DocumentFormat(to.language());
        Map<String, Object> data = new LinkedHashMap<>();
        to.into(data);
        data.put("year", year);
        data.put("lines", byQuarter.stream().map(e -> Map.of("quarter", f.quarter(Quarter.parse(e.getKey())),
                "paid", f.money(e.getValue()))).toList());
        data.put("total", f.money(total));
        data.put("complete", complete);
        return new DocumentRequest(TAX_CERTIFICATE, niss + ":" + year, niss, null, to.language(), LocalDate.now(clock),
                data, false);
    }

    /** One line of a statement: its date, what it is (in the reader's language), debit or credit, the balance. */
    public record StatementLine(LocalDate date, String description, BigDecimal debit, BigDecimal credit,
                                BigDecimal balance) {
    }

    /** The account statement (relevé de compte) of a period, every line of it. */
    public DocumentRequest statement(String niss, LocalDate from, LocalDate to, BigDecimal opening,
                                     List<StatementLine> lines, BigDecimal closing, BigDecimal outstanding,
                                     BigDecimal surcharges, BigDecimal credit) {
        Recipient r = recipient(niss);
        DocumentFormat f = new DocumentFormat(r.language());
        Map<String, Object> data = new LinkedHashMap<>();
        r.into(data);
        data.put("from", f.shortDate(from));
        data.put("to", f.shortDate(to));
        data.put("opening", f.money(opening));
        data.put("lines", lines.stream().map(l -> Map.of("date", f.shortDate(l.date()), "description", l.description(),
                "debit", f.money(l.debit()), "credit", f.money(l.credit()), "balance", f.money(l.balance()))).toList());
        data.put("closing", f.money(closing));
        data.put("outstanding", f.money(outstanding));
        data.put("surcharges", f.money(surcharges));
        data.put("credit", f.money(credit));
        return new DocumentRequest(ACCOUNT_STATEMENT, niss + ":" + from + ":" + to, niss, null, r.language(),
                LocalDate.now(clock), data, false);
    }

    /** One regularised quarter: what was called, what is definitive, the difference. */
    public record RegularisedLine(String quarter, BigDecimal called, BigDecimal definitive, BigDecimal difference) {
    }

    /**
     * The regularisation notice of a year: the definitive contributions on the income the tax administration sent,
     * quarter by quarter, and the supplement to pay (with its QR code, on the communication of the year's first
     * quarter, to which the payment is allocated first) or the refund.
     */
    public DocumentRequest regularisationNotice(String niss, int year, BigDecimal income, BigDecimal yearlyBase,
                                                List<RegularisedLine> lines, BigDecimal total, String outcome,
                                                LocalDate dueDate, String communication) {
        Recipient to = recipient(niss);
        DocumentFormat f = new DocumentFormat(to.language());
        Map<String, Object> data = new LinkedHashMap<>();
        to.into(data);
        data.put("year", year);
        data.put("income", f.money(income));
        data.put("yearlyBase", f.money(yearlyBase));
        data.put("lines", lines.stream().map(l -> Map.of("quarter", f.quarter(Quarter.parse(l.quarter())),
                "called", f.money(l.called()), "definitive", f.money(l.definitive()),
                "difference", f.money(l.difference()))).toList());
        data.put("total", f.money(total.abs()));
        data.put("outcome", outcome);
        data.put("dueDate", f.date(dueDate));
        data.put("communication", StructuredCommunication.parse(communication).formatted());
        data.put("qr", "SUPPLEMENT".equals(outcome) ? qr(total, communication) : "");
        return new DocumentRequest(REGULARISATION_NOTICE, niss + ":" + year, niss, null, to.language(),
                LocalDate.now(clock), data, false);
    }

    /** The company contribution notice, with the directors jointly liable (art. 98 loi 30/12/1992). */
    public DocumentRequest companyNotice(String enterpriseNumber, String companyName, int year, String bracket,
                                         BigDecimal balanceSheet, BigDecimal amount, LocalDate dueDate,
                                         String communication, List<String> directors) {
        DocumentLanguage language = DocumentLanguage.FR;
        DocumentFormat f = new DocumentFormat(language);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("companyName", companyName == null ? DocumentFormat.enterpriseNumber(enterpriseNumber) : companyName);
        data.put("enterpriseNumber", DocumentFormat.enterpriseNumber(enterpriseNumber));
        data.put("year", year);
        data.put("bracket", Messages.find(language.code(), "company-bracket." + bracket).orElse(bracket));
        data.put("balanceSheet", balanceSheet == null ? "" : f.money(balanceSheet));
        data.put("balanceSheetYear", year - 2);
        data.put("amount", f.money(amount));
        data.put("dueDate", f.date(dueDate));
        data.put("communication", StructuredCommunication.parse(communication).formatted());
        data.put("qr", qr(amount, communication));
        data.put("directors", directors.stream().map(n -> {
            KnownPerson p = KnownPerson.findById(n);
            return (p == null ? "" : p.fullName() + " – ") + DocumentFormat.niss(n);
        }).toList());
        return new DocumentRequest(COMPANY_NOTICE, enterpriseNumber + ":" + year, null, enterpriseNumber, language,
                LocalDate.now(clock), data, false);
    }

    /** The EPC QR payload of a transfer to the fund. */
    public String qr(BigDecimal amount, String communication) {
        return documents.paymentQr(amount, communication);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
