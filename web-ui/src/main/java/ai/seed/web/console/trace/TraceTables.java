package ai.seed.web.console.trace;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * The tables the chat's "Why?" and the turn inspector share: a detection report, the reflection
 * questions with their verdicts, and what reflection changed.
 */
public final class TraceTables {

    private TraceTables() {
    }

    public static Component report(String title, String id, List<TraceRows.ReportRow> rows) {
        Grid<TraceRows.ReportRow> grid = grid(id);
        grid.addColumn(TraceRows.ReportRow::concept).setHeader("Concept").setAutoWidth(true);
        grid.addColumn(r -> r.present() ? "present" : "absent").setHeader("Present").setAutoWidth(true);
        grid.addColumn(TraceRows.ReportRow::locationAbsolute).setHeader("Location").setAutoWidth(true);
        grid.addColumn(TraceRows.ReportRow::locationRelative).setHeader("Relative location").setFlexGrow(1);
        grid.addColumn(TraceRows.ReportRow::verification).setHeader("Verification").setAutoWidth(true);
        grid.setItems(rows);
        return section(title, rows.isEmpty() ? empty("No report (no detection ran).") : grid);
    }

    public static Component questions(String id, List<TraceRows.QuestionRow> rows) {
        Grid<TraceRows.QuestionRow> grid = grid(id);
        grid.addColumn(TraceRows.QuestionRow::concept).setHeader("Concept").setAutoWidth(true);
        grid.addColumn(TraceRows.QuestionRow::question).setHeader("Question").setFlexGrow(1);
        grid.addColumn(r -> r.verdict() == null ? "no answer" : r.verdict()).setHeader("Verdict").setAutoWidth(true);
        grid.setItems(rows);
        return section("Reflection questions", rows.isEmpty() ? empty("No reflection questions were asked.") : grid);
    }

    public static Component changes(String id, List<TraceRows.ChangeRow> rows) {
        UnorderedList list = new UnorderedList();
        list.addClassName(id);
        rows.forEach(r -> {
            ListItem item = new ListItem(new Span(r.summary()));
            if (r.reason() != null && !r.reason().isBlank()) {
                Span reason = new Span(" (" + r.reason() + ")");
                reason.getStyle().set("color", "var(--lumo-secondary-text-color)");
                item.add(reason);
            }
            list.add(item);
        });
        return section("What reflection changed", rows.isEmpty() ? empty("Reflection changed nothing.") : list);
    }

    private static <T> Grid<T> grid(String id) {
        Grid<T> grid = new Grid<>();
        grid.addClassName(id);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    private static Component empty(String text) {
        Span s = new Span(text);
        s.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return s;
    }

    static Component section(String title, Component body) {
        H4 h = new H4(title);
        h.getStyle().set("margin", "var(--lumo-space-s) 0 var(--lumo-space-xs)");
        Div d = new Div(h, body);
        d.setWidthFull();
        return d;
    }
}
