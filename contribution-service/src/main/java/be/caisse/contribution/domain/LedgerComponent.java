package be.caisse.contribution.domain;

/**
 * Which debt a ledger line belongs to: the principal (contributions, fees, regularisations and what pays them),
 * the surcharges (kept apart: they are never surcharged, not deductible, and can be waived), or the member's
 * credit not yet allocated.
 */
public enum LedgerComponent {
    PRINCIPAL, SURCHARGE, CREDIT
}
