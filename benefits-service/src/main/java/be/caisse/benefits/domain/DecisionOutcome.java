package be.caisse.benefits.domain;

/** What a decision says: the right granted in full, in part (fewer months or days than asked), or refused. */
public enum DecisionOutcome { GRANTED, PARTLY_GRANTED, REFUSED }
