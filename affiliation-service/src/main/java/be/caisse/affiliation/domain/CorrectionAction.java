package be.caisse.affiliation.domain;

/** What a correction does to a transition recorded by mistake. */
public enum CorrectionAction {
    /** The transition never happened: it is undone. */
    CANCEL,
    /** It happened on another date. */
    AMEND_DATE,
    /** It was in another category (a registration, a change of category, a resumption). */
    AMEND_CATEGORY
}
