package ai.seed.inference.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The application datasource's pool as WildFly counts it ({@code statistics-enabled=true} on
 * {@code SeedDS}, read from the JMX view of the management model): connections in use, active
 * (open) and available, the most ever in use, and how many requests had to wait for one. A value
 * that cannot be read (no WildFly: unit tests) is NaN, never an error.
 */
final class DbPoolGauges {

    static final String POOL = "jboss.as:subsystem=datasources,data-source=SeedDS,statistics=pool";

    private DbPoolGauges() {
    }

    static void bindTo(MeterRegistry registry) {
        for (String[] state : new String[][] {{"in_use", "InUseCount"}, {"active", "ActiveCount"},
            {"available", "AvailableCount"}}) {
            Gauge.builder("seed.db.pool.connections", () -> read(state[1]))
                    .description("SeedDS connections: in use, open (active), available").tag("state", state[0])
                    .register(registry);
        }
        Gauge.builder("seed.db.pool.max_used", () -> read("MaxUsedCount"))
                .description("The most SeedDS connections in use at once since start").register(registry);
        FunctionCounter.builder("seed.db.pool.waits", DbPoolGauges.class, c -> read("WaitCount"))
                .description("Requests that waited for a SeedDS connection").register(registry);
    }

    private static double read(String attribute) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object value = server.getAttribute(new ObjectName(POOL), attribute);
            return value instanceof Number n ? n.doubleValue() : Double.NaN;
        } catch (Exception | LinkageError unavailable) {
            return Double.NaN;
        }
    }
}
