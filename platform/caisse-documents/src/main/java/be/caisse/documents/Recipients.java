package be.caisse.documents;

/**
 * Who a service's documents go to and how. The services that learn persons from affiliation events read their
 * projection ({@link KnownPersonRecipients}); affiliation-service, which owns the persons, reads its own table.
 */
public interface Recipients {
    Recipient of(String niss);

    /** EMAIL or PAPER: how a new document for this person leaves the fund (PAPER for a company). */
    String channel(String niss);
}
