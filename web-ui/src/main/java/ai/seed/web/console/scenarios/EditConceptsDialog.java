package ai.seed.web.console.scenarios;

import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.inference.scenarios.ScenarioService;
import ai.seed.inference.scenarios.ScenarioService.ScenarioView;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** "Edit concepts" of a scenario: the tenant's concepts, the scenario's own preselected. */
class EditConceptsDialog extends Dialog {

    private static final int PICKER_PAGE = 200;

    private final ScenarioService scenarios;
    private final ConsoleCaller callers;
    private final ScenarioView scenario;
    private final Consumer<ScenarioView> onSaved;
    private final MultiSelectComboBox<ConceptView> members = new MultiSelectComboBox<>("Concepts");
    private final Span error = new Span();

    EditConceptsDialog(ScenarioService scenarios, ConceptService concepts, ConsoleCaller callers,
                       ScenarioView scenario, Consumer<ScenarioView> onSaved) {
        this.scenarios = scenarios;
        this.callers = callers;
        this.scenario = scenario;
        this.onSaved = onSaved;
        setHeaderTitle("Concepts of " + scenario.name());
        setWidth("min(36rem, 95vw)");
        members.setId("edit-scenario-concepts");
        members.setWidthFull();
        members.setRequired(true);
        members.setItemLabelGenerator(ConceptView::name);
        List<ConceptView> all = new ArrayList<>();
        UiCalls.call(() -> concepts.list(callers.current(), null, 0, PICKER_PAGE)).ifPresent(l -> all.addAll(l.items()));
        members.setItems(all);
        Set<ConceptView> selected = new LinkedHashSet<>();
        all.stream().filter(c -> scenario.conceptIds().contains(c.id())).forEach(selected::add);
        members.setValue(selected);
        error.setId("edit-scenario-error");
        error.getElement().setAttribute("aria-live", "assertive");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout form = new VerticalLayout(members, error);
        form.setPadding(false);
        add(form);
        Button save = new Button("Save concepts", e -> save());
        save.setId("save-scenario-concepts");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void save() {
        error.setText("");
        Set<UUID> ids = new LinkedHashSet<>();
        members.getSelectedItems().forEach(c -> ids.add(c.id()));
        UiCalls.call(() -> scenarios.replaceConcepts(callers.current(), scenario.id(), ids), error::setText)
                .ifPresent(s -> {
                    close();
                    onSaved.accept(s);
                    UiCalls.success("Concepts of " + s.name() + " saved");
                });
    }
}
