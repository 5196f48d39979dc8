package ai.seed.web.console.dashboard;

import ai.seed.inference.config.ModelBackends;
import ai.seed.web.console.common.BaselineNotice;
import ai.seed.web.console.common.EmptyStates;
import ai.seed.domain.turn.TurnData;
import ai.seed.web.console.common.RoleGate;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.inference.turns.TurnHistory;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.ConsoleErrors;
import ai.seed.web.console.MainLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tenant admin's dashboard: turns per day, the share of detections reflection suppressed,
 * latency p50/p95 per day and model errors (failed turns and retries), as server-rendered charts
 * with the same figures in text for screen readers. Computed from the newest turns (at most
 * {@value #MAX_TURNS}).
 */
@Route(value = "dashboard", layout = MainLayout.class)
@PageTitle("Dashboard | Seed")
public class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    static final int MAX_TURNS = 5000;
    private static final int PAGE = 200;

    @Inject
    ConsoleCaller consoleCaller;
    @Inject
    ModelBackends backends;
    @Inject
    TurnHistory history;

    private final Select<Integer> range = new Select<>();
    private final Span summary = new Span();
    private final Div charts = new Div();
    private Caller caller;

    public DashboardView() {
        range.setId("dashboard-range");
        range.setLabel("Period");
        range.setItems(7, 14, 30);
        range.setItemLabelGenerator(d -> "Last " + d + " days");
        range.setValue(14);
        range.addValueChangeListener(e -> render());
        summary.setId("dashboard-summary");
        charts.setId("dashboard-charts");
        charts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        HorizontalLayout header = new HorizontalLayout(new H2("Dashboard"), range);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        add(header, summary, charts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!RoleGate.allow(event, "TENANT_ADMIN")) {
            return; // the services refuse too; this keeps the view itself from other roles
        }
        try {
            caller = consoleCaller.current();
        } catch (ServiceException notSignedIn) {
            return;
        }
        render();
    }

    private void render() {
        charts.removeAll();
        LocalDate to = LocalDate.now(ZoneId.systemDefault());
        LocalDate from = to.minusDays(range.getValue() - 1L);
        List<TurnStats.Day> days;
        try {
            days = TurnStats.perDay(load(from.atStartOfDay(ZoneId.systemDefault()).toInstant()), from, to,
                    ZoneId.systemDefault());
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
            return;
        }
        summary.setText(summaryText(days));
        BaselineNotice.of("dashboard-baseline", "Turns are being served", backends.current().baselines())
                .ifPresent(charts::add);
        if (days.stream().mapToInt(TurnStats.Day::turns).sum() == 0) {
            charts.add(EmptyStates.withLink("dashboard-empty", "No turns in this period, so there is nothing to chart.",
                    "Ask a question in Chat", "chat"));
            return;
        }
        chart("chart-turns", "Turns per day", Charts.bars("Turns per day", "turns", days,
                new Charts.Series("turns", TurnStats.Day::turns)), days);
        chart("chart-suppressed", "Share of detections suppressed by reflection", Charts.percentBars(
                "Detections suppressed by reflection", "% of detections", days,
                new Charts.Series("suppressed", d -> 100 * d.suppressedShare())), days);
        chart("chart-latency", "Latency per day", Charts.lines("Latency per day", "ms", days,
                new Charts.Series("p50", TurnStats.Day::p50), new Charts.Series("p95", TurnStats.Day::p95)), days);
        chart("chart-errors", "Model errors per day", Charts.bars("Model errors per day", "count", days,
                new Charts.Series("failed turns", TurnStats.Day::failed),
                new Charts.Series("retries", TurnStats.Day::retries)), days);
    }

    /** The turns since {@code since}, newest first, at most {@link #MAX_TURNS}. */
    private List<TurnData> load(Instant since) {
        List<TurnData> out = new ArrayList<>();
        for (int page = 0; out.size() < MAX_TURNS; page++) {
            TurnHistory.TurnPage p = history.list(caller, page, PAGE);
            for (TurnData t : p.items()) {
                if (t.createdAt() != null && t.createdAt().isBefore(since)) {
                    return out;
                }
                out.add(t);
            }
            if (p.items().size() < PAGE) {
                break;
            }
        }
        return out;
    }

    private void chart(String id, String alt, byte[] png, List<TurnStats.Day> days) {
        StreamResource resource = new StreamResource(id + ".png", () -> new ByteArrayInputStream(png));
        resource.setCacheTime(0);
        Image image = new Image(resource, alt);
        image.setId(id);
        image.setWidth(Charts.WIDTH + "px");
        image.setMaxWidth("100%");
        image.getElement().setAttribute("title", alt);
        charts.add(image);
    }

    static String summaryText(List<TurnStats.Day> days) {
        int turns = days.stream().mapToInt(TurnStats.Day::turns).sum();
        int failed = days.stream().mapToInt(TurnStats.Day::failed).sum();
        int detected = days.stream().mapToInt(TurnStats.Day::detected).sum();
        int suppressed = days.stream().mapToInt(TurnStats.Day::suppressed).sum();
        long worstP95 = days.stream().mapToLong(TurnStats.Day::p95).max().orElse(0);
        return String.format(Locale.ROOT, "%d turns, %d failed; reflection suppressed %d of %d detections (%.0f%%); "
                + "worst daily p95 latency %d ms.", turns, failed, suppressed, detected,
                detected == 0 ? 0.0 : 100.0 * suppressed / detected, worstP95);
    }
}
