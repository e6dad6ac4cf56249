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

    /** Issues every pending notice; returns how many were issued (0 when another pass is running). */
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
            while (true) {
                List<DocumentRequest> requests = QuarkusTransaction.requiringNew().call(this::nextBatch);
                if (requests.isEmpty()) {
                    return issued;
                }
                List<Future<DocumentArchive.Prepared>> rendering = new ArrayList<>();
                for (DocumentRequest r : requests) {
                    rendering.add(pool.submit(() -> archive.prepare(r)));
                }
                List<DocumentArchive.Prepared> prepared = new ArrayList<>();
                for (Future<DocumentArchive.Prepared> f : rendering) {
                    prepared.add(f.get());
                }
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
                issued += prepared.size();
            }
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

    private List<DocumentRequest> nextBatch() {
        @SuppressWarnings("unchecked")
        List<ContributionQuarterEntity> due = em.createNativeQuery("SELECT * FROM contribution_quarter "
                        + "WHERE cancelled_at IS NULL AND (notice_document_revision IS NULL "
                        + "OR notice_document_revision <> revision) ORDER BY created_at, id LIMIT :n",
                        ContributionQuarterEntity.class)
                .setParameter("n", batchSize).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<String, KnownPerson> people = KnownPerson.<KnownPerson>list("niss in ?1",
                        due.stream().map(q -> q.niss).distinct().toList())
                .stream().collect(Collectors.toMap(p -> p.niss, Function.identity()));
        List<DocumentRequest> requests = new ArrayList<>();
        for (ContributionQuarterEntity q : due) {
            requests.add(documents.paymentNotice(q, ContributionDocuments.Recipient.of(q.niss, people.get(q.niss))));
        }
        em.clear();
        return requests;
    }
}
