package be.caisse.contribution.domain;

/** Where a reference income comes from. */
public enum IncomeSource {
    /** Net taxable professional income transmitted by the tax administration (SPF Finances). */
    TAX_ADMINISTRATION,
    /** The member's own estimate, to raise or reduce the provisional base (REFERENCE.md §2.7). */
    DECLARED
}
