package be.caisse.common.web;

import be.caisse.common.i18n.MemberLanguages;
import be.caisse.common.i18n.Messages;
import be.caisse.common.i18n.Text;
import be.caisse.common.security.Roles;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The language of this request's answer: the best of fr, nl, de, en in {@code Accept-Language}; without one, the
 * language the fund recorded for the member when an affiliate reads her own dossier; else English. Every text of the
 * answer is rendered in it, and the answer says it in {@code Content-Language}.
 */
@RequestScoped
public class RequestLanguage {
    @Inject
    HttpServerRequest request;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Instance<MemberLanguages> memberLanguages;

    private String language;

    public String get() {
        if (language == null) {
            language = resolve();
        }
        return language;
    }

    public String render(Text text) {
        return Messages.render(get(), text);
    }

    public String text(String key, Object... args) {
        return Messages.text(get(), key, args);
    }

    private String resolve() {
        Optional<String> asked = Messages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        if (asked.isPresent()) {
            return asked.get();
        }
        if (!BlockingOperationControl.isBlockingAllowed() || memberLanguages.isUnsatisfied()) {
            return Messages.ENGLISH; // on the I/O thread (a refusal before any work): no look-up
        }
        return ownNiss().flatMap(this::recorded).map(Messages::normalise).orElse(Messages.ENGLISH);
    }

    private Optional<String> ownNiss() {
        try {
            // only an identity already established: a mapper answering a failed sign-in must not sign in again
            SecurityIdentity identity = identities.getIdentity();
            if (identity == null || identity.isAnonymous() || !identity.hasRole(Roles.AFFILIATE)) {
                return Optional.empty();
            }
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(Roles.NISS_CLAIM) != null) {
                return Optional.of(jwt.getClaim(Roles.NISS_CLAIM).toString());
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<String> recorded(String niss) {
        try {
            return memberLanguages.get().of(niss);
        } catch (RuntimeException e) {
            // the answer still goes out (in English), but a member who should have read French must be traceable
            org.jboss.logging.Logger.getLogger(RequestLanguage.class).warnf("The member's language could not be read, English used: %s (cause %s)",
                    e.getClass().getName(), e.getCause() == null ? "none" : e.getCause().getClass().getName());
            return Optional.empty();
        }
    }
}
