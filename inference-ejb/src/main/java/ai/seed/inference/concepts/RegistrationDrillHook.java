package ai.seed.inference.concepts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A kill point for the fault drill {@code scripts/faults/kill-during-registration.sh}, off unless
 * {@code seed.drill.hold-registrations-after} (env {@code SEED_DRILL_HOLD_REGISTRATIONS_AFTER}) is
 * set to N &gt; 0: exactly N registrations reach their database transaction; once the N-th has
 * committed the server logs {@value #SIGNAL}, and every later registration waits before its
 * transaction until the drill kills the process. The drill thereby kills mid-burst every run,
 * instead of guessing the moment from outside. Never set in production; the server warns at
 * start when it is.
 */
@ApplicationScoped
public class RegistrationDrillHook {

    /** The log line the drill waits for. */
    public static final String SIGNAL = "SEED-DRILL registrations committed and holding";
    private static final Logger LOG = Logger.getLogger(RegistrationDrillHook.class.getName());
    /** A held registration gives up after this long, so a forgotten setting cannot hold threads forever. */
    private static final long MAX_HOLD_MS = 10 * 60_000L;

    @Inject
    @ConfigProperty(name = "seed.drill.hold-registrations-after", defaultValue = "0")
    int holdAfter;

    private int admitted;
    private int committed;

    @PostConstruct
    void warnWhenOn() {
        if (holdAfter > 0) {
            LOG.warning(() -> "fault drill hook ON (seed.drill.hold-registrations-after=" + holdAfter
                    + "): registrations after the " + holdAfter + "th are held; never set this in production");
        }
    }

    /** Before a registration's transaction: admits the first N, holds the rest. */
    void beforeStore() {
        if (holdAfter <= 0) {
            return;
        }
        synchronized (this) {
            if (admitted < holdAfter) {
                admitted++;
                return;
            }
        }
        hold();
    }

    /** After a registration's transaction committed. */
    void afterCommit() {
        if (holdAfter <= 0) {
            return;
        }
        synchronized (this) {
            committed++;
            if (committed == holdAfter) {
                LOG.warning(SIGNAL + ": " + committed);
            }
        }
    }

    private static void hold() {
        try {
            Thread.sleep(MAX_HOLD_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("registration held by the fault drill hook and never released");
    }
}
