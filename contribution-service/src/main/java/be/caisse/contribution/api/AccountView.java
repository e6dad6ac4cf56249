package be.caisse.contribution.api;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The member's contribution account as the API shows it. Amounts in euro with two decimals. */
public record AccountView(String niss, String category, LocalDate liableFrom, OffsetDateTime openedAt,
                          List<QuarterView> quarters) {

    public record Basis(String category, BigDecimal income, String incomeSource, int parameterYear, String rule) {
    }

    public record QuarterView(String quarter, LocalDate dueDate, BigDecimal legalAmount, BigDecimal fee,
                              BigDecimal feeRate, BigDecimal total, String currency, String structuredCommunication,
                              Basis basis) {
        static QuarterView of(ContributionQuarterEntity q) {
            return new QuarterView(q.quarter, q.dueDate, q.legalAmount, q.fee, q.feeRate, q.legalAmount.add(q.fee), "EUR",
                    StructuredCommunication.parse(q.structuredCommunication).formatted(),
                    new Basis(q.basisCategory, q.basisIncome, q.basisIncomeSource, q.basisParameterYear, q.basisRule));
        }
    }

    static AccountView of(ContributionAccountEntity a, List<ContributionQuarterEntity> quarters) {
        return new AccountView(a.niss, a.category.name(), a.liableFrom, a.openedAt,
                quarters.stream().map(QuarterView::of).toList());
    }
}
