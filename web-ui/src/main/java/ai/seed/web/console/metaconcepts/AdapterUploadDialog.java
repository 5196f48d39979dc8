package ai.seed.web.console.metaconcepts;

import ai.seed.inference.adapters.AdapterService;
import ai.seed.inference.adapters.AdapterUpload;
import ai.seed.inference.adapters.AdapterView;
import ai.seed.inference.service.Caller;
import ai.seed.web.console.ConsoleErrors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * "Upload adapter": a zip of a PEFT LoRA folder (adapter_config.json + adapter_model.safetensors)
 * for one meta-concept. The server validates it before storing anything; a refusal shows why.
 */
@SuppressWarnings("deprecation") // MemoryBuffer: the simplest in-memory receiver in vaadin-core 24
class AdapterUploadDialog extends Dialog {

    /** The listener's request limit (SEED_MAX_REQUEST_BYTES) caps an upload anyway; say so up front. */
    static final int MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

    private final MemoryBuffer buffer = new MemoryBuffer();
    private final Upload upload = new Upload(buffer);
    private final TextField acceptBaseModel = new TextField("Accept base model (optional)");
    private final Span status = new Span();
    private boolean received;

    AdapterUploadDialog(AdapterService adapters, Caller caller, long versionId, int clusterIndex, String label,
                        Runnable onUploaded) {
        setHeaderTitle("Upload the adapter of meta-concept " + clusterIndex + " (" + label + ")");
        upload.setId("adapter-upload-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.addSucceededListener(e -> received = true);
        upload.addFileRejectedListener(e -> status.setText(e.getFileName() + ": " + e.getErrorMessage()));
        acceptBaseModel.setId("adapter-upload-base-model");
        acceptBaseModel.setWidthFull();
        acceptBaseModel.setHelperText("Only if the adapter was trained on another name of the configured base model");
        status.setId("adapter-upload-status");
        Button start = new Button("Upload", e -> submit(adapters, caller, versionId, clusterIndex, onUploaded));
        start.setId("adapter-upload-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Span help = new Span("A zip of the PEFT output folder: adapter_config.json and adapter_model.safetensors "
                + "(F32, F16 or BF16), at its top or inside one folder. Up to " + (MAX_UPLOAD_BYTES >> 20) + " MiB here; "
                + "larger adapters go through the API (docs/ADAPTERS.md).");
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout body = new VerticalLayout(upload, acceptBaseModel, help, status);
        body.setPadding(false);
        body.setMinWidth("28rem");
        add(body);
        getFooter().add(new Button("Close", e -> close()), start);
    }

    private void submit(AdapterService adapters, Caller caller, long versionId, int clusterIndex, Runnable onUploaded) {
        if (!received) {
            status.setText("Choose a zip file first.");
            return;
        }
        String base = acceptBaseModel.getValue().isBlank() ? null : acceptBaseModel.getValue().strip();
        try (InputStream in = buffer.getInputStream()) {
            AdapterView view = adapters.upload(caller, versionId, clusterIndex, new AdapterUpload.Zip(in), base);
            ConsoleErrors.success("Stored adapter " + view.servedName() + " (rank " + view.rank() + ", "
                    + String.format(Locale.ROOT, "%.1f", view.sizeBytes() / 1048576.0) + " MiB). The small-VLM server "
                    + "is asked to load it.");
            onUploaded.run();
            close();
        } catch (IOException | RuntimeException ex) {
            status.setText(ConsoleErrors.message(ex));
        }
    }
}
