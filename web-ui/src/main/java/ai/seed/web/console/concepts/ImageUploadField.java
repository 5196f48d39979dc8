package ai.seed.web.console.concepts;

import ai.seed.inference.concepts.UploadedImage;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-image upload for reference images (JPEG, PNG, WebP; at most 10 files of 10 MiB) with a
 * preview of every received file. The bytes stay in memory until the dialog uses or drops them;
 * the server validates them again (type from the bytes, size, megapixels).
 */
@SuppressWarnings("deprecation") // MultiFileMemoryBuffer: the simplest in-memory receiver in vaadin-core 24
class ImageUploadField extends Composite<VerticalLayout> {

    static final int MAX_FILES = 10;
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final MultiFileMemoryBuffer buffer = new MultiFileMemoryBuffer();
    private final Upload upload = new Upload(buffer);
    private final Div previews = new Div();
    private final Map<String, byte[]> received = new LinkedHashMap<>();

    ImageUploadField(String id) {
        upload.setId(id);
        upload.setMaxFiles(MAX_FILES);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setWidthFull();
        upload.addSucceededListener(e -> receive(e.getFileName()));
        upload.addFileRejectedListener(e -> UiCalls.error(e.getFileName() + ": " + e.getErrorMessage()));
        upload.addFailedListener(e -> UiCalls.error(e.getFileName() + ": the upload failed; try again."));
        upload.addFileRemovedListener(e -> remove(e.getFileName()));
        previews.setId(id + "-previews");
        previews.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(upload, previews);
    }

    /** The received images in upload order. */
    List<UploadedImage> images() {
        List<UploadedImage> out = new ArrayList<>();
        received.forEach((name, bytes) -> out.add(new UploadedImage(bytes, name)));
        return out;
    }

    boolean isEmpty() {
        return received.isEmpty();
    }

    void clear() {
        received.clear();
        previews.removeAll();
        upload.clearFileList();
    }

    private void receive(String fileName) {
        try (InputStream in = buffer.getInputStream(fileName)) {
            byte[] bytes = in.readAllBytes();
            received.put(fileName, bytes);
            renderPreviews();
        } catch (IOException e) {
            UiCalls.error(UiCalls.messageFor(e));
        }
    }

    private void remove(String fileName) {
        received.remove(fileName);
        renderPreviews();
    }

    private void renderPreviews() {
        previews.removeAll();
        received.forEach((name, bytes) -> previews.add(preview(name, bytes)));
    }

    private static Image preview(String name, byte[] bytes) {
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), "preview", null, bytes.length)), "Preview of " + name);
        image.addClassName("seed-upload-preview");
        image.getElement().setAttribute("title", name);
        image.getStyle().set("height", "72px").set("width", "72px").set("object-fit", "cover")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("border", "1px solid var(--lumo-contrast-20pct)");
        return image;
    }
}
