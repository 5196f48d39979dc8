package ai.seed.web.console.scenarios;

import ai.seed.web.console.common.EmptyStates;
import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.scenarios.ScenarioService;
import ai.seed.inference.scenarios.ScenarioService.ScenarioView;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.MainLayout;
import ai.seed.web.console.common.Formats;
import ai.seed.web.console.common.RoleGate;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;

/** Scenarios: named sets of the tenant's concepts used together in chat; create, edit concepts, delete. */
@Route(value = "scenarios", layout = MainLayout.class)
@PageTitle("Scenarios | Seed")
public class ScenariosView extends VerticalLayout implements BeforeEnterObserver {

    @Inject
    ScenarioService scenarios;
    @Inject
    ConceptService concepts;
    @Inject
    ConsoleCaller callers;

    private final Grid<ScenarioView> grid = new Grid<>(ScenarioView.class, false);

    public ScenariosView() {
        setSizeFull();
        Button create = new Button("New scenario", VaadinIcon.PLUS.create(),
                e -> new NewScenarioDialog(scenarios, concepts, callers, s -> refresh()).open());
        create.setId("new-scenario");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Scenarios"), create);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("scenarios-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ScenarioView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(s -> s.description() == null ? "" : s.description()).setHeader("Description").setFlexGrow(1);
        grid.addColumn(s -> String.join(" ", s.conceptNames())).setHeader("Concepts").setFlexGrow(1);
        grid.addColumn(s -> Formats.time(s.createdAt(), "")).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateComponent(EmptyStates.withHint("scenarios-empty", "No scenarios: chat uses all of the tenant's concepts.",
                "Group the concepts that appear together with \"New scenario\"."));
        add(header, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (RoleGate.allow(event, "TENANT_ADMIN")) {
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(UiCalls.call(() -> scenarios.list(callers.current())).orElse(List.of()));
    }

    private HorizontalLayout actions(ScenarioView scenario) {
        Button edit = new Button(VaadinIcon.EDIT.create(),
                e -> new EditConceptsDialog(scenarios, concepts, callers, scenario, s -> refresh()).open());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        edit.setAriaLabel("Edit concepts of " + scenario.name());
        edit.getElement().setAttribute("title", "Edit concepts of " + scenario.name());
        edit.addClassName("edit-scenario-concepts");
        HorizontalLayout actions = new HorizontalLayout(edit, deleteButton(scenario));
        actions.setSpacing(false);
        return actions;
    }

    private Button deleteButton(ScenarioView scenario) {
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(scenario));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setAriaLabel("Delete scenario " + scenario.name());
        delete.getElement().setAttribute("title", "Delete scenario " + scenario.name());
        delete.addClassName("delete-scenario");
        return delete;
    }

    private void confirmDelete(ScenarioView scenario) {
        ConfirmDialog confirm = new ConfirmDialog("Delete scenario " + scenario.name() + "?",
                "Its concepts stay; only this grouping is removed.", "Delete", e -> {
                    if (UiCalls.run(() -> scenarios.delete(callers.current(), scenario.id()))) {
                        UiCalls.success("Scenario " + scenario.name() + " deleted");
                        refresh();
                    }
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }
}
