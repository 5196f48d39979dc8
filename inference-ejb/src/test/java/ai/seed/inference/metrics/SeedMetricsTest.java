package ai.seed.inference.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.inference.pipeline.RefinementChange;
import ai.seed.inference.pipeline.ReflectionQuestion;
import ai.seed.inference.trace.ModelCallRecord;
import ai.seed.inference.trace.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeedMetricsTest {

    private final SeedMetrics metrics = new SeedMetrics();

    @AfterEach
    void stop() {
        metrics.stop();
    }

    private static SeedMetrics.TurnSample turn(UUID tenant, List<ReflectionQuestion> questions, List<RefinementChange> changes) {
        ModelCallRecord answer = new ModelCallRecord("r1", Phase.ANSWER, "gpt-4o", null, 1, Instant.now(), 40, 100, 7,
                "ok", null);
        return new SeedMetrics.TurnSample(tenant, "FULL", "answered", 120, Map.of(Phase.ROUTE, 2L), List.of(answer),
                questions, changes);
    }

    @Test
    void reflectionVerdictsAreCountedOncePerConcept() {
        metrics.start(false);
        List<ReflectionQuestion> asked = List.of(
                new ReflectionQuestion("<a>", ReflectionQuestion.Kind.ABSOLUTE, "q"),
                new ReflectionQuestion("<a>", ReflectionQuestion.Kind.RELATIVE, "q"),
                new ReflectionQuestion("<b>", ReflectionQuestion.Kind.ABSOLUTE, "q"),
                new ReflectionQuestion("<c>", ReflectionQuestion.Kind.ABSOLUTE, "q"));
        List<RefinementChange> changes = List.of(
                new RefinementChange("<a>", RefinementChange.PRESENT, "true", "false", "Q1 no, Q2 no"),
                new RefinementChange("<a>", RefinementChange.LOCATION_ABSOLUTE, "left", "", "Q1 no"),
                new RefinementChange("<b>", RefinementChange.LOCATION_RELATIVE, "by the cup", "", "Q2 no"));
        metrics.turn(turn(null, asked, changes));

        String body = metrics.scrape();
        assertThat(body).contains("seed_reflection_outcomes_total{application=\"seed\",outcome=\"suppressed\"} 1.0")
                .contains("seed_reflection_outcomes_total{application=\"seed\",outcome=\"location_dropped\"} 1.0")
                .contains("seed_reflection_outcomes_total{application=\"seed\",outcome=\"kept\"} 1.0")
                .contains("seed_turns_total{application=\"seed\",mode=\"FULL\",outcome=\"answered\"} 1.0")
                .contains("seed_model_tokens_total{application=\"seed\",kind=\"completion\",phase=\"answer\"} 7.0")
                .contains("seed_turn_stage_duration_seconds_count{application=\"seed\",stage=\"route\"} 1");
        assertThat(body).doesNotContain("tenant=");
    }

    @Test
    void theTenantIsALabelOnlyWhenConfigured() {
        metrics.start(true);
        UUID tenant = UUID.randomUUID();
        metrics.turn(turn(tenant, List.of(), List.of()));
        assertThat(metrics.scrape()).contains("tenant=\"" + tenant + "\"");
    }

    /** The Grafana dashboard shipped in docker/grafana queries only metrics this node exposes. */
    @Test
    void theShippedDashboardQueriesMetricsThatExist() throws Exception {
        metrics.start(false);
        metrics.turn(turn(null, List.of(new ReflectionQuestion("<a>", ReflectionQuestion.Kind.ABSOLUTE, "q")), List.of()));
        String body = metrics.scrape();
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docker", "grafana", "seed-dashboard.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b((?:seed|jvm)_[a-z_]+)").matcher(dashboard);
        java.util.Set<String> names = new java.util.TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(body).as("metric queried by the dashboard: " + name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }
}
