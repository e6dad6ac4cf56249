package be.caisse.contribution.domain;

import java.math.BigDecimal;

/** A professional income of one year, from the tax administration or declared by the member. */
public record ReferenceIncome(int year, BigDecimal amount, IncomeSource source) {
}
