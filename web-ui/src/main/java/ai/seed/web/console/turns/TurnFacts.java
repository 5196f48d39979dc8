package ai.seed.web.console.turns;

import ai.seed.domain.turn.ModelCallData;
import ai.seed.domain.turn.TurnData;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The facts of a turn as small components: who, mode, models and adapter; timings; model calls. */
final class TurnFacts {

    private TurnFacts() {
    }

    static Component summary(TurnData t) {
        String mode = t.effectiveMode() + (t.requestedMode() != null && !t.requestedMode().equals(t.effectiveMode())
                ? " (asked for " + t.requestedMode() + ")" : "");
        String adapter = t.adapterRef() == null ? "none" : t.adapterRef()
                + (t.adapterCosine() == null ? "" : String.format(Locale.ROOT, " (cosine %.3f)", t.adapterCosine()));
        Span s = new Span("By " + t.userRef() + " · " + t.status() + " · mode " + mode + " · adapter " + adapter
                + " · small model " + orNone(t.smallModel()) + " · large model " + orNone(t.largeModel())
                + " · " + t.smallCalls() + " small / " + t.largeCalls() + " large call(s), " + t.retries()
                + " retries · " + t.promptTokens() + " prompt + " + t.completionTokens() + " completion tokens"
                + (t.reflectionChanged() ? " · reflection changed the report" : "")
                + " · trace id " + t.requestId());
        s.setId("turn-summary");
        if (t.otelTraceId() == null) {
            return s;
        }
        return new Div(s, openTelemetryTrace(t.otelTraceId()));
    }

    /**
     * The turn's OpenTelemetry trace id; a link when {@code seed.telemetry.trace-url} names the
     * tracing UI (e.g. {@code http://jaeger:16686/trace/{traceId}}).
     */
    private static Component openTelemetryTrace(String traceId) {
        String template = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("seed.telemetry.trace-url", String.class).orElse(null);
        Component id = template == null || !template.contains("{traceId}") ? new Span(traceId)
                : new com.vaadin.flow.component.html.Anchor(template.replace("{traceId}", traceId), traceId,
                        com.vaadin.flow.component.html.AnchorTarget.BLANK);
        Div line = new Div(new Span("OpenTelemetry trace "), id);
        line.setId("turn-otel-trace");
        return line;
    }

    static Component phases(Map<String, Long> phases, long totalMillis) {
        Grid<Map.Entry<String, Long>> grid = grid("turn-phases");
        grid.addColumn(Map.Entry::getKey).setHeader("Phase");
        grid.addColumn(e -> e.getValue() + " ms").setHeader("Time");
        grid.setItems(List.copyOf(phases.entrySet()));
        return section("Timings (total " + totalMillis + " ms)", grid);
    }

    static Component calls(List<ModelCallData> calls) {
        Grid<ModelCallData> grid = grid("turn-calls");
        grid.addColumn(ModelCallData::phase).setHeader("Phase").setAutoWidth(true);
        grid.addColumn(ModelCallData::model).setHeader("Model").setAutoWidth(true);
        grid.addColumn(c -> orNone(c.adapter())).setHeader("Adapter").setAutoWidth(true);
        grid.addColumn(ModelCallData::attempt).setHeader("Attempt").setAutoWidth(true);
        grid.addColumn(c -> c.durationMs() + " ms").setHeader("Time").setAutoWidth(true);
        grid.addColumn(c -> c.firstTokenMs() == null ? "" : c.firstTokenMs() + " ms").setHeader("First token")
                .setAutoWidth(true);
        grid.addColumn(c -> c.promptTokens() + " + " + c.completionTokens()).setHeader("Tokens").setAutoWidth(true);
        grid.addColumn(ModelCallData::outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(c -> c.error() == null ? "" : c.error()).setHeader("Error").setFlexGrow(1);
        grid.setItems(calls);
        return section("Model calls", calls.isEmpty() ? new Span("No model was called.") : grid);
    }

    private static <T> Grid<T> grid(String id) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    private static Component section(String title, Component body) {
        H4 h = new H4(title);
        h.getStyle().set("margin", "var(--lumo-space-s) 0 var(--lumo-space-xs)");
        Div d = new Div(h, body);
        d.setWidthFull();
        return d;
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "none" : s;
    }
}
