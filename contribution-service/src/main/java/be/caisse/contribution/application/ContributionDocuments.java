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
import be.caisse.documents.EpcQrCode;
import be.caisse.documents.FundIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

    /** The person as a letter addresses her; an unknown person is addressed by NISS alone. */
    public record Recipient(String niss, String name, String line1, String line2, DocumentLanguage language) {
        public static Recipient of(String niss, KnownPerson p) {
            if (p == null) {
                return new Recipient(niss, DocumentFormat.niss(niss), "", "", DocumentLanguage.FR);
            }
            return new Recipient(niss, p.fullName(), nz(p.addressLine1), nz(p.addressLine2),
                    DocumentLanguage.of(p.language));
        }

        void into(Map<String, Object> data) {
            data.put("recipientName", name);
            data.put("addressLine1", line1);
            data.put("addressLine2", line2);
            data.put("niss", DocumentFormat.niss(niss));
        }
    }

    public Recipient recipient(String niss) {
        return Recipient.of(niss, KnownPerson.findById(niss));
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

    /** The EPC QR payload of a transfer to the fund. */
    public String qr(BigDecimal amount, String communication) {
        FundIdentity fund = documents.fund();
        return EpcQrCode.payload(fund.bic(), fund.name(DocumentLanguage.FR), fund.iban(), amount, communication);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
