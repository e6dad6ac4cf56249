package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;

/** A request the affiliation rules refuse; {@code code} is stable, the message is for the member. */
public class AffiliationRuleViolation extends RuleViolation {
    public AffiliationRuleViolation(String code, String message) {
        super(code, message);
    }
}
