package ai.seed.inference.platform;

import ai.seed.migrations.Migrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations when the application starts, before any other start-up bean
 * touches the database (those declare {@code @DependsOn("SchemaMigrator")}), then makes sure the
 * first platform administrator exists.
 *
 * <p>A failure (database down, wrong password) does not fail the deployment: readiness stays
 * DOWN and says why, and the migration is retried every {@value #RETRY_SECONDS} s until it
 * succeeds, so the node recovers by itself once the database is back.
 */
@Singleton(name = "SchemaMigrator")
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway manages its own transactions
public class SchemaMigrator {

    static final int RETRY_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;

    @Resource
    TimerService timers;

    @jakarta.inject.Inject
    ai.seed.inference.tenancy.PlatformBootstrap bootstrap;
    /** Retrain jobs a killed node left RUNNING are failed at start (see RetrainWorker). */
    @jakarta.inject.Inject
    ai.seed.inference.dictionary.RetrainWorker retrainWorker;

    private volatile boolean succeeded;

    @PostConstruct
    void migrateOnStart() {
        if (!tryMigrate()) {
            timers.createIntervalTimer(RETRY_SECONDS * 1000L, RETRY_SECONDS * 1000L, new TimerConfig("schema-retry", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (tryMigrate()) {
            timer.cancel();
        }
    }

    private boolean tryMigrate() {
        try {
            MigrateResult result = Migrations.migrate(dataSource);
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migration(s) applied now)");
            bootstrap.ensurePlatformAdmin();
            retrainWorker.recoverInterrupted();
            succeeded = true;
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Database migration failed; readiness stays DOWN, retrying in " + RETRY_SECONDS
                    + " s: " + e.getMessage());
            LOG.log(Level.FINE, "migration failure", e);
            return false;
        }
    }

    public boolean succeeded() {
        return succeeded;
    }
}
