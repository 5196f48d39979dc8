package ai.seed.web.console.concepts;

import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.common.Formats;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * One concept: its images and embedding status, the description (a change re-extracts the
 * identity), the identity (edit or regenerate), image replacement and deletion with confirmation.
 * Every change goes through the service; the dialog then shows what was stored.
 */
class ConceptDetailDialog extends Dialog {

    private final ConceptService concepts;
    private final ConsoleCaller callers;
    private final Runnable onChanged;
    private final VerticalLayout body = new VerticalLayout();
    private ConceptView concept;

    ConceptDetailDialog(ConceptService concepts, ConsoleCaller callers, ConceptView concept, Runnable onChanged) {
        this.concepts = concepts;
        this.callers = callers;
        this.onChanged = onChanged;
        setWidth("min(52rem, 95vw)");
        setId("concept-detail");
        body.setPadding(false);
        add(body);
        Button delete = new Button("Delete concept", e -> confirmDelete());
        delete.setId("delete-concept");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button close = new Button("Close", e -> close());
        close.setId("close-concept");
        getFooter().add(delete, close);
        show(concept);
    }

    private void show(ConceptView view) {
        this.concept = view;
        setHeaderTitle("Concept " + view.name());
        body.removeAll();
        body.add(images(), status(), descriptionEditor(),
                new IdentityEditor(concepts, callers, view, this::changed), replaceImages());
    }

    private Div images() {
        Div row = new Div();
        row.setId("concept-detail-images");
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        concept.images().forEach(i -> row.add(ConceptThumbnails.of(concepts, callers.current(), concept,
                i.position(), 96)));
        return row;
    }

    private HorizontalLayout status() {
        Span embedding = new Span("Embedding: " + concept.images().size() + " image(s), ");
        HorizontalLayout line = new HorizontalLayout(embedding, ConceptsView.embedding(concept),
                new Span("· version " + concept.version() + " · updated " + Formats.time(concept.updatedAt(), "")
                        + " by " + concept.updatedBy()));
        line.setId("concept-detail-status");
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        line.getStyle().set("flex-wrap", "wrap").set("font-size", "var(--lumo-font-size-s)");
        return line;
    }

    private VerticalLayout descriptionEditor() {
        TextArea description = new TextArea("Description");
        description.setId("concept-detail-description");
        description.setWidthFull();
        description.setMaxLength(2000);
        description.setValue(concept.description() == null ? "" : concept.description());
        description.setHelperText("Saving a new description extracts the identity again (large VLM)");
        Button save = new Button("Save description", e -> UiCalls.call(() -> concepts.describe(callers.current(),
                concept.id(), description.getValue()), description::setErrorMessage).ifPresentOrElse(
                        v -> changed(v, "Description saved"), () -> description.setInvalid(true)));
        save.setId("save-description");
        VerticalLayout section = new VerticalLayout(description, save);
        section.setPadding(false);
        return section;
    }

    private Details replaceImages() {
        ImageUploadField upload = new ImageUploadField("replace-images");
        Button replace = new Button("Replace all images", e -> {
            if (upload.isEmpty()) {
                UiCalls.error("Add at least one reference image first.");
                return;
            }
            UiCalls.call(() -> concepts.replaceImages(callers.current(), concept.id(), upload.images()))
                    .ifPresent(v -> changed(v, "Images replaced and embedded"));
        });
        replace.setId("replace-images-button");
        Paragraph help = new Paragraph("The new images replace every current one; the embedding is recomputed.");
        VerticalLayout content = new VerticalLayout(help, upload, replace);
        content.setPadding(false);
        Details details = new Details("Replace images", content);
        details.setId("replace-images-section");
        return details;
    }

    private void changed(ConceptView updated, String message) {
        UiCalls.success(message);
        show(updated);
        onChanged.run();
    }

    private void changed(ConceptView updated) {
        changed(updated, "Identity saved");
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + concept.name() + "?",
                "The concept, its images and embeddings are deleted; scenarios lose it. This cannot be undone.",
                "Delete", e -> delete());
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setId("confirm-delete-concept");
        confirm.open();
    }

    private void delete() {
        if (UiCalls.run(() -> concepts.delete(callers.current(), concept.id()))) {
            UiCalls.success("Concept " + concept.name() + " deleted");
            close();
            onChanged.run();
        }
    }
}
