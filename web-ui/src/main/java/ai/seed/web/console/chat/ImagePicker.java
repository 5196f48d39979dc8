package ai.seed.web.console.chat;

import ai.seed.inference.concepts.UploadedImage;
import ai.seed.inference.images.ImageIntake;
import ai.seed.inference.images.ImageLimits;
import ai.seed.inference.images.ImageRejectedException;
import ai.seed.web.console.ConsoleErrors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.Base64;

/**
 * The photo to ask about: one JPEG, PNG or WebP, dropped or picked (10 MiB at most, as the
 * service allows), shown as a preview with a button to remove it. The bytes are checked when the
 * file arrives, with the chat service's own intake, so a truncated or disguised file is refused at
 * once with the reason and never stays attached to make every later question fail; the service
 * checks them again when the question is asked.
 */
class ImagePicker extends HorizontalLayout {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final String WHAT_FITS = "Attach a JPEG, PNG or WebP photo of at most 10 MiB.";

    private final Upload upload;
    private final Image preview = new Image();
    private final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> clear());
    private final Span name = new Span();
    private UploadedImage image;
    private String dataUrl;

    ImagePicker() {
        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> accept(meta.fileName(), meta.contentType(), bytes)));
        upload.setId("chat-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setDropLabel(new Span("Drop a photo here (JPEG, PNG or WebP, up to 10 MiB)"));
        // Vaadin's own reasons ("File is Too Big.") name neither the file nor the limit.
        upload.addFileRejectedListener(e -> ConsoleErrors.show(notAttached(e.getFileName(), e.getErrorMessage() + " "
                + WHAT_FITS)));
        preview.setId("chat-image-preview");
        preview.setAlt("the photo to ask about");
        preview.setMaxHeight("96px");
        remove.setId("chat-image-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel("Remove the photo");
        remove.setTooltipText("Remove the photo");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        setWrap(true);
        add(upload, preview, name, remove);
        showPreview(false);
    }

    /**
     * Lets a photo pasted anywhere in {@code area} (Ctrl+V of a screenshot or a copied image) go
     * through the same upload as a dropped one; a paste without an image (text) is left alone.
     */
    void acceptPastesIn(com.vaadin.flow.component.Component area) {
        area.getElement().executeJs("""
                const upload = $0;
                this.addEventListener('paste', e => {
                  const files = Array.from((e.clipboardData && e.clipboardData.files) || [])
                      .filter(f => f.type && f.type.startsWith('image/'));
                  if (files.length === 0) { return; }
                  e.preventDefault();
                  const file = new File([files[0]], files[0].name || 'pasted.png', {type: files[0].type});
                  if (typeof upload._addFiles === 'function') { upload._addFiles([file]); } else { upload._addFile(file); }
                });""", upload.getElement());
    }

    private void accept(String fileName, String contentType, byte[] bytes) {
        upload.clearFileList();
        try {
            ImageIntake.accept(bytes, ImageLimits.defaults());
        } catch (ImageRejectedException e) {
            ConsoleErrors.show(notAttached(fileName, ConsoleErrors.sentence(e.getMessage()) + " " + WHAT_FITS));
            return;
        }
        image = new UploadedImage(bytes, fileName);
        String type = contentType == null || !contentType.startsWith("image/") ? "image/png" : contentType;
        dataUrl = bytes.length <= 2 * 1024 * 1024 ? "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes)
                : null;
        if (dataUrl != null) {
            preview.setSrc(dataUrl);
        }
        name.setText(fileName);
        showPreview(true);
    }

    private static String notAttached(String fileName, String why) {
        return "'" + (fileName == null || fileName.isBlank() ? "the file" : fileName) + "' was not attached: " + why;
    }

    /** The chosen photo, or null for a text-only question. */
    UploadedImage image() {
        return image;
    }

    /** A data URL of the photo for the conversation (null when none, or too large to inline). */
    String dataUrl() {
        return dataUrl;
    }

    void clear() {
        image = null;
        dataUrl = null;
        name.setText("");
        showPreview(false);
    }

    void setBusy(boolean busy) {
        remove.setEnabled(!busy);
    }

    private void showPreview(boolean shown) {
        preview.setVisible(shown && dataUrl != null);
        name.setVisible(shown);
        remove.setVisible(shown);
    }
}
