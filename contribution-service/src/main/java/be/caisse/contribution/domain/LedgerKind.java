package be.caisse.contribution.domain;

/**
 * What a line of the member's account is. Debits: the provisional contribution, the fund's fee, a regularisation,
 * a surcharge, the company contribution, a refund paid out. Credits: a payment, a reduction (a cancelled notice),
 * a waiver of surcharges (remise). An allocation moves money already received between periods.
 */
public enum LedgerKind {
    CONTRIBUTION, FEE, REGULARISATION, SURCHARGE, COMPANY_CONTRIBUTION, PAYMENT, ALLOCATION, REFUND, REDUCTION, WAIVER
}
