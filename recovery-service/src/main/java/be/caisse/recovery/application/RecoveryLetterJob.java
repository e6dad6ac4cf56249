package be.caisse.recovery.application;

import be.caisse.documents.archive.IssuedDocument;
import be.caisse.recovery.domain.CaseState;
import be.caisse.recovery.persistence.RecoveryCaseEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Issues the letters of the steps the path took (the daily pass moves thousands of cases set-based and writes no
 * PDF): every step to a reminder, the last reminder or a contrainte waits as PENDING in {@code case_step} until its
 * letter is issued, in batches of {@value #BATCH} in their own transactions. Run every minute (and, in the tests,
 * right after each pass), and on demand ({@code POST /api/recovery/letters}); a step is never given two letters.
 */
@ApplicationScoped
public class RecoveryLetterJob {
    private static final Logger LOG = Logger.getLogger(RecoveryLetterJob.class);
    static final int BATCH = 100;

    @Inject
    EntityManager em;

    @Inject
    RecoveryDocuments documents;

    @Scheduled(every = "${caisse.documents.letters.every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int n = issuePending();
        if (n > 0) {
            LOG.infof("%d recovery letters issued", n);
        }
    }

    public int issuePending() {
        int issued = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(() -> batch(null));
            issued += n;
            if (n < BATCH) {
                return issued;
            }
        }
    }

    /** The letters of one case's steps, in the caller's transaction (an agent issued a contrainte: its letter now). */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public int issueFor(UUID caseId) {
        return batch(caseId);
    }

    private int batch(UUID caseId) {
        var query = em.createNativeQuery("SELECT id, case_id, to_state, on_date FROM case_step WHERE letter_status = 'PENDING' "
                        + "AND to_state IN ('REMINDED', 'SECOND_REMINDED', 'LAST_REMINDER', 'CONTRAINTE_ISSUED') "
                        + "AND from_state IS DISTINCT FROM to_state" + (caseId == null ? "" : " AND case_id = :c")
                        + " ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED");
        if (caseId != null) {
            query.setParameter("c", caseId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> steps = query.getResultList();
        for (Object[] s : steps) {
            RecoveryCaseEntity c = RecoveryCaseEntity.findById((UUID) s[1]);
            java.time.LocalDate on = s[3] instanceof java.time.LocalDate d ? d : ((Date) s[3]).toLocalDate();
            IssuedDocument doc = documents.letter(c, CaseState.valueOf((String) s[2]), on);
            em.createNativeQuery("UPDATE case_step SET letter_status = 'ISSUED', document_id = :d WHERE id = :id")
                    .setParameter("d", doc.id).setParameter("id", ((Number) s[0]).longValue()).executeUpdate();
        }
        return steps.size();
    }
}
