package ai.seed.inference.evaluation.runs;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node-wide limit on evaluation turns in flight towards the model endpoints, shared by all
 * runs (chat traffic is not counted: it has its own bulkheads in the model gateway).
 */
@ApplicationScoped
public class ModelPermits {

    @Inject
    @ConfigProperty(name = "seed.evaluation.max-concurrency", defaultValue = "4")
    int limit;

    private Semaphore permits;

    @PostConstruct
    void init() {
        permits = new Semaphore(Math.max(1, limit), true);
    }

    public void run(Runnable work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            work.run();
        } finally {
            permits.release();
        }
    }

    public int limit() {
        return Math.max(1, limit);
    }

    /** Permits free right now (for tests and the console). */
    public int available() {
        return permits.availablePermits();
    }
}
