package ai.seed.web.console.evaluations;

import ai.seed.web.console.common.EmptyStates;
import ai.seed.domain.user.Role;
import ai.seed.inference.dictionary.DictionaryService;
import ai.seed.inference.dictionary.VersionView;
import ai.seed.inference.evaluation.runs.DatasetImports;
import ai.seed.inference.evaluation.runs.DatasetView;
import ai.seed.inference.evaluation.runs.EvaluationService;
import ai.seed.inference.evaluation.runs.RunComparisons;
import ai.seed.inference.evaluation.runs.RunView;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.ConsoleErrors;
import ai.seed.web.console.MainLayout;
import ai.seed.web.console.common.RoleGate;
import ai.seed.web.console.common.Badges;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Evaluations (issue #7): the tenant's datasets (import, delete), its runs with live progress
 * (read every second on a managed thread and pushed to the browser while a run is going), and,
 * for the runs ticked, the comparison shaped like the paper's Tables 1 and 5 with a chart; one
 * ticked run also shows its per-concept breakdown, reflection statistics and per-item results.
 */
@Route(value = "evaluations", layout = MainLayout.class)
@PageTitle("Evaluations | Seed")
public class EvaluationsView extends VerticalLayout implements BeforeEnterObserver {

    @Inject
    ConsoleCaller consoleCaller;
    @Inject
    EvaluationService evaluations;
    @Inject
    DatasetImports imports;
    @Inject
    RunComparisons comparisons;
    @Inject
    DictionaryService dictionary;
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    private final Grid<DatasetView> datasets = new Grid<>();
    private final Grid<RunView> runs = new Grid<>();
    private final ComparisonPanel comparison = new ComparisonPanel();
    private final RunDetailPanel detail = new RunDetailPanel();
    private Caller caller;
    private ScheduledFuture<?> poll;
    /** Set while the grid is refilled, so that re-selecting does not redraw the panels per run. */
    private boolean restoring;

    public EvaluationsView() {
        Button importButton = new Button("Import dataset", e -> openImport());
        importButton.setId("eval-import");
        Button startButton = new Button("Start run", e -> openStart());
        startButton.setId("eval-start");
        startButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Evaluations"), new HorizontalLayout(importButton, startButton));
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        configureDatasets();
        configureRuns();
        comparison.setVisible(false);
        detail.setVisible(false);
        add(header, new H3("Datasets"), datasets, new H3("Runs (tick runs to compare them)"), runs, comparison, detail);
    }

    private void configureDatasets() {
        datasets.setId("eval-datasets");
        datasets.setEmptyStateComponent(EmptyStates.withHint("eval-datasets-empty", "No evaluation sets yet.",
                "Press \"Import dataset\" and upload a Yo'LLaVA or MC-LLaVA zip."));
        datasets.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        datasets.setAllRowsVisible(true);
        datasets.addColumn(DatasetView::name).setHeader("Name").setFlexGrow(1);
        datasets.addColumn(DatasetView::format).setHeader("Format").setAutoWidth(true);
        datasets.addColumn(DatasetView::itemCount).setHeader("Items").setAutoWidth(true);
        datasets.addColumn(d -> String.join(" ", d.concepts())).setHeader("Concepts").setFlexGrow(1);
        datasets.addComponentColumn(d -> {
            Button delete = new Button("Delete", e -> confirmDelete(d));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return delete;
        }).setAutoWidth(true).setFlexGrow(0);
    }

    private void configureRuns() {
        runs.setId("eval-runs");
        runs.setEmptyStateComponent(EmptyStates.withHint("eval-runs-empty", "No runs yet.",
                "Press \"Start run\" once an evaluation set is imported."));
        runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        runs.setAllRowsVisible(true);
        // No "select all": a comparison of more than a few runs is unreadable (and capped at 20).
        ((com.vaadin.flow.component.grid.GridMultiSelectionModel<RunView>) runs.setSelectionMode(Grid.SelectionMode.MULTI))
                .setSelectAllCheckboxVisibility(
                        com.vaadin.flow.component.grid.GridMultiSelectionModel.SelectAllCheckboxVisibility.HIDDEN);
        runs.addComponentColumn(r -> {
            Span label = new Span(r.label());
            if (!r.baselines().isEmpty()) {
                label.add(Badges.warning("baseline"));
                label.getElement().setAttribute("title", "served by " + String.join("; ", r.baselines()));
            }
            return label;
        }).setHeader("Run").setFlexGrow(1);
        runs.addColumn(r -> StartRunDialog.modeLabel(ai.seed.inference.pipeline.TurnMode.valueOf(r.mode())))
                .setHeader("Mode").setAutoWidth(true);
        runs.addColumn(RunView::topK).setHeader("Top-K").setAutoWidth(true);
        runs.addColumn(r -> r.dictionaryVersionId() == null ? "none" : "#" + r.dictionaryVersionId())
                .setHeader("Dictionary").setAutoWidth(true);
        runs.addColumn(r -> r.leakageGuard() ? "on (" + r.excluded() + " left out)" : "off")
                .setHeader("Leakage guard").setAutoWidth(true);
        runs.addColumn(RunView::status).setHeader("Status").setAutoWidth(true);
        runs.addComponentColumn(EvaluationsView::progress).setHeader("Progress").setWidth("12rem").setFlexGrow(0);
        runs.addComponentColumn(r -> {
            Button cancel = new Button("Cancel", e -> cancel(r.id()));
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            cancel.setVisible(!r.finished());
            return cancel;
        }).setAutoWidth(true).setFlexGrow(0);
        runs.addSelectionListener(e -> {
            if (!restoring) {
                showSelected(e.getAllSelectedItems());
            }
        });
    }

    private static VerticalLayout progress(RunView r) {
        ProgressBar bar = new ProgressBar(0, Math.max(1, r.total()), Math.min(r.done(), Math.max(1, r.total())));
        VerticalLayout cell = new VerticalLayout(bar, new com.vaadin.flow.component.html.Span(r.done() + " / " + r.total()));
        cell.setPadding(false);
        cell.setSpacing(false);
        return cell;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!RoleGate.allow(event, "TENANT_ADMIN")) {
            return; // the services refuse too; this keeps the view itself from other roles
        }
        try {
            caller = consoleCaller.current().require(Role.TENANT_ADMIN);
        } catch (ServiceException notAllowed) {
            ConsoleErrors.show(notAllowed);
            return;
        }
        reload();
    }

    private void reload() {
        try {
            datasets.setItems(evaluations.datasets(caller));
            Set<UUID> selected = runs.getSelectedItems().stream().map(RunView::id)
                    .collect(java.util.stream.Collectors.toSet());
            List<RunView> all = evaluations.runs(caller);
            restoring = true;
            try {
                runs.setItems(all);
                all.stream().filter(r -> selected.contains(r.id())).forEach(runs::select);
            } finally {
                restoring = false;
            }
            showSelected(runs.getSelectedItems());
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
    }

    private void showSelected(Set<RunView> selected) {
        comparison.setVisible(!selected.isEmpty());
        detail.setVisible(selected.size() == 1);
        try {
            if (!selected.isEmpty()) {
                comparison.show(comparisons.table(caller, selected.stream().map(RunView::id).toList()));
            }
            if (selected.size() == 1) {
                detail.show(evaluations, caller, selected.iterator().next());
            }
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        // While a run is going, re-read the runs every second and push them to the browser.
        poll = scheduler.scheduleWithFixedDelay(() -> {
            if (caller == null) {
                return;
            }
            try {
                List<RunView> latest = evaluations.runs(caller);
                if (latest.stream().anyMatch(r -> !r.finished()) || changed(latest)) {
                    ui.access(this::reload);
                }
            } catch (RuntimeException e) {
                // shown on the next user action; a failing poll must not end the schedule
            }
        }, 1000, 1000, TimeUnit.MILLISECONDS);
    }

    private volatile List<RunView> lastSeen = List.of();

    /** A run just ended (or appeared): refresh once more so the final state shows. */
    private boolean changed(List<RunView> latest) {
        List<String> now = latest.stream().map(r -> r.id() + r.status()).toList();
        List<String> before = lastSeen.stream().map(r -> r.id() + r.status()).toList();
        lastSeen = latest;
        return !now.equals(before);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.cancel(false);
        }
        super.onDetach(event);
    }

    private void openImport() {
        new ImportDatasetDialog(imports, caller, d -> reload()).open();
    }

    private void openStart() {
        List<VersionView> versions;
        try {
            versions = dictionary.versions(caller);
        } catch (RuntimeException e) {
            versions = List.of();
        }
        new StartRunDialog(evaluations, caller, evaluations.datasets(caller), versions, r -> reload()).open();
    }

    private void cancel(UUID runId) {
        try {
            evaluations.cancel(caller, runId);
            reload();
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
    }

    private void confirmDelete(DatasetView d) {
        ConfirmDialog dialog = new ConfirmDialog("Delete " + d.name() + "?", "The dataset, its items and all its runs "
                + "and results are deleted. Registered concepts stay.", "Delete", e -> {
                    try {
                        evaluations.deleteDataset(caller, d.id());
                        reload();
                    } catch (RuntimeException ex) {
                        ConsoleErrors.show(ex);
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
