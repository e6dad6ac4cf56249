package be.caisse.common.projection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@link KnownAffiliation} as the consuming services show it. */
public record KnownAffiliationView(String niss, UUID affiliationId, String category, LocalDate liableFrom, String status,
                                   LocalDate endDate, LocalDate liableUntil, String cessationReason,
                                   String lastEventType, OffsetDateTime updatedAt) {
    public static KnownAffiliationView of(KnownAffiliation k) {
        return new KnownAffiliationView(k.niss, k.affiliationId, k.category, k.liableFrom, k.status, k.endDate,
                k.liableUntil, k.cessationReason, k.lastEventType, k.updatedAt);
    }
}
