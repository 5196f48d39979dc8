package ai.seed.inference.adapters;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the adapter reconciler with the node: a first round a few seconds after start-up, then
 * every {@code seed.adapters.reconcile-period-seconds} (default 30; 0 turns the periodic rounds
 * off, leaving those on activation, on upload and when a turn meets an unknown adapter).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdapterServingStartup {

    private static final Logger LOG = Logger.getLogger(AdapterServingStartup.class.getName());

    @Inject
    AdapterReconciler reconciler;
    @Inject
    @ConfigProperty(name = "seed.adapters.reconcile-period-seconds", defaultValue = "30")
    long periodSeconds;

    @PostConstruct
    void start() {
        if (periodSeconds > 0) {
            reconciler.schedule(periodSeconds);
            LOG.info(() -> "Adapter reconciler: every " + periodSeconds + " s");
        } else {
            LOG.info("Adapter reconciler: periodic rounds off (seed.adapters.reconcile-period-seconds=0)");
        }
    }
}
