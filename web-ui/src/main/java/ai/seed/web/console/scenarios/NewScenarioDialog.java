package ai.seed.web.console.scenarios;

import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.inference.scenarios.ScenarioService;
import ai.seed.inference.scenarios.ScenarioService.ScenarioView;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** "New scenario": a name, an optional description and one or more of the tenant's concepts. */
class NewScenarioDialog extends Dialog {

    /** The most concepts offered in the picker (the service pages at 200). */
    private static final int PICKER_PAGE = 200;

    private final ScenarioService scenarios;
    private final ConsoleCaller callers;
    private final Consumer<ScenarioView> onCreated;
    private final TextField name = new TextField("Name");
    private final TextField description = new TextField("Description (optional)");
    private final MultiSelectComboBox<ConceptView> members = new MultiSelectComboBox<>("Concepts");
    private final Span error = new Span();

    NewScenarioDialog(ScenarioService scenarios, ConceptService concepts, ConsoleCaller callers,
                      Consumer<ScenarioView> onCreated) {
        this.scenarios = scenarios;
        this.callers = callers;
        this.onCreated = onCreated;
        setHeaderTitle("New scenario");
        setWidth("min(36rem, 95vw)");
        name.setId("scenario-name");
        name.setRequired(true);
        name.setWidthFull();
        description.setId("scenario-description");
        description.setWidthFull();
        members.setId("scenario-concepts");
        members.setWidthFull();
        members.setRequired(true);
        members.setItemLabelGenerator(ConceptView::name);
        members.setItems(allConcepts(concepts));
        error.setId("new-scenario-error");
        error.getElement().setAttribute("aria-live", "assertive");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout form = new VerticalLayout(name, description, members, error);
        form.setPadding(false);
        add(form);
        Button create = new Button("Create scenario", e -> create());
        create.setId("create-scenario");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), create);
        addOpenedChangeListener(e -> name.focus());
    }

    private List<ConceptView> allConcepts(ConceptService concepts) {
        List<ConceptView> all = new ArrayList<>();
        UiCalls.call(() -> concepts.list(callers.current(), null, 0, PICKER_PAGE)).ifPresent(l -> all.addAll(l.items()));
        return all;
    }

    private void create() {
        error.setText("");
        Set<UUID> ids = new LinkedHashSet<>();
        members.getSelectedItems().forEach(c -> ids.add(c.id()));
        UiCalls.call(() -> scenarios.create(callers.current(), name.getValue().strip(), description.getValue(), ids),
                error::setText).ifPresent(s -> {
                    close();
                    onCreated.accept(s);
                    UiCalls.success("Scenario " + s.name() + " created");
                });
    }
}
