package ai.seed.web.console.evaluations;

import ai.seed.inference.evaluation.formats.EvalImporters;
import ai.seed.inference.evaluation.runs.DatasetImports;
import ai.seed.inference.evaluation.runs.DatasetView;
import ai.seed.inference.service.Caller;
import ai.seed.web.console.ConsoleErrors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * "Import dataset": a zip of one of the evaluation core's formats, read and stored on the server;
 * refusals show the entry and the reason.
 */
@SuppressWarnings("deprecation") // MemoryBuffer: the simplest in-memory receiver in vaadin-core 24
class ImportDatasetDialog extends Dialog {

    private final MemoryBuffer buffer = new MemoryBuffer();
    private final Upload upload = new Upload(buffer);
    private final Select<String> format = new Select<>();
    private final TextField name = new TextField("Name (optional)");
    private final Span status = new Span();
    private final Button importButton = new Button("Import");
    private boolean received;

    ImportDatasetDialog(DatasetImports imports, Caller caller, Consumer<DatasetView> onImported) {
        setHeaderTitle("Import an evaluation dataset");
        format.setId("eval-import-format");
        format.setLabel("Format");
        format.setItems(EvalImporters.FORMATS);
        format.setValue(EvalImporters.FORMATS.get(0));
        name.setId("eval-import-name");
        name.setWidthFull();
        upload.setId("eval-import-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) DatasetImports.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.addSucceededListener(e -> received = true);
        upload.addFileRejectedListener(e -> status.setText(e.getFileName() + ": " + e.getErrorMessage()));
        status.setId("eval-import-status");
        importButton.setId("eval-import-start");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(e -> {
            if (!received) {
                status.setText("Choose a zip file first.");
                return;
            }
            try (InputStream in = buffer.getInputStream()) {
                DatasetView view = imports.importZip(caller, name.getValue(), format.getValue(), in);
                ConsoleErrors.success("Imported " + view.name() + ": " + view.itemCount() + " items, "
                        + view.registeredConcepts().size() + " concept(s) registered, "
                        + view.reusedConcepts().size() + " already there.");
                onImported.accept(view);
                close();
            } catch (IOException | RuntimeException ex) {
                status.setText(ConsoleErrors.message(ex));
            }
        });
        Span help = new Span("Folders as published: yollava (train/, test/, yollava-visual-qa.json, "
                + "yollava-text-only-qa.json), rap-text, mcllava, or seed-json. Up to "
                + (DatasetImports.MAX_UPLOAD_BYTES >> 20) + " MiB.");
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout body = new VerticalLayout(format, name, upload, help, status);
        body.setPadding(false);
        body.setMinWidth("26rem");
        add(body);
        Button close = new Button("Close", e -> close());
        getFooter().add(close, importButton);
    }
}
