package be.caisse.benefits.api;

import be.caisse.documents.DocumentEndpoints;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The documents benefits-service issued (decisions, undue-amount decisions, 281.18 sheets) as issued, and the print
 * batch of those sent on paper. A member's list of documents is in affiliation-service.
 */
@Path("/benefits")
@Tag(name = "Documents")
public class BenefitDocumentResource extends DocumentEndpoints {
}
