package ai.seed.web.console.turns;

import ai.seed.domain.turn.TurnData;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.inference.turns.TurnHistory;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.ConsoleErrors;
import ai.seed.web.console.common.BaselineNotice;
import ai.seed.web.console.MainLayout;
import ai.seed.web.console.trace.TraceRows;
import ai.seed.web.console.trace.TraceTables;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

/**
 * One turn in full: the query image with the detected locations drawn on it, the small model's raw
 * output, the report before and after reflection, every reflection question with its verdict and
 * what it changed, the answer, the timings per phase and every model call.
 */
@Route(value = "turns", layout = MainLayout.class)
@PageTitle("Turn | Seed")
public class TurnDetailView extends VerticalLayout implements HasUrlParameter<String> {

    @Inject
    ConsoleCaller consoleCaller;
    @Inject
    TurnHistory history;

    public TurnDetailView() {
        setMaxWidth("1200px");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        add(new RouterLink("← All turns", TurnsView.class));
        Caller caller;
        try {
            caller = consoleCaller.current();
        } catch (ServiceException notSignedIn) {
            return;
        }
        try {
            TurnHistory.TurnTrace trace = history.inspect(caller, UUID.fromString(id));
            render(caller, trace);
        } catch (IllegalArgumentException e) {
            add(new Paragraph("There is no turn " + id + "."));
        } catch (RuntimeException e) {
            Paragraph p = new Paragraph(ConsoleErrors.message(e));
            p.setId("turn-error");
            add(p);
        }
    }

    private void render(Caller caller, TurnHistory.TurnTrace trace) {
        TurnData t = trace.turn();
        H2 title = new H2("Turn " + TurnFormat.time(t.createdAt()));
        add(title, TurnFacts.summary(t));
        BaselineNotice.of("turn-baseline", "Served", trace.baselines()).ifPresent(this::add);
        add(section("Question", text("turn-question", t.question())));
        if (t.answer() != null) {
            add(section("Answer", text("turn-answer", t.answer())));
        }
        if (t.errorMessage() != null) {
            add(section("Error", text("turn-error-message", t.errorMessage())));
        }
        List<TraceRows.ReportRow> before = TraceRows.report(t.detectionReportJson());
        List<TraceRows.ReportRow> after = TraceRows.report(t.finalReportJson());
        if (t.imageSha256() != null) {
            add(section("Photo and detected locations", new LocationOverlay(image(caller, t.id()), before, after)));
        }
        Pre raw = new Pre(t.rawSmallOutput() == null ? "(no small-model output)" : t.rawSmallOutput());
        raw.setId("turn-raw-output");
        raw.getStyle().set("white-space", "pre-wrap").set("max-width", "100%");
        add(section("Small model's raw output", raw));
        add(TraceTables.report("Report before reflection", "turn-report-before", before));
        add(TraceTables.report("Report after reflection", "turn-report-after", after));
        add(TraceTables.questions("turn-questions", TraceRows.questions(t.reflectionJson())));
        add(TraceTables.changes("turn-changes", TraceRows.changes(t.reflectionJson())));
        add(TurnFacts.phases(TraceRows.phases(t.phaseMillisJson()), t.totalMillis()));
        add(TurnFacts.calls(trace.calls()));
    }

    private Image image(Caller caller, UUID turnId) {
        StreamResource resource = new StreamResource("turn-" + turnId + ".img",
                () -> new ByteArrayInputStream(history.image(caller, turnId)));
        resource.setCacheTime(0);
        return new Image(resource, "the photo of this turn");
    }

    private static Span text(String id, String value) {
        Span s = new Span(value);
        s.setId(id);
        s.getStyle().set("white-space", "pre-wrap");
        return s;
    }

    private static VerticalLayout section(String title, com.vaadin.flow.component.Component body) {
        H4 h = new H4(title);
        h.getStyle().set("margin", "var(--lumo-space-s) 0 0");
        VerticalLayout v = new VerticalLayout(h, body);
        v.setPadding(false);
        v.setSpacing(false);
        return v;
    }
}
