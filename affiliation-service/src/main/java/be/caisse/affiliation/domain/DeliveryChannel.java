package be.caisse.affiliation.domain;

/**
 * How a member's documents reach her (canal de communication): a link by e-mail, or a letter. The member chooses;
 * without a choice, e-mail once an address is known (issue 11: "e-mail by default once an address is known").
 */
public enum DeliveryChannel {
    EMAIL, PAPER;

    /**
     * The channel documents actually take. A choice of e-mail without an address left cannot be honoured: paper,
     * until an address is given again (the choice is kept).
     */
    public static DeliveryChannel effective(DeliveryChannel chosen, boolean hasEmail) {
        if (chosen == PAPER) {
            return PAPER;
        }
        return hasEmail ? EMAIL : PAPER;
    }
}
