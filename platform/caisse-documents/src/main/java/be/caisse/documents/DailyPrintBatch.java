package be.caisse.documents;

import be.caisse.documents.archive.PrintBatch;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The daily print batch of each service (issue 11: "a daily print batch"): every morning, the paper documents not
 * yet sent, in batches of at most {@code caisse.documents.print-batch.max-letters}, until none is left. Two
 * instances never print the same document (the batch takes its documents with {@code FOR UPDATE SKIP LOCKED}).
 */
@ApplicationScoped
public class DailyPrintBatch {
    private static final Logger LOG = Logger.getLogger(DailyPrintBatch.class);

    @Inject
    PrintBatches batches;

    @Scheduled(cron = "${caisse.documents.print-batch.cron:0 0 6 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        while (true) {
            PrintBatch batch = batches.run("system");
            int printed = batch.letters + batch.registered;
            if (printed > 0) {
                LOG.infof("print batch %s: %d letters, %d registered", batch.id, batch.letters, batch.registered);
            }
            if (printed < batches.maxLetters()) {
                return;
            }
        }
    }
}
