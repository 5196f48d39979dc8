package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EndpointHealthTest {

    private Instant now = Instant.parse("2026-12-07T12:00:00Z");
    private final EndpointHealth health = new EndpointHealth();

    EndpointHealthTest() {
        health.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    private void after(Duration d) {
        now = now.plus(d);
    }

    @Test
    void anOpenBreakerReadsHalfOpenOnceItsDelayHasPassedAndAProbesSuccessClosesIt() {
        Instant opened = now;
        health.breakerOpen("large");
        after(Duration.ofSeconds(10));
        health.breakerOpen("large");
        assertThat(health.state("large").breaker()).isEqualTo(EndpointHealth.Breaker.OPEN);
        assertThat(health.state("large").since()).isEqualTo(opened);

        after(Duration.ofSeconds(5));
        EndpointHealth.State probing = health.state("large");
        assertThat(probing.breaker()).isEqualTo(EndpointHealth.Breaker.HALF_OPEN);
        assertThat(probing.since()).isEqualTo(opened.plus(EndpointHealth.DEFAULT_BREAKER_DELAY));

        health.ok("large");
        assertThat(health.state("large").breaker()).isEqualTo(EndpointHealth.Breaker.CLOSED);
        assertThat(health.state("large").okCalls()).isEqualTo(1);
    }

    @Test
    void aFailedProbeOpensTheBreakerAgainFromThen() {
        health.breakerOpen("small");
        after(Duration.ofSeconds(16));
        Instant probe = now;
        health.failed("small", "model server answered HTTP 500");
        EndpointHealth.State s = health.state("small");
        assertThat(s.breaker()).isEqualTo(EndpointHealth.Breaker.OPEN);
        assertThat(s.since()).isEqualTo(probe);
        after(Duration.ofSeconds(3));
        health.breakerOpen("small");
        assertThat(health.state("small").since()).as("still the same opening").isEqualTo(probe);
    }

    @Test
    void aFailureWhileClosedLeavesTheBreakerClosed() {
        health.failed("large", "timeout");
        assertThat(health.state("large").breaker()).isEqualTo(EndpointHealth.Breaker.CLOSED);
        assertThat(health.state("large").failedCalls()).isEqualTo(1);
        assertThat(health.states()).extracting(EndpointHealth.State::endpoint).containsExactly("small", "large");
    }
}
