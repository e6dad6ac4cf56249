package be.caisse.benefits.domain;

/** What an effective-dated amount row is the amount of. */
public enum AmountKind {
    /** Bridging right, a month, without family charge. */
    BRIDGING_RIGHT_MONTH,
    /** Bridging right, a month, with family charge (at least one dependant). */
    BRIDGING_RIGHT_MONTH_FAMILY,
    /** Birth leave, a full day. */
    BIRTH_LEAVE_DAY,
    /** Birth leave, a half day. */
    BIRTH_LEAVE_HALF_DAY,
    /** Mourning leave, a full day. */
    MOURNING_LEAVE_DAY,
    /** Carer leave, a month of full interruption. */
    CARER_LEAVE_MONTH_FULL,
    /** Carer leave, a month of partial interruption (at least 50 %). */
    CARER_LEAVE_MONTH_PARTIAL,
    /** The value of one service voucher (titre-service), for the maternity vouchers and the birth-leave option. */
    SERVICE_VOUCHER,
    /** The legal interest rate in civil matters, in percent, for the year starting on the row's date (loi du 5 mai 1865). */
    LEGAL_INTEREST_RATE,
    /** The legal interest rate in social matters (7 %), for a fund that applies it to the interest of the Charter. */
    LEGAL_INTEREST_RATE_SOCIAL
}
