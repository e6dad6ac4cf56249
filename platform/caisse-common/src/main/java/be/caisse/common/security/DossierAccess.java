package be.caisse.common.security;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.problem.DomainProblem;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Who may read a person's dossier: the fund's staff (agent, supervisor, admin) for any dossier, an affiliate only
 * for the NISS carried in the token. Every staff read of personal data is written to the audit log (masked NISS).
 * {@link OwnDossierFilter} already refused an affiliate on another dossier before the request was read; this check
 * is the second lock, and the audit.
 */
@RequestScoped
public class DossierAccess {
    private static final Logger AUDIT = Logger.getLogger("be.caisse.audit");

    @Inject
    SecurityIdentity identity;

    @Inject
    be.caisse.common.access.AccessTrail trail;

    public boolean isStaff() {
        return OwnDossierFilter.isStaff(identity);
    }

    /** The NISS of the signed-in affiliate, if the token carries one. */
    public Optional<String> ownNiss() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(Roles.NISS_CLAIM);
            return Optional.ofNullable(claim).map(Object::toString);
        }
        return Optional.empty();
    }

    /** The signed-in user's name, as kept in the trails (who filed, who decided). */
    public String user() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** A partner's read of one of its members (the partner's own check of membership comes first). */
    public void recordPartnerRead(String niss, String purpose) {
        String partner = user().startsWith("service-account-") ? user().substring("service-account-".length()) : user();
        AUDIT.infof("partner %s read %s of %s", partner, purpose, Niss.mask(niss));
        trail.record(niss, purpose, partner, be.caisse.common.access.AccessTrail.ActorKind.PARTNER);
    }

    /**
     * A read that the trail keeps whoever makes it (the member's export of her own data): staff and the DPO as
     * {@link #checkCanRead}, the member herself as MEMBER.
     */
    public void checkAndRecordAnyRead(String niss, String purpose) {
        checkCanRead(niss, purpose);
        if (!isStaff() && !identity.hasRole(Roles.DPO)) {
            trail.record(niss, purpose, user(), be.caisse.common.access.AccessTrail.ActorKind.MEMBER);
        }
    }

    /** Throws 403 unless the caller may read the dossier of this NISS. */
    public void checkCanRead(String niss, String purpose) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (isStaff()) {
            AUDIT.infof("staff %s read %s of %s", identity.getPrincipal().getName(), purpose, Niss.mask(niss));
            trail.record(niss, purpose, user(), be.caisse.common.access.AccessTrail.ActorKind.STAFF);
            return;
        }
        if (identity.hasRole(Roles.DPO)) {
            AUDIT.infof("dpo %s read %s of %s", identity.getPrincipal().getName(), purpose, Niss.mask(niss));
            trail.record(niss, purpose, user(), be.caisse.common.access.AccessTrail.ActorKind.DPO);
            return;
        }
        if (identity.hasRole(Roles.AFFILIATE) && ownNiss().filter(niss::equals).isPresent()) {
            return;
        }
        throw new DomainProblem(403, "forbidden-dossier");
    }
}
