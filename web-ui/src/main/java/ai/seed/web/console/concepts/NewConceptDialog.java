package ai.seed.web.console.concepts;

import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.inference.concepts.RegisterConcept;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * "New concept": name, description and 1-10 reference images with previews. The service
 * registers all of it or nothing; its refusals (bad name, bad image, duplicate) show in the
 * dialog, which stays open so the admin can correct them.
 */
class NewConceptDialog extends Dialog {

    private final ConceptService concepts;
    private final ConsoleCaller callers;
    private final Consumer<ConceptView> onCreated;
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final ImageUploadField images = new ImageUploadField("concept-images");
    private final Span error = new Span();
    private final Button create = new Button("Register concept", e -> create());
    /** One key per dialog: a double click or a retry after a timeout cannot register twice. */
    private String idempotencyKey = UUID.randomUUID().toString();

    NewConceptDialog(ConceptService concepts, ConsoleCaller callers, Consumer<ConceptView> onCreated) {
        this.concepts = concepts;
        this.callers = callers;
        this.onCreated = onCreated;
        setHeaderTitle("New concept");
        setWidth("min(44rem, 95vw)");
        setCloseOnOutsideClick(false);
        name.setId("concept-name");
        name.setRequired(true);
        name.setWidthFull();
        name.setHelperText("Like <bo> or bo: lowercase letters, digits, '-' or '_'");
        description.setId("concept-description");
        description.setWidthFull();
        description.setHelperText("One sentence that says what it is; the large VLM derives the identity from it");
        description.setMaxLength(2000);
        error.setId("new-concept-error");
        error.getElement().setAttribute("aria-live", "assertive");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Paragraph imageHelp = new Paragraph("Reference images: 1 to 10 JPEG, PNG or WebP files, 10 MiB each.");
        imageHelp.getStyle().set("margin", "var(--lumo-space-s) 0 0").set("color", "var(--lumo-secondary-text-color)");
        add(name, description, imageHelp, images, error);
        create.setId("create-concept");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        getFooter().add(new Button("Cancel", e -> close()), create);
        addOpenedChangeListener(e -> name.focus());
    }

    private void create() {
        error.setText("");
        name.setInvalid(false);
        try {
            if (images.isEmpty()) {
                error.setText("Add at least one reference image.");
                return;
            }
            RegisterConcept cmd = new RegisterConcept(name.getValue(), description.getValue(), images.images(),
                    idempotencyKey);
            UiCalls.call(() -> concepts.register(callers.current(), cmd), this::refused).ifPresent(this::created);
        } finally {
            create.setEnabled(true);
        }
    }

    private void refused(String message) {
        error.setText(message);
        if (message.toLowerCase().contains("identifier") || message.toLowerCase().contains("concept named")) {
            name.setErrorMessage(message);
            name.setInvalid(true);
        }
        idempotencyKey = UUID.randomUUID().toString(); // a corrected request is a new request
    }

    private void created(ConceptView concept) {
        close();
        onCreated.accept(concept);
        UiCalls.success("Concept " + concept.name() + " registered"
                + (concept.identified() ? "" : " (no large VLM: identity not extracted yet)"));
    }
}
