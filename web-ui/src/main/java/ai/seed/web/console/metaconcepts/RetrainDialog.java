package ai.seed.web.console.metaconcepts;

import ai.seed.inference.dictionary.DictionaryService;
import ai.seed.inference.dictionary.JobView;
import ai.seed.inference.dictionary.RetrainRequest;
import ai.seed.inference.service.Caller;
import ai.seed.web.console.ConsoleErrors;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * "Retrain clusters": K and the data source, then the background job's progress (read every
 * second on a managed thread and pushed to the browser) with a cancel button. When the job ends,
 * {@code onFinished} gets the new version's id (null when none was made).
 */
class RetrainDialog extends Dialog {

    private final DictionaryService dictionary;
    private final Caller caller;
    private final java.util.function.Consumer<Long> onFinished;
    private final IntegerField k = new IntegerField("K (number of meta-concepts)");
    private final Select<String> source = new Select<>();
    private final TextField datasetPath = new TextField("Dataset folder on the server");
    private final ProgressBar progress = new ProgressBar(0, 100);
    private final Span status = new Span();
    private final Button start = new Button("Start", e -> start());
    private final Button cancel = new Button("Cancel job", e -> cancelJob());
    private JobView job;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> poll;

    RetrainDialog(DictionaryService dictionary, ScheduledExecutorService scheduler, Caller caller, boolean platform,
                  java.util.function.Consumer<Long> onFinished) {
        this.dictionary = dictionary;
        this.scheduler = scheduler;
        this.caller = caller;
        this.onFinished = onFinished;
        setHeaderTitle("Retrain clusters");
        k.setId("retrain-k");
        k.setMin(1);
        k.setMax(1000);
        k.setValue(RetrainRequest.DEFAULT_K);
        k.setStepButtonsVisible(true);
        source.setId("retrain-source");
        source.setLabel("Data");
        source.setItems(platform ? List.of("platform-concepts", "yollava", "mc-llava") : List.of("tenant-concepts"));
        source.setValue(platform ? "platform-concepts" : "tenant-concepts");
        source.setItemLabelGenerator(RetrainDialog::sourceLabel);
        datasetPath.setId("retrain-dataset");
        datasetPath.setVisible(false);
        datasetPath.setWidthFull();
        source.addValueChangeListener(e -> datasetPath.setVisible(e.getValue().equals("yollava") || e.getValue().equals("mc-llava")));
        progress.setId("retrain-progress");
        progress.setVisible(false);
        status.setId("retrain-status");
        start.setId("retrain-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.setId("retrain-cancel");
        cancel.setVisible(false);
        Button close = new Button("Close", e -> close());
        close.setId("retrain-close");
        VerticalLayout body = new VerticalLayout(k, source, datasetPath, progress, status);
        body.setPadding(false);
        body.setMinWidth("22rem");
        add(body);
        getFooter().add(cancel, close, start);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                stopPolling();
            }
        });
    }

    static String sourceLabel(String s) {
        return switch (s) {
            case "tenant-concepts" -> "This tenant's concepts";
            case "platform-concepts" -> "Every tenant's concepts";
            case "yollava" -> "Yo'LLaVA dataset (folder on the server)";
            case "mc-llava" -> "MC-LLaVA dataset (folder on the server)";
            default -> s;
        };
    }

    private void start() {
        if (k.isInvalid() || k.getValue() == null) {
            k.setErrorMessage("K must be a whole number from 1 to 1000.");
            k.setInvalid(true);
            return;
        }
        try {
            job = dictionary.retrain(caller, new RetrainRequest(k.getValue(), source.getValue(),
                    datasetPath.isVisible() ? datasetPath.getValue() : null, 42L));
        } catch (RuntimeException e) {
            status.setText(ConsoleErrors.message(e));
            return;
        }
        start.setEnabled(false);
        cancel.setVisible(true);
        progress.setVisible(true);
        show(job);
        UI ui = UI.getCurrent();
        UUID id = job.id();
        poll = scheduler.scheduleWithFixedDelay(() -> {
            JobView latest;
            String failure = null;
            try {
                latest = dictionary.job(caller, id);
            } catch (RuntimeException e) {
                latest = null;
                failure = ConsoleErrors.message(e);
            }
            JobView seen = latest;
            String error = failure;
            ui.access(() -> refresh(seen, error));
        }, 500, 1000, TimeUnit.MILLISECONDS);
    }

    /** Shows the job as last read (pushed from the polling thread); stops when it has ended. */
    private void refresh(JobView latest, String failure) {
        if (failure != null) {
            status.setText(failure);
            stopPolling();
            return;
        }
        if (poll == null || latest == null) {
            return;
        }
        job = latest;
        show(job);
        if (job.finished()) {
            stopPolling();
            cancel.setVisible(false);
            start.setEnabled(true);
            onFinished.accept(job.resultVersionId());
        }
    }

    private void show(JobView j) {
        progress.setValue(Math.max(0, Math.min(100, j.progress())));
        String text = j.status() + " · " + j.progress() + "%" + (j.phase() == null ? "" : " · " + j.phase());
        if (j.finished()) {
            text = switch (j.status()) {
                case "SUCCEEDED" -> "Done: new version #" + j.resultVersionId() + " is READY. Review it, then activate it.";
                case "CANCELLED" -> "Cancelled; nothing was changed.";
                default -> "Failed: " + (j.message() == null ? "see the server log" : j.message());
            };
        }
        status.setText(text);
    }

    private void cancelJob() {
        try {
            job = dictionary.cancel(caller, job.id());
            show(job);
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
    }

    private void stopPolling() {
        if (poll != null) {
            poll.cancel(false);
            poll = null;
        }
    }
}
