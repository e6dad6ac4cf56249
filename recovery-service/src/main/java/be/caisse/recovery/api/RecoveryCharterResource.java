package be.caisse.recovery.api;

import be.caisse.common.charter.CharterEndpoints;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** recovery-service's charter figures ({@link CharterEndpoints}). */
@Path("/recovery/charter")
@Tag(name = "Charter")
public class RecoveryCharterResource extends CharterEndpoints {
}
