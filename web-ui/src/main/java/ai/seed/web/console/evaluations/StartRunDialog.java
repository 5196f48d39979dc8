package ai.seed.web.console.evaluations;

import ai.seed.inference.dictionary.VersionView;
import ai.seed.inference.evaluation.runs.DatasetView;
import ai.seed.inference.evaluation.runs.EvaluationService;
import ai.seed.inference.evaluation.runs.RunView;
import ai.seed.inference.evaluation.runs.StartRun;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.service.Caller;
import ai.seed.web.console.ConsoleErrors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Start run": dataset, mode (the paper's ablations), Top-K, dictionary version (the active one
 * by default, pinned for the run), leakage guard and concurrency towards the model endpoints.
 */
class StartRunDialog extends Dialog {

    /** "Active version" in the version select. */
    static final long ACTIVE = -1;

    private final Select<DatasetView> dataset = new Select<>();
    private final Select<TurnMode> mode = new Select<>();
    private final IntegerField topK = new IntegerField("Top-K");
    private final Select<Long> version = new Select<>();
    private final Checkbox leakageGuard = new Checkbox("Leakage guard: leave out items about meta-concept representatives", true);
    private final IntegerField concurrency = new IntegerField("Concurrency (turns in flight)");
    private final TextField label = new TextField("Label (optional)");
    private final IntegerField samplePerConcept = new IntegerField("Sample: items per concept and task (empty: every item)");
    private final IntegerField sampleSeed = new IntegerField("Sample seed (same seed, same items)");
    private final Checkbox sampleBalanced = new Checkbox("Balance recognition positives and negatives", false);
    private final Span estimate = new Span();
    private final Span status = new Span();

    StartRunDialog(EvaluationService evaluations, Caller caller, List<DatasetView> datasets, List<VersionView> versions,
                   Consumer<RunView> onStarted) {
        setHeaderTitle("Start an evaluation run");
        dataset.setId("eval-run-dataset");
        dataset.setLabel("Dataset");
        dataset.setItems(datasets);
        dataset.setItemLabelGenerator(d -> d.name() + " (" + d.format() + ", " + d.itemCount() + " items)");
        if (!datasets.isEmpty()) {
            dataset.setValue(datasets.get(0));
        }
        mode.setId("eval-run-mode");
        mode.setLabel("Mode");
        mode.setItems(Arrays.asList(TurnMode.values()));
        mode.setValue(TurnMode.FULL);
        mode.setItemLabelGenerator(StartRunDialog::modeLabel);
        topK.setId("eval-run-topk");
        topK.setMin(1);
        topK.setMax(16);
        topK.setValue(1);
        topK.setStepButtonsVisible(true);
        version.setId("eval-run-version");
        version.setLabel("Dictionary version");
        List<Long> ids = new ArrayList<>();
        ids.add(ACTIVE);
        versions.forEach(v -> ids.add(v.id()));
        version.setItems(ids);
        version.setValue(ACTIVE);
        version.setItemLabelGenerator(id -> id == ACTIVE ? "Active version (pinned at start)" : versions.stream()
                .filter(v -> v.id() == id).findFirst().map(v -> "#" + v.id() + " " + v.status() + " · " + v.label())
                .orElse("#" + id));
        leakageGuard.setId("eval-run-leakage");
        concurrency.setId("eval-run-concurrency");
        concurrency.setMin(1);
        concurrency.setMax(64);
        concurrency.setValue(2);
        concurrency.setStepButtonsVisible(true);
        label.setId("eval-run-label");
        label.setWidthFull();
        samplePerConcept.setId("eval-run-sample");
        samplePerConcept.setMin(1);
        samplePerConcept.setWidthFull();
        samplePerConcept.setHelperText("Stratified: per concept and task; recognition keeps the dataset's yes/no mix");
        sampleSeed.setId("eval-run-seed");
        sampleSeed.setValue((int) StartRun.Sample.DEFAULT_SEED);
        sampleBalanced.setId("eval-run-balanced");
        estimate.setId("eval-run-estimate");
        estimate.getStyle().set("font-size", "var(--lumo-font-size-s)");
        status.setId("eval-run-status");
        Runnable reestimate = () -> estimate(evaluations, caller);
        dataset.addValueChangeListener(e -> reestimate.run());
        mode.addValueChangeListener(e -> reestimate.run());
        version.addValueChangeListener(e -> reestimate.run());
        leakageGuard.addValueChangeListener(e -> reestimate.run());
        concurrency.addValueChangeListener(e -> reestimate.run());
        samplePerConcept.addValueChangeListener(e -> reestimate.run());
        sampleSeed.addValueChangeListener(e -> reestimate.run());
        sampleBalanced.addValueChangeListener(e -> reestimate.run());
        Button start = new Button("Start", e -> start(evaluations, caller, onStarted));
        start.setId("eval-run-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout body = new VerticalLayout(dataset, mode, topK, version, leakageGuard, concurrency, label,
                samplePerConcept, sampleSeed, sampleBalanced, estimate, status);
        body.setPadding(false);
        body.setMinWidth("26rem");
        add(body);
        getFooter().add(new Button("Close", e -> close()), start);
        reestimate.run();
    }

    /** The run the fields describe. */
    private StartRun request() {
        StartRun.Sample sample = samplePerConcept.getValue() == null ? null : new StartRun.Sample(
                samplePerConcept.getValue(), sampleSeed.getValue() == null ? null : sampleSeed.getValue().longValue(),
                sampleBalanced.getValue());
        return new StartRun(dataset.getValue().id(), label.getValue(), mode.getValue().name(), topK.getValue(),
                version.getValue() == ACTIVE ? null : version.getValue(), leakageGuard.getValue(),
                concurrency.getValue(), sample);
    }

    /** Shows what the run would cost before anyone starts it. */
    private void estimate(EvaluationService evaluations, Caller caller) {
        if (dataset.getValue() == null || mode.getValue() == null) {
            estimate.setText("");
            return;
        }
        try {
            estimate.setText("Estimate: " + evaluations.estimate(caller, request()).summary());
        } catch (RuntimeException ex) {
            estimate.setText("No estimate: " + ConsoleErrors.message(ex));
        }
    }

    static String modeLabel(TurnMode m) {
        return switch (m) {
            case FULL -> "Full SLC (detect, reflect, answer)";
            case NO_REFLECTION -> "w/o reflection";
            case NO_DETECTOR -> "w/o detector";
            case PLAIN_VLM -> "Plain VLM (descriptions only)";
            case SMALL_ONLY -> "Small model only";
        };
    }

    private void start(EvaluationService evaluations, Caller caller, Consumer<RunView> onStarted) {
        if (dataset.getValue() == null) {
            status.setText("Import a dataset first.");
            return;
        }
        try {
            RunView run = evaluations.start(caller, request());
            ConsoleErrors.success("Run \"" + run.label() + "\" started.");
            onStarted.accept(run);
            close();
        } catch (RuntimeException ex) {
            status.setText(ConsoleErrors.message(ex));
        }
    }
}
