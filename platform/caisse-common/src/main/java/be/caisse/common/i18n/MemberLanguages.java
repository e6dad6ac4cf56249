package be.caisse.common.i18n;

import java.util.Optional;

/**
 * The language the fund recorded for a member (its correspondence language). affiliation-service reads its own
 * person records; the other services read the {@code known_person} projection of the person events.
 */
public interface MemberLanguages {
    Optional<String> of(String niss);
}
