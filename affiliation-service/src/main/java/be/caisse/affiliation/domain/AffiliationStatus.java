package be.caisse.affiliation.domain;

public enum AffiliationStatus {
    ACTIVE, CEASED
}
