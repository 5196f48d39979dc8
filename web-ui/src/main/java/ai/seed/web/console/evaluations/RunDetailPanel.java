package ai.seed.web.console.evaluations;

import ai.seed.inference.evaluation.report.EvalJson;
import ai.seed.inference.evaluation.runs.EvaluationService;
import ai.seed.inference.evaluation.runs.ResultRow;
import ai.seed.inference.evaluation.runs.RunView;
import ai.seed.inference.evaluation.scoring.ConceptScores;
import ai.seed.inference.evaluation.scoring.EvalScores;
import ai.seed.inference.evaluation.scoring.ReflectionScores;
import ai.seed.inference.service.Caller;
import ai.seed.web.console.common.BaselineNotice;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

/**
 * One run in detail: the per-concept breakdown, what reflection changed, the per-item results
 * (each linked to its turn in the turn inspector) and the results as CSV or JSON.
 */
class RunDetailPanel extends VerticalLayout {

    private final H3 title = new H3();
    private final HorizontalLayout downloads = new HorizontalLayout();
    private final Span reflection = new Span();
    private final Div baseline = new Div();
    private final Grid<ConceptScores> concepts = new Grid<>();
    private final Grid<ResultRow> results = new Grid<>();

    RunDetailPanel() {
        setPadding(false);
        reflection.setId("eval-reflection");
        concepts.setId("eval-per-concept");
        concepts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        concepts.setAllRowsVisible(true);
        concepts.addColumn(ConceptScores::concept).setHeader("Concept").setAutoWidth(true);
        concepts.addColumn(c -> c.recognition().strict().weightedDisplay()).setHeader("Rec. weighted (strict)");
        concepts.addColumn(c -> c.recognition().lenient().weightedDisplay()).setHeader("Rec. weighted (lenient)");
        concepts.addColumn(c -> c.multipleChoice().strict().display()).setHeader("VQA (strict)");
        concepts.addColumn(c -> c.multipleChoice().lenient().display()).setHeader("VQA (lenient)");
        concepts.addColumn(c -> c.textOnly().strict().display()).setHeader("Text-only (strict)");
        concepts.addColumn(c -> c.textOnly().lenient().display()).setHeader("Text-only (lenient)");
        results.setId("eval-results");
        results.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        results.setHeight("24rem");
        results.addColumn(ResultRow::itemKey).setHeader("Item").setFlexGrow(1).setResizable(true);
        results.addColumn(ResultRow::correct).setHeader("Correct").setAutoWidth(true);
        results.addColumn(r -> r.failed() ? "(failed)" : r.answer()).setHeader("Answer").setFlexGrow(1);
        results.addColumn(r -> r.strictCorrect() ? "right" : "wrong").setHeader("Strict").setAutoWidth(true);
        results.addColumn(r -> r.lenientCorrect() ? "right" : "wrong").setHeader("Lenient").setAutoWidth(true);
        results.addColumn(r -> flag(r.detected())).setHeader("Detected").setAutoWidth(true);
        results.addColumn(r -> flag(r.afterReflection())).setHeader("After reflection").setAutoWidth(true);
        results.addComponentColumn(r -> r.turnId() == null ? new Span("") : turnLink(r)).setHeader("Turn")
                .setAutoWidth(true);
        add(title, baseline, downloads, reflection, concepts, results);
    }

    void show(EvaluationService evaluations, Caller caller, RunView run) {
        title.setText("Run \"" + run.label() + "\" · " + run.mode() + " · K=" + run.topK()
                + (run.dictionaryVersionId() == null ? "" : " · dictionary #" + run.dictionaryVersionId())
                + (run.sample() == null ? "" : " · " + run.sample().describe()));
        baseline.removeAll();
        BaselineNotice.of("eval-run-baseline", "These scores were produced", run.baselines()).ifPresent(baseline::add);
        EvalScores scores = evaluations.scores(caller, run.id());
        ReflectionScores r = scores.reflection();
        reflection.setText(r.judged() == 0 ? "Reflection: no recognition item had both a detection and a verdict."
                : "Reflection on " + r.judged() + " recognition items: " + r.flips() + " flips (" + r.rightFlips()
                + " right, " + r.wrongFlips() + " wrong); detector accuracy " + r.detectorBefore().display()
                + " before, " + r.detectorAfter().display() + " after.");
        concepts.setItems(scores.perConcept());
        results.setItems(evaluations.results(caller, run.id()));
        downloads.removeAll();
        downloads.add(ComparisonPanel.download("Results as CSV", "evaluation-" + run.id() + ".csv", "text/csv",
                evaluations.resultsCsv(caller, run.id())));
        downloads.add(ComparisonPanel.download("Results as JSON", "evaluation-" + run.id() + ".json",
                "application/json", EvalJson.write(evaluations.resultsJson(caller, run.id()))));
        downloads.add(ComparisonPanel.download("Scores as JSON", "evaluation-" + run.id() + "-scores.json",
                "application/json", EvalJson.write(EvalJson.scores(scores))));
    }

    private static RouterLink turnLink(ResultRow r) {
        RouterLink link = new RouterLink("trace", ai.seed.web.console.turns.TurnDetailView.class,
                r.turnId().toString());
        link.getElement().setAttribute("title", "Open this item's turn in the turn inspector");
        return link;
    }

    private static String flag(Boolean b) {
        return b == null ? "–" : b ? "yes" : "no";
    }
}
