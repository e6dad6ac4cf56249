package be.caisse.contribution.application;

import be.caisse.common.projection.KnownPerson;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.documents.DocumentArchive;
import be.caisse.documents.DocumentRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Issues the payment notice (PDF) of every quarter that has none for its current revision: after the quarterly run
 * (so that the notices are sent in the first month of their quarter) and every minute for the notices created
 * since (catch-up bills, corrections). Renders on every core, stores in batches of one transaction each; a crash
 * loses at most the batch under way, which the next pass issues (the archive returns a document already issued).
 */
@ApplicationScoped
public class NoticeDocumentJob {
    private static final Logger LOG = Logger.getLogger(NoticeDocumentJob.class);

    @Inject
    ContributionDocuments documents;

    @Inject
    DocumentArchive archive;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "caisse.documents.notices.batch-size", defaultValue = "100")
    int batchSize;

    @ConfigProperty(name = "caisse.documents.render-threads", defaultValue = "2")
    int threads;

    private final AtomicBoolean running = new AtomicBoolean();

    @Scheduled(every = "${caisse.documents.notices.every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void catchUp() {
        issuePending();
    }

    /**
     * Issues every pending notice; returns how many were issued (0 when another pass is running). The next batch
     * renders while the one before is stored, so that the cores never wait for the database.
     */
    public int issuePending() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "notice-documents");
            t.setDaemon(true);
            return t;
        });
        try {
            int issued = 0;
            long started = System.nanoTime();
            long waitNanos = 0;
            long storeNanos = 0;
            Object[] after = {null, null};
            List<Future<DocumentArchive.Prepared>> rendering = render(pool, after);
            while (!rendering.isEmpty()) {
                long t0 = System.nanoTime();
                List<DocumentArchive.Prepared> prepared = new ArrayList<>();
                for (Future<DocumentArchive.Prepared> f : rendering) {
                    prepared.add(f.get());
                }
                waitNanos += System.nanoTime() - t0;
                rendering = render(pool, after);
                t0 = System.nanoTime();
                QuarkusTransaction.requiringNew().run(() -> {
                    for (DocumentArchive.Prepared p : prepared) {
                        archive.store(p);
                        String[] key = p.request().businessKey().split(":");
                        em.createNativeQuery("UPDATE contribution_quarter SET notice_document_revision = :r "
                                        + "WHERE niss = :n AND quarter = :q")
                                .setParameter("r", p.request().data().get("revision"))
                                .setParameter("n", key[0]).setParameter("q", key[1]).executeUpdate();
                    }
                });
                storeNanos += System.nanoTime() - t0;
                issued += prepared.size();
            }
            if (issued > 0) {
                LOG.infof("Issued %d payment notices in %.1f s (waiting for the renderers %.1f s, storing %.1f s)", issued,
                        (System.nanoTime() - started) / 1e9, waitNanos / 1e9, storeNanos / 1e9);
            }
            return issued;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            LOG.errorf(e.getCause(), "Payment notices could not be rendered; the next pass tries again");
            return 0;
        } finally {
            pool.shutdownNow();
            running.set(false);
        }
    }

    /** Reads the next batch after the last one read (created_at, id) and starts rendering it. */
    private List<Future<DocumentArchive.Prepared>> render(ExecutorService pool, Object[] after) {
        List<DocumentRequest> requests = QuarkusTransaction.requiringNew().call(() -> nextBatch(after));
        List<Future<DocumentArchive.Prepared>> rendering = new ArrayList<>();
        for (DocumentRequest r : requests) {
            rendering.add(pool.submit(() -> archive.prepare(r)));
        }
        return rendering;
    }

    private List<DocumentRequest> nextBatch(Object[] after) {
        String sql = "SELECT * FROM contribution_quarter WHERE cancelled_at IS NULL AND (notice_document_revision IS NULL "
                + "OR notice_document_revision <> revision)"
                + (after[0] == null ? "" : " AND (created_at, id) > (:at, :id)") + " ORDER BY created_at, id LIMIT :n";
        jakarta.persistence.Query query = em.createNativeQuery(sql, ContributionQuarterEntity.class).setParameter("n", batchSize);
        if (after[0] != null) {
            query.setParameter("at", after[0]).setParameter("id", after[1]);
        }
        @SuppressWarnings("unchecked")
        List<ContributionQuarterEntity> due = query.getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        ContributionQuarterEntity last = due.get(due.size() - 1);
        after[0] = last.createdAt;
        after[1] = last.id;
        Map<String, KnownPerson> people = KnownPerson.<KnownPerson>list("niss in ?1",
                        due.stream().map(q -> q.niss).distinct().toList())
                .stream().collect(Collectors.toMap(p -> p.niss, Function.identity()));
        List<DocumentRequest> requests = new ArrayList<>();
        for (ContributionQuarterEntity q : due) {
            requests.add(documents.paymentNotice(q, be.caisse.documents.Recipient.of(q.niss, people.get(q.niss))));
        }
        em.clear();
        return requests;
    }
}
