package be.caisse.affiliation.application;

import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.i18n.MemberLanguages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** affiliation-service knows its members' language from its own person records. */
@ApplicationScoped
public class PersonLanguages implements MemberLanguages {
    @Override
    @Transactional
    public Optional<String> of(String niss) {
        PersonEntity p = PersonEntity.findById(niss);
        return p == null ? Optional.empty() : Optional.of(p.language);
    }
}
